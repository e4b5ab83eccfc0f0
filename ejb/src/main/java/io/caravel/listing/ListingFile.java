package io.caravel.listing;

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

/** An image or a document of a listing; its content type was checked from its bytes. */
@Entity(name = "ListingFile")
@Table(name = "listing_file")
public class ListingFile {

    /** What a file is for: a product image shown to buyers, or a document for the reviewers. */
    public enum Purpose { IMAGE, DOCUMENT }

    @Id
    private String id;
    @Column(name = "listing_id", nullable = false, updatable = false)
    private String listingId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Purpose purpose;
    @Enumerated(EnumType.STRING)
    private ListingDocumentKind kind;
    @Column(name = "file_name", nullable = false)
    private String fileName;
    @Column(name = "content_type", nullable = false)
    private String contentType;
    @Column(name = "size_bytes", nullable = false)
    private int sizeBytes;
    @Column(nullable = false)
    private String sha256;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;
    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected ListingFile() {
    }

    ListingFile(String listingId, Purpose purpose, ListingDocumentKind kind, String fileName, String contentType,
                byte[] content, String sha256, Instant uploadedAt) {
        this.id = Ids.newId();
        this.listingId = listingId;
        this.purpose = purpose;
        this.kind = kind;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = content.length;
        this.sha256 = sha256;
        this.content = content;
        this.uploadedAt = uploadedAt;
    }

    public String id() { return id; }
    public String listingId() { return listingId; }
    public Purpose purpose() { return purpose; }
    public ListingDocumentKind kind() { return kind; }
    public String fileName() { return fileName; }
    public String contentType() { return contentType; }
    public int sizeBytes() { return sizeBytes; }
    public String sha256() { return sha256; }
    public byte[] content() { return content; }
    public Instant uploadedAt() { return uploadedAt; }
}
