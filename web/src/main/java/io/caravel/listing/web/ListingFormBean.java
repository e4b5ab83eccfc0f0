package io.caravel.listing.web;

import io.caravel.hs.HsNode;
import io.caravel.hs.HsService;
import io.caravel.hs.Suggestion;
import io.caravel.listing.ListingCheck;
import io.caravel.catalog.ProductDetails;
import io.caravel.listing.ListingDocumentKind;
import io.caravel.listing.ListingFile;
import io.caravel.listing.ListingService;
import io.caravel.listing.ListingStatus;
import io.caravel.listing.ListingView;
import io.caravel.seller.ProductCategory;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.web.ui.FacesMessages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

/**
 * The seller's listing form: create or edit, add images and documents, submit to review, and see
 * what the review asks for. A listing under review is shown read-only.
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

    private String id;
    private ProductDetails data = new ProductDetails();
    private transient ListingView view;
    private transient Part image;
    private transient Part document;
    private ListingDocumentKind documentKind;

    /** Loads the listing named in the URL; another seller's or an unknown one shows the list again. */
    public void load() throws IOException {
        if (id == null || id.isBlank()) {
            id = null;
            return;
        }
        try {
            view = listings.get(caller, id);
            data = view.data();
        } catch (CaravelException e) {
            redirect("/seller/listings.xhtml");
        }
    }

    /** Saves the form as a draft (creating the listing the first time). */
    public boolean save() {
        try {
            view = id == null ? listings.create(caller, data) : listings.update(caller, id, null, data);
            id = view.id();
            data = view.data();
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
            view = listings.unpublish(caller, id, null, null);
            data = view.data();
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
            view = listings.get(caller, id);
            FacesMessages.info("listing.uploaded");
        } catch (CaravelException e) {
            FacesMessages.error(e, null);
        }
    }

    private static void redirect(String page) throws IOException {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + page);
    }

    /** Suggests HS codes for the product's words (the English title when no words are given). */
    public void suggestCodes() {
        String words = hsQuery == null || hsQuery.isBlank() ? data.getTitleEn() : hsQuery;
        try {
            suggestions = hs.suggest(words == null ? "" : words, 5);
        } catch (CaravelException e) {
            suggestions = List.of();
            FacesMessages.error(e, null);
        }
    }

    /** Takes a suggested code into the form. */
    public void useCode(String code) {
        data.setHsCode(code);
        suggestions = List.of();
    }

    /** A suggestion's way from the section down, e.g. "XVI › 85 › 8507 › 850760". */
    public String path(Suggestion suggestion) {
        return suggestion.section().numeral() + " › " + String.join(" › ",
                suggestion.path().stream().map(HsNode::code).toList());
    }

    public List<Suggestion> getSuggestions() { return suggestions == null ? List.of() : suggestions; }
    public String getHsQuery() { return hsQuery; }
    public void setHsQuery(String hsQuery) { this.hsQuery = hsQuery; }

    /** Whether the seller may change the listing now (not while a revision is under review). */
    public boolean isEditable() {
        return view == null || view.status() != ListingStatus.PENDING;
    }

    public List<ListingCheck> getChecks() {
        return view == null || view.revision() == 0 ? List.of() : listings.checks(caller, id, view.revision());
    }

    public List<ProductCategory> getCategories() {
        return List.of(ProductCategory.values());
    }

    public List<ListingDocumentKind> getDocumentKinds() {
        return List.of(ListingDocumentKind.values());
    }

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
