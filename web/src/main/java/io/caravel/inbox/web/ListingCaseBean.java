package io.caravel.inbox.web;

import io.caravel.audit.AuditEntry;
import io.caravel.audit.AuditTrail;
import io.caravel.listing.ListingCheck;
import io.caravel.listing.ListingFile;
import io.caravel.listing.ListingService;
import io.caravel.listing.ListingView;
import io.caravel.risk.RiskEvent;
import io.caravel.risk.RiskEvents;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The case view beside a listing review task: the listing, its images and documents, the automatic
 * checks with their reasons, the seller's risk history, the listing's history and the decision form.
 */
@Named
@ViewScoped
public class ListingCaseBean extends TaskCase {

    static final int SELLER_HISTORY = 20;

    @Inject
    private ListingService listings;

    @Inject
    private RiskEvents risks;

    @Inject
    private AuditTrail audit;

    private transient ListingView listing;

    @Override
    protected void loadCase() {
        getListing();
    }

    public ListingView getListing() {
        if (listing == null) {
            listing = listings.get(caller, getTask().caseId());
        }
        return listing;
    }

    public List<ListingCheck> getChecks() {
        return listings.checks(caller, getListing().id());
    }

    public List<RiskEvent> getSellerHistory() {
        return risks.ofSeller(getListing().sellerId(), SELLER_HISTORY);
    }

    public List<AuditEntry> getHistory() {
        return audit.history("listing", getListing().id());
    }

    public StreamedContent download(String fileId) {
        ListingFile file = listings.file(caller, getListing().id(), fileId);
        return DefaultStreamedContent.builder().name(file.fileName()).contentType(file.contentType())
                .stream(() -> new ByteArrayInputStream(file.content())).build();
    }
}
