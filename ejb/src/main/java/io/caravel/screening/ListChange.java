package io.caravel.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** An entry a release added, removed or changed against the release before it. */
@Entity(name = "SanctionsListChange")
@Table(name = "sanctions_list_change")
@IdClass(ListChange.Key.class)
public class ListChange {
    @Id
    @Column(name = "version_id")
    private String versionId;
    @Id
    @Column(name = "ent_num")
    private long entNum;
    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind", nullable = false)
    private ChangeKind kind;
    @Column(nullable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "party_type", nullable = false)
    private PartyType type;

    protected ListChange() {
    }

    ListChange(String versionId, SanctionsEntry entry, ChangeKind kind) {
        this.versionId = versionId;
        this.entNum = entry.entNum();
        this.kind = kind;
        this.name = entry.primaryName().length() > 500 ? entry.primaryName().substring(0, 500) : entry.primaryName();
        this.type = entry.type();
    }

    long entNum() { return entNum; }
    ChangeKind kind() { return kind; }
    String name() { return name; }
    PartyType type() { return type; }

    /** The key of a change row. */
    public static class Key implements Serializable {
        private String versionId;
        private long entNum;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(versionId, k.versionId) && entNum == k.entNum;
        }

        @Override
        public int hashCode() {
            return Objects.hash(versionId, entNum);
        }
    }
}
