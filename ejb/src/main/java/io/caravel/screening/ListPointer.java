package io.caravel.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A list Caravel screens against and its active release; its row is locked while a release loads. */
@Entity(name = "SanctionsListPointer")
@Table(name = "sanctions_list")
public class ListPointer {
    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "list_source")
    private ListSource source;
    @Column(name = "active_version_id")
    private String activeVersionId;

    protected ListPointer() {
    }

    ListSource source() { return source; }
    String activeVersionId() { return activeVersionId; }
    void activate(String versionId) { activeVersionId = versionId; }
}
