package io.caravel.privacy;

import io.caravel.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A person's request for a copy or the erasure of their personal data: a task for compliance with a due date. */
@Entity(name = "DataRequest")
@Table(name = "data_request")
public class DataRequest {

    @Id
    private String id;
    @Column(nullable = false)
    private String username;
    @Column(name = "seller_id")
    private String sellerId;
    @Enumerated(EnumType.STRING)
    private DataRequestKind kind;
    @Enumerated(EnumType.STRING)
    private DataRequestStatus status;
    private String note;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    private String message;
    @Column(name = "export_json")
    private String exportJson;
    private String kept;
    @Version
    private int version;

    protected DataRequest() {
    }

    DataRequest(String username, String sellerId, DataRequestKind kind, String note, Instant requestedAt, Instant dueAt) {
        this.id = Ids.newId();
        this.username = username;
        this.sellerId = sellerId;
        this.kind = kind;
        this.status = DataRequestStatus.OPEN;
        this.note = note;
        this.requestedAt = requestedAt;
        this.dueAt = dueAt;
    }

    void fulfilled(String by, Instant at, String message, String exportJson, String kept) {
        this.status = DataRequestStatus.FULFILLED;
        this.decidedBy = by;
        this.decidedAt = at;
        this.message = message;
        this.exportJson = exportJson;
        this.kept = kept;
    }

    void refused(String by, Instant at, String message) {
        this.status = DataRequestStatus.REFUSED;
        this.decidedBy = by;
        this.decidedAt = at;
        this.message = message;
    }

    public String id() { return id; }
    public String username() { return username; }
    public String sellerId() { return sellerId; }
    public DataRequestKind kind() { return kind; }
    public DataRequestStatus status() { return status; }
    public String note() { return note; }
    public Instant requestedAt() { return requestedAt; }
    public Instant dueAt() { return dueAt; }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
    public String message() { return message; }
    public String exportJson() { return exportJson; }
    public String kept() { return kept; }
    public int version() { return version; }
}
