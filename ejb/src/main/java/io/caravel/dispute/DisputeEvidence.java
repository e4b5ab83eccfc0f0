package io.caravel.dispute;

import io.caravel.platform.StoredFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file a party gave as evidence (tracking, photos, messages); its content type was checked from its bytes. */
@Entity(name = "DisputeEvidence")
@Table(name = "dispute_evidence")
public class DisputeEvidence extends StoredFile {

    /** What the evidence shows. */
    public enum Kind { TRACKING, PHOTO, MESSAGES, OTHER }

    @Column(name = "dispute_id", nullable = false, updatable = false)
    private String disputeId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Party party;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    protected DisputeEvidence() {
    }

    DisputeEvidence(String disputeId, Party party, Kind kind, String uploadedBy, String fileName, String contentType,
                    byte[] content, Instant uploadedAt) {
        super(fileName, contentType, content, uploadedAt);
        this.disputeId = disputeId;
        this.party = party;
        this.kind = kind;
        this.uploadedBy = uploadedBy;
    }

    public String disputeId() { return disputeId; }
    public Party party() { return party; }
    public Kind kind() { return kind; }
    public String uploadedBy() { return uploadedBy; }
}
