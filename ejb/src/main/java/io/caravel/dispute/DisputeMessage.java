package io.caravel.dispute;

import io.caravel.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One message of a dispute's thread; a staff-only note is never shown to the buyer or the seller. */
@Entity(name = "DisputeMessage")
@Table(name = "dispute_message")
public class DisputeMessage {

    @Id
    private String id;
    @Column(name = "dispute_id", nullable = false)
    private String disputeId;
    @Column(nullable = false)
    private String author;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Party party;
    @Column(name = "staff_only", nullable = false)
    private boolean staffOnly;
    @Column(nullable = false)
    private String body;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DisputeMessage() {
    }

    DisputeMessage(String disputeId, String author, Party party, boolean staffOnly, String body, Instant now) {
        this.id = Ids.newId();
        this.disputeId = disputeId;
        this.author = author;
        this.party = party;
        this.staffOnly = staffOnly;
        this.body = body;
        this.createdAt = now;
    }

    public String id() { return id; }
    public String disputeId() { return disputeId; }
    public String author() { return author; }
    public Party party() { return party; }
    public boolean staffOnly() { return staffOnly; }
    public String body() { return body; }
    public Instant createdAt() { return createdAt; }
}
