package io.caravel.risk;

import io.caravel.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Something risky a check or a person found about a subject (a listing, an application, ...), tagged with its category. */
@Entity(name = "RiskEvent")
@Table(name = "risk_event")
public class RiskEvent {

    /** How serious: BLOCK stops the subject, REVIEW needs a person, INFO is only recorded. */
    public enum Severity { BLOCK, REVIEW, INFO }

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RiskCategory category;

    @Column(nullable = false)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Severity severity;

    @Column(name = "subject_type", nullable = false)
    private String subjectType;

    @Column(name = "subject_id", nullable = false)
    private String subjectId;

    @Column(name = "seller_id")
    private String sellerId;

    private String detail;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    private String decision;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected RiskEvent() {
    }

    RiskEvent(RiskCategory category, String code, Severity severity, String subjectType, String subjectId, String sellerId,
              String detail, Instant occurredAt) {
        this.id = Ids.newId();
        this.category = category;
        this.code = code;
        this.severity = severity;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.sellerId = sellerId;
        this.detail = detail;
        this.occurredAt = occurredAt;
    }

    public String id() { return id; }
    public RiskCategory category() { return category; }
    public String code() { return code; }
    public Severity severity() { return severity; }
    public String subjectType() { return subjectType; }
    public String subjectId() { return subjectId; }
    public String sellerId() { return sellerId; }
    public String detail() { return detail; }
    public Instant occurredAt() { return occurredAt; }
    /** What a person decided on the event's case (the task's outcome), or null while undecided. */
    public String decision() { return decision; }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
}
