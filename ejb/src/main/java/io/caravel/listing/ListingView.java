package io.caravel.listing;

import io.caravel.catalog.ProductDetails;
import java.time.Instant;
import java.util.List;

/** A listing as its seller and the reviewers see it: the form, where it stands, what the review told the seller, and its files. */
public record ListingView(String id, String sellerId, ListingStatus status, boolean live, int revision, ProductDetails data,
                          String sellerMessage, List<FileView> files, Instant createdAt, Instant updatedAt, Instant submittedAt,
                          int version) {

    /** An image or document of a listing, without its content. */
    public record FileView(String id, ListingFile.Purpose purpose, ListingDocumentKind kind, String fileName,
                           String contentType, long sizeBytes, String sha256, Instant uploadedAt) {

        static FileView of(ListingFile f) {
            return new FileView(f.id(), f.purpose(), f.kind(), f.fileName(), f.contentType(), f.sizeBytes(), f.sha256(),
                    f.uploadedAt());
        }
    }

    static ListingView of(Listing l, List<ListingFile> files) {
        return new ListingView(l.id(), l.sellerId(), l.status(), l.live(), l.revision(), l.product(), l.sellerMessage(),
                files.stream().map(FileView::of).toList(), l.createdAt(), l.updatedAt(), l.submittedAt(), l.version());
    }

    /** The title shown in lists: English, else Chinese. */
    public String title() {
        return data.getTitleEn() != null ? data.getTitleEn() : data.getTitleZh();
    }
}
