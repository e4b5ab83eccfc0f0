package io.caravel.listing.web;

import io.caravel.catalog.ProductDetails;
import io.caravel.inbox.web.TaskCase;
import io.caravel.listing.ListingCheck;
import io.caravel.listing.ListingFile;
import io.caravel.listing.ListingRevision;
import io.caravel.listing.ListingService;
import io.caravel.listing.ListingView;
import io.caravel.platform.web.Downloads;
import io.caravel.risk.RiskEvent;
import io.caravel.risk.RiskEvents;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.primefaces.model.StreamedContent;

/**
 * The case page of a listing beside its review task: the revision under review, its images and
 * documents, the automatic checks with their reasons, every earlier revision with its outcome and
 * what changed since the one before, the seller's risk history, and (from {@link TaskCase}) the
 * decision form.
 */
@Named
@ViewScoped
public class ListingCaseBean extends TaskCase {

    static final int SELLER_HISTORY = 20;

    @Inject
    private ListingService listings;

    @Inject
    private RiskEvents risks;

    private transient ListingView listing;
    private transient List<ListingRevision> revisions;

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

    /** The checks of the revision under review. */
    public List<ListingCheck> getChecks() {
        return listings.checks(caller, getListing().id(), getListing().revision());
    }

    /** The revision under review first, then the earlier ones. */
    public List<ListingRevision> getRevisions() {
        if (revisions == null) {
            revisions = listings.revisions(caller, getListing().id());
        }
        return revisions;
    }

    /** The revisions before the one under review, with how each ended. */
    public List<ListingRevision> getEarlierRevisions() {
        return getRevisions().stream().filter(r -> r.revision() < getListing().revision()).toList();
    }

    /** What the seller changed since the previous revision (empty for a first submission). */
    public List<ProductDetails.Change> getChanges() {
        List<ListingRevision> all = getRevisions();
        if (all.size() < 2) {
            return List.of();
        }
        return all.get(0).product().changesSince(all.get(1).product());
    }

    /** The checks of an earlier revision, for its outcome's reasons. */
    public List<ListingCheck> checksOf(int revision) {
        return listings.checks(caller, getListing().id(), revision);
    }

    public List<RiskEvent> getSellerHistory() {
        return risks.ofSeller(getListing().sellerId(), SELLER_HISTORY);
    }

    public StreamedContent download(String fileId) {
        ListingFile file = listings.file(caller, getListing().id(), fileId);
        return Downloads.of(file);
    }
}
