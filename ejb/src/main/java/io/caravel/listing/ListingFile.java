package io.caravel.listing;

import io.caravel.platform.StoredFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** An image or a document of a listing; its content type was checked from its bytes. */
@Entity(name = "ListingFile")
@Table(name = "listing_file")
public class ListingFile extends StoredFile {

    /** What a file is for: a product image shown to buyers, or a document for the reviewers. */
    public enum Purpose { IMAGE, DOCUMENT }

    @Column(name = "listing_id", nullable = false, updatable = false)
    private String listingId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Purpose purpose;
    @Enumerated(EnumType.STRING)
    private ListingDocumentKind kind;
    /** Its place among the listing's files, in the order they were added (1, 2, ...). */
    @Column(name = "seq_no", nullable = false, updatable = false)
    private int seqNo;

    protected ListingFile() {
    }

    ListingFile(String listingId, int seqNo, Purpose purpose, ListingDocumentKind kind, String fileName, String contentType,
                byte[] content, Instant uploadedAt) {
        super(fileName, contentType, content, uploadedAt);
        this.listingId = listingId;
        this.seqNo = seqNo;
        this.purpose = purpose;
        this.kind = kind;
    }

    public String listingId() { return listingId; }
    public Purpose purpose() { return purpose; }
    public ListingDocumentKind kind() { return kind; }
}
