package io.caravel.screening;

import io.caravel.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A hit an officer cleared as a false positive, remembered for whose name it was (a seller's, or a
 * buyer's consignee), that name and that list entry as the list wrote it (its fingerprint): the same hit
 * does not alert again until the entry changes.
 */
@Entity(name = "ScreeningClearance")
@Table(name = "screening_clearance")
public class ScreeningClearance {

    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type", nullable = false)
    private ScreeningSubject subjectType;
    @Column(name = "subject_id", nullable = false)
    private String subjectId;
    @Column(name = "name_key", nullable = false)
    private String nameKey;
    @Enumerated(EnumType.STRING)
    @Column(name = "list_source", nullable = false)
    private ListSource list;
    @Column(name = "ent_num", nullable = false)
    private long entNum;
    @Column(name = "entry_fingerprint", nullable = false)
    private String fingerprint;
    @Column(nullable = false)
    private String reason;
    @Column(name = "cleared_by", nullable = false)
    private String clearedBy;
    @Column(name = "cleared_at", nullable = false)
    private Instant clearedAt;

    protected ScreeningClearance() {
    }

    ScreeningClearance(ScreeningSubject subjectType, String subjectId, String nameKey, ListSource list, long entNum, String fingerprint, String reason,
                       String by, Instant at) {
        this.id = Ids.newId();
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.nameKey = nameKey;
        this.list = list;
        this.entNum = entNum;
        this.fingerprint = fingerprint;
        this.reason = reason.length() > 1000 ? reason.substring(0, 1000) : reason; // a decision's note may be longer
        this.clearedBy = by;
        this.clearedAt = at;
    }

    public String reason() { return reason; }
    public String clearedBy() { return clearedBy; }
    public Instant clearedAt() { return clearedAt; }
}
