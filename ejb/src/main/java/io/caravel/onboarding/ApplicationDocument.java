package io.caravel.onboarding;

import io.caravel.platform.Ids;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** A document uploaded with an application: its content type was checked from its bytes. */
@Entity(name = "ApplicationDocument")
@Table(name = "application_document")
public class ApplicationDocument {

    @Id
    private String id;
    @Column(name = "application_id", nullable = false, updatable = false)
    private String applicationId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DocumentKind kind;
    @Column(name = "file_name", nullable = false)
    private String fileName;
    @Column(name = "content_type", nullable = false)
    private String contentType;
    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;
    @Column(nullable = false)
    private String sha256;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;
    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected ApplicationDocument() {
    }

    ApplicationDocument(String applicationId, DocumentKind kind, String fileName, String contentType, byte[] content,
                        String sha256, Instant uploadedAt) {
        this.id = Ids.newId();
        this.applicationId = applicationId;
        this.kind = kind;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = content.length;
        this.sha256 = sha256;
        this.content = content;
        this.uploadedAt = uploadedAt;
    }

    public String id() { return id; }
    public String applicationId() { return applicationId; }
    public DocumentKind kind() { return kind; }
    public String fileName() { return fileName; }
    public String contentType() { return contentType; }
    public long sizeBytes() { return sizeBytes; }
    public String sha256() { return sha256; }
    public byte[] content() { return content.clone(); }
    public Instant uploadedAt() { return uploadedAt; }
}
