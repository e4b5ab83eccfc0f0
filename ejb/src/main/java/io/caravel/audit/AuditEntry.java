package io.caravel.audit;

import io.caravel.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of the append-only audit trail: who did what to which case, when, in which request. Staff
 * see every line with its detail; the case's seller sees only lines that carry a message for them.
 */
@Entity(name = "AuditEntry")
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    private String id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "subject_type", nullable = false, updatable = false)
    private String subjectType;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private String subjectId;

    @Column(updatable = false, length = 4000)
    private String detail;

    /** The detail as words for the reader's language ({@link Detail}, stored as JSON); null: only the English detail. */
    @Column(name = "detail_words", updatable = false, length = 4000)
    private String detailWords;

    @Column(name = "request_id", updatable = false)
    private String requestId;

    /** What the case's seller reads of this entry; null when the entry is for staff only. */
    @Column(name = "seller_message", updatable = false, length = 4000)
    private String sellerMessage;

    /** Whether the seller sees who acted (the seller's own users), or only that Caravel did. */
    @Column(name = "seller_sees_actor", nullable = false, updatable = false)
    private boolean sellerSeesActor;

    protected AuditEntry() {
    }

    AuditEntry(Instant occurredAt, String actor, String action, String subjectType, String subjectId, String detail,
               Detail words, String requestId, String sellerMessage, boolean sellerSeesActor) {
        this.id = Ids.newId();
        String json = words == null ? null : words.toJson();
        this.detailWords = json == null || json.length() > AuditTrail.MAX_TEXT ? null : json;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.detail = detail;
        this.requestId = requestId;
        this.sellerMessage = sellerMessage;
        this.sellerSeesActor = sellerSeesActor;
    }

    public String id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String subjectType() {
        return subjectType;
    }

    public String subjectId() {
        return subjectId;
    }

    public String detail() {
        return detail;
    }

    /** The detail in words for the reader's language; null when the entry has only its English detail. */
    public Detail words() {
        return Detail.fromJson(detailWords);
    }

    public String requestId() {
        return requestId;
    }

    public String sellerMessage() {
        return sellerMessage;
    }

    public boolean sellerSeesActor() {
        return sellerSeesActor;
    }
}
