package io.caravel.screening;

import io.caravel.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One release of a sanctions list as it was loaded: its checksum, date, who loaded it, and the delta against the one before. */
@Entity(name = "SanctionsListVersion")
@Table(name = "sanctions_list_version")
public class ListVersion {

    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    @Column(name = "list_source", nullable = false)
    private ListSource source;
    @Column(nullable = false)
    private String version;
    @Column(nullable = false)
    private String checksum;
    @Column(nullable = false)
    private int entries;
    private Instant published;
    @Column(name = "loaded_at", nullable = false)
    private Instant loadedAt;
    @Column(name = "loaded_by", nullable = false)
    private String loadedBy;
    @Column(name = "previous_id")
    private String previousId;
    /** The release's place in the order the list's releases were loaded: 1, 2, ... */
    @Column(name = "release_no", nullable = false)
    private int releaseNo;
    private int added;
    private int removed;
    private int changed;

    protected ListVersion() {
    }

    ListVersion(SanctionsList list, SanctionsList.Delta delta, String previousId, int releaseNo, String by, Instant now) {
        this.id = Ids.newId();
        this.source = list.source();
        this.version = list.version();
        this.checksum = list.checksum();
        this.entries = list.size();
        this.published = list.published().orElse(null);
        this.loadedAt = now;
        this.loadedBy = by;
        this.previousId = previousId;
        this.releaseNo = releaseNo;
        this.added = delta.added().size();
        this.removed = delta.removed().size();
        this.changed = delta.changed().size();
    }

    public String id() { return id; }
    public ListSource source() { return source; }
    public String version() { return version; }
    public String checksum() { return checksum; }
    public int entries() { return entries; }
    public Instant published() { return published; }
    public Instant loadedAt() { return loadedAt; }
    public String loadedBy() { return loadedBy; }
    public String previousId() { return previousId; }
    public int releaseNo() { return releaseNo; }
    public int added() { return added; }
    public int removed() { return removed; }
    public int changed() { return changed; }
}
