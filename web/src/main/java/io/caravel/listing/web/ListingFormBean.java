package io.caravel.listing.web;

import io.caravel.catalog.ProductDetails;
import io.caravel.hs.HsService;
import io.caravel.hs.Suggestion;
import io.caravel.listing.ListingCheck;
import io.caravel.listing.ListingDocumentKind;
import io.caravel.listing.ListingFile;
import io.caravel.listing.ListingRevision;
import io.caravel.listing.ListingService;
import io.caravel.listing.ListingStatus;
import io.caravel.listing.ListingView;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Messages;
import io.caravel.platform.ProblemType;
import io.caravel.platform.web.ui.FacesMessages;
import io.caravel.seller.ProductCategory;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The seller's listing form: create or edit, find the HS code, add images and documents, submit to
 * review, and see which revision the last review was about, what its checks found and what it told
 * the seller. A listing under review is shown read-only; another seller's is "not found".
 */
@Named
@ViewScoped
public class ListingFormBean implements Serializable {

    @Inject
    private ListingService listings;

    @Inject
    private Caller caller;

    @Inject
    private HsService hs;

    private String hsQuery;
    private transient List<Suggestion> suggestions = List.of();
    private String suggestionsNote;

    private String id;
    private boolean notFound;
    private ProductDetails data = new ProductDetails();
    private transient ListingView view;
    private transient List<ListingRevision> revisions;
    private transient List<ListingCheck> checks;
    private transient Part image;
    private transient Part document;
    private ListingDocumentKind documentKind;

    /** Loads the listing named in the URL; another seller's or an unknown one is "not found". */
    public void load() {
        if (id == null || id.isBlank()) {
            id = null;
            return;
        }
        try {
            show(listings.get(caller, id));
        } catch (CaravelException e) {
            if (e.type() != ProblemType.NOT_FOUND) {
                throw e;
            }
            notFound = true;
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
        }
    }

    private void show(ListingView listing) {
        view = listing;
        id = listing.id();
        data = listing.data();
        revisions = null;
        checks = null;
    }

    /** Saves the form as a draft (creating the listing the first time). */
    public boolean save() {
        try {
            show(id == null ? listings.create(caller, data) : listings.update(caller, id, null, data));
            return true;
        } catch (CaravelException e) {
            FacesMessages.error(e, "listing:");
            return false;
        }
    }

    public void saveDraft() {
        if (save()) {
            FacesMessages.info("listing.saved");
        }
    }

    public void uploadImage() throws IOException {
        upload(image, ListingFile.Purpose.IMAGE, null);
    }

    public void uploadDocument() throws IOException {
        upload(document, ListingFile.Purpose.DOCUMENT, documentKind);
    }

    /** Saves and submits to review, then shows the list of listings. */
    public void submit() throws IOException {
        if (!save()) {
            return;
        }
        try {
            listings.submit(caller, id);
        } catch (CaravelException e) {
            FacesMessages.error(e, "listing:");
            return;
        }
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        FacesMessages.info("listing.submitted");
        redirect("/seller/listings.xhtml");
    }

    /** Takes the live revision out of the catalog. */
    public void unpublish() {
        try {
            show(listings.unpublish(caller, id, null, null));
            FacesMessages.info("listing.unpublished");
        } catch (CaravelException e) {
            FacesMessages.error(e, null);
        }
    }

    private void upload(Part part, ListingFile.Purpose purpose, ListingDocumentKind kind) throws IOException {
        if (part == null || part.getSize() == 0) {
            FacesMessages.error(CaravelException.invalid("file", "error.document.empty"), null);
            return;
        }
        if (!save()) {
            return;
        }
        byte[] content;
        try (InputStream in = part.getInputStream()) {
            content = in.readNBytes(ListingService.MAX_DOCUMENT_BYTES + 1);
        }
        try {
            listings.upload(caller, id, purpose, kind, part.getSubmittedFileName(), content);
            show(listings.get(caller, id));
            FacesMessages.info("listing.uploaded");
        } catch (CaravelException e) {
            FacesMessages.error(e, null);
        }
    }

    private static void redirect(String page) throws IOException {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + page);
    }

    /**
     * Suggests HS codes for the product's words (the English title when no words are given), or says
     * why there are none.
     */
    public void suggestCodes() {
        String words = hsQuery == null || hsQuery.isBlank() ? data.getTitleEn() : hsQuery;
        suggestions = List.of();
        suggestionsNote = null;
        try {
            suggestions = hs.suggest(words == null ? "" : words, 5);
            if (suggestions.isEmpty()) {
                suggestionsNote = text("listing.hsSuggest.none");
            }
        } catch (CaravelException e) {
            // the words hold nothing to search for: say what to type
            CaravelException.FieldError field = e.fieldErrors().isEmpty() ? null : e.fieldErrors().get(0);
            Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
            suggestionsNote = field == null ? Messages.text(locale, e.messageKey(), e.arguments())
                    : Messages.text(locale, field.messageKey(), field.arguments());
        }
    }

    /** Takes a suggested code into the form; the rest of the form stays as the seller typed it. */
    public void useCode(String code) {
        data.setHsCode(code);
        suggestions = List.of();
        suggestionsNote = null;
    }

    public List<Suggestion> getSuggestions() { return suggestions == null ? List.of() : suggestions; }
    public String getSuggestionsNote() { return suggestionsNote; }
    public String getHsQuery() { return hsQuery; }
    public void setHsQuery(String hsQuery) { this.hsQuery = hsQuery; }

    /** Whether the seller may change the listing now (not while a revision is under review). */
    public boolean isEditable() {
        return view == null || view.status() != ListingStatus.PENDING;
    }

    /** The newest submitted revision, which the status, the checks and the review's message are about; null before the first. */
    public ListingRevision getReviewed() {
        if (revisions == null) {
            revisions = view == null ? List.of() : listings.revisions(caller, id);
        }
        return revisions.isEmpty() ? null : revisions.get(0);
    }

    /** How the review of that revision stands: its outcome, or CHECKING and IN_REVIEW while it is undecided. */
    public String getReviewState() {
        ListingRevision reviewed = getReviewed();
        return reviewed.outcome() != null ? reviewed.outcome().name() : reviewed.verdict() == null ? "CHECKING" : "IN_REVIEW";
    }

    /** Whether the seller saved changes after that revision was submitted (a draft not yet submitted). */
    public boolean isChangedSinceReview() {
        return getReviewed() != null && view.updatedAt().isAfter(getReviewed().submittedAt());
    }

    /** The revision buyers see in the catalog, or null when the listing is not live. */
    public ListingRevision getLive() {
        return getReviewed() == null || !view.live() ? null : revisions.stream()
                .filter(r -> r.outcome() == ListingRevision.Outcome.PUBLISHED).findFirst().orElse(null);
    }

    /** What the checks of the reviewed revision found, in the order they ran. */
    public List<ListingCheck> getChecks() {
        if (checks == null) {
            checks = getReviewed() == null ? List.of() : listings.checks(caller, id, getReviewed().revision());
        }
        return checks;
    }

    /** The checks that flagged the reviewed revision (none when every check passed). */
    public List<ListingCheck> getFlagged() {
        return getChecks().stream().filter(c -> c.outcome() != ListingCheck.Outcome.PASSED).toList();
    }

    public List<ProductCategory> getCategories() {
        return List.of(ProductCategory.values());
    }

    public List<ListingDocumentKind> getDocumentKinds() {
        return List.of(ListingDocumentKind.values());
    }

    private static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    }

    public boolean isNotFound() { return notFound; }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public ProductDetails getData() { return data; }
    public ListingView getView() { return view; }
    public Part getImage() { return image; }
    public void setImage(Part image) { this.image = image; }
    public Part getDocument() { return document; }
    public void setDocument(Part document) { this.document = document; }
    public ListingDocumentKind getDocumentKind() { return documentKind; }
    public void setDocumentKind(ListingDocumentKind documentKind) { this.documentKind = documentKind; }
}
