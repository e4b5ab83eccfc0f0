package io.caravel.creator;

import io.caravel.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A creator who shares products through referral links and earns a commission on the orders they bring. */
@Entity(name = "Creator")
@Table(name = "creator")
public class Creator {

    @Id
    private String id;
    @Column(nullable = false)
    private String username;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    @Column(name = "legal_name", nullable = false)
    private String legalName;
    @Column(nullable = false)
    private String country;
    @Column(name = "channel_url")
    private String channelUrl;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CreatorStatus status;
    /** The screening's result in words: list version, the best hits and their scores. */
    private String screening;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decided_by")
    private String decidedBy;
    /** The officer's internal note: staff only. */
    @Column(name = "decision_note")
    private String decisionNote;
    /** What the creator reads about the decision (a rejection's reason). */
    private String message;
    @Version
    private int version;

    protected Creator() {
    }

    Creator(String username, String displayName, String legalName, String country, String channelUrl, CreatorStatus status,
            String screening, Instant createdAt) {
        this.id = Ids.newId();
        this.username = username;
        this.displayName = displayName;
        this.legalName = legalName;
        this.country = country;
        this.channelUrl = channelUrl;
        this.status = status;
        this.screening = screening;
        this.createdAt = createdAt;
    }

    void decided(CreatorStatus status, String by, Instant at, String note, String message) {
        this.status = status;
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionNote = note;
        this.message = message;
    }

    /** A new list release found a possible match on an active creator: back to compliance until decided again. */
    void screenAgain(String found) {
        this.status = CreatorStatus.SCREENING;
        this.screening = found.length() > 1000 ? found.substring(0, 1000) : found;
    }

    public String id() { return id; }
    public String username() { return username; }
    public String displayName() { return displayName; }
    public String legalName() { return legalName; }
    public String country() { return country; }
    public String channelUrl() { return channelUrl; }
    public CreatorStatus status() { return status; }
    public String screening() { return screening; }
    public Instant createdAt() { return createdAt; }
    public Instant decidedAt() { return decidedAt; }
    public String decidedBy() { return decidedBy; }
    public String decisionNote() { return decisionNote; }
    public String message() { return message; }
}
