package io.caravel.onboarding;

import io.caravel.platform.StoredFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** A document uploaded with an application: its content type was checked from its bytes. */
@Entity(name = "ApplicationDocument")
@Table(name = "application_document")
public class ApplicationDocument extends StoredFile {

    @Column(name = "application_id", nullable = false, updatable = false)
    private String applicationId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DocumentKind kind;

    protected ApplicationDocument() {
    }

    ApplicationDocument(String applicationId, DocumentKind kind, String fileName, String contentType, byte[] content,
                        Instant uploadedAt) {
        super(fileName, contentType, content, uploadedAt);
        this.applicationId = applicationId;
        this.kind = kind;
    }

    public String applicationId() { return applicationId; }
    public DocumentKind kind() { return kind; }
}
