package io.caravel.platform;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What every uploaded file keeps: a safe name, the content type recognised from its bytes
 * ({@link Uploads}), size, SHA-256 fingerprint, the content and when it came.
 */
@MappedSuperclass
public abstract class StoredFile {

    @Id
    private String id;
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

    protected StoredFile() {
    }

    protected StoredFile(String fileName, String contentType, byte[] content, Instant uploadedAt) {
        this.id = Ids.newId();
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = content.length;
        this.sha256 = Uploads.sha256(content);
        this.content = content;
        this.uploadedAt = uploadedAt;
    }

    public String id() { return id; }
    public String fileName() { return fileName; }
    public String contentType() { return contentType; }
    public long sizeBytes() { return sizeBytes; }
    public String sha256() { return sha256; }
    public byte[] content() { return content.clone(); }
    public Instant uploadedAt() { return uploadedAt; }
}
