package io.caravel.customs;

import io.caravel.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** One submission of a declaration to the customs gateway: exactly what was sent, and the answer. */
@Entity(name = "DeclarationSubmission")
@Table(name = "declaration_submission")
public class DeclarationSubmission {

    @Id
    private String id;
    @Column(name = "declaration_id", nullable = false)
    private String declarationId;
    @Column(nullable = false)
    private int attempt;
    @Column(nullable = false)
    private String gateway;
    @Column(name = "gateway_ref", nullable = false)
    private String gatewayRef;
    @Lob
    @Column(nullable = false)
    private String documents;
    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;
    private String answer;
    @Column(name = "reason_code")
    private String reasonCode;
    @Column(name = "answered_at")
    private Instant answeredAt;

    protected DeclarationSubmission() {
    }

    DeclarationSubmission(String declarationId, int attempt, String gateway, String gatewayRef, String documents, Instant now) {
        this.id = Ids.newId();
        this.declarationId = declarationId;
        this.attempt = attempt;
        this.gateway = gateway;
        this.gatewayRef = gatewayRef;
        this.documents = documents;
        this.submittedAt = now;
    }

    void answered(String answer, String reasonCode, Instant at) {
        this.answer = answer;
        this.reasonCode = reasonCode;
        this.answeredAt = at;
    }

    public String id() { return id; }
    public String declarationId() { return declarationId; }
    public int attempt() { return attempt; }
    public String gateway() { return gateway; }
    public String gatewayRef() { return gatewayRef; }
    public Instant submittedAt() { return submittedAt; }
    public String answer() { return answer; }
    public String reasonCode() { return reasonCode; }
    public Instant answeredAt() { return answeredAt; }
}
