package io.caravel.listing;

import io.caravel.audit.AuditTrail;
import io.caravel.audit.Detail;
import io.caravel.audit.Detail.Arg;
import io.caravel.casework.CaseHeader;
import io.caravel.casework.CaseRules;
import io.caravel.casework.CaseVariables;
import io.caravel.casework.MessageTemplates;
import io.caravel.catalog.CatalogProduct;
import io.caravel.catalog.CatalogService;
import io.caravel.catalog.ProductDetails;
import io.caravel.notification.Notifications;
import io.caravel.seller.Seller;
import io.caravel.seller.SellerStatus;
import io.caravel.platform.Caller;
import io.caravel.platform.Durations;
import io.caravel.platform.CaravelException;
import io.caravel.platform.CaravelException.FieldError;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.ProblemType;
import io.caravel.platform.TimeCursor;
import io.caravel.platform.Uploads;
import io.caravel.risk.RiskCategory;
import io.caravel.risk.RiskEvent;
import io.caravel.risk.RiskEvents;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Listings as sellers drive them: create and edit (drafts kept), images and documents, submit for
 * review, take down. A seller reaches only its own listings (another seller's are "not found");
 * compliance staff reach all and may take a listing down.
 */
@Stateless
public class ListingService {

    static final String CASE = ListingWorkflow.CASE_TYPE;

    public static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;
    public static final int MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
    public static final int MAX_IMAGES = 8;

    private static final Set<ListingStatus> EDITABLE = Set.of(ListingStatus.DRAFT, ListingStatus.CHANGES_REQUIRED,
            ListingStatus.REJECTED, ListingStatus.PUBLISHED, ListingStatus.UNPUBLISHED);

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private RuntimeService runtime;

    @Inject
    private CatalogService catalog;

    @Inject
    private Notifications notifications;

    @Inject
    private RiskEvents risks;

    @Inject
    @ConfigProperty(name = "caravel.listing.review-due", defaultValue = "P2D")
    private String reviewDue;

    @Inject
    @ConfigProperty(name = "caravel.listing.changes-due", defaultValue = "P30D")
    private String changesDue;

    private final Clock clock = Clock.systemUTC();

    /** Starts a draft listing for an approved (active) seller. */
    public ListingView create(Caller caller, ProductDetails data) {
        requireActiveSeller(caller);
        Listing listing = new Listing(caller.sellerId(), clock.instant());
        rejectDeclaredOverseasStock(data);
        checkSupplierItem(caller, data);
        listing.update(data, clock.instant());
        em.persist(listing);
        em.flush();
        audit.recordBySeller(caller.username(), "LISTING_CREATED", CASE, listing.id(), listing.displayTitle());
        return view(listing);
    }

    /** A seller's own listings, or (staff) all listings, newest first; optionally one status. */
    public Page<ListingView> list(Caller caller, ListingStatus status, PageRequest page) {
        boolean staff = caller.isComplianceStaff();
        if (!staff && caller.sellerId() == null) {
            return new Page<>(List.of(), null);
        }
        StringBuilder jpql = new StringBuilder("select l from Listing l where 1 = 1");
        if (!staff) {
            jpql.append(" and l.sellerId = :seller");
        }
        if (status != null) {
            jpql.append(" and l.status = :status");
        }
        TimeCursor after = page.after() == null ? null : TimeCursor.parse(page.after());
        if (after != null) {
            jpql.append(" and (l.createdAt < :at or (l.createdAt = :at and l.id < :id))");
        }
        jpql.append(" order by l.createdAt desc, l.id desc");
        TypedQuery<Listing> query = em.createQuery(jpql.toString(), Listing.class);
        if (!staff) {
            query.setParameter("seller", caller.sellerId());
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        List<Listing> rows = query.setMaxResults(page.limit() + 1).getResultList();
        List<ListingView> items = views(rows.stream().limit(page.limit()).toList());
        String next = null;
        if (rows.size() > page.limit()) {
            ListingView last = items.get(items.size() - 1);
            next = new TimeCursor(last.createdAt(), last.id()).next();
        }
        return new Page<>(items, next);
    }

    public ListingView get(Caller caller, String id) {
        return view(find(caller, id));
    }

    /** Saves the form; not while a revision is under review. A decided listing becomes a draft again. */
    public ListingView update(Caller caller, String id, Integer expectedVersion, ProductDetails data) {
        Listing listing = find(caller, id);
        CaseRules.requireOwner(caller, listing);
        CaseRules.requireVersion(listing, expectedVersion);
        if (!EDITABLE.contains(listing.status())) {
            throw CaravelException.conflict("error.listing.not-editable", listing.status());
        }
        rejectDeclaredOverseasStock(data);
        checkSupplierItem(caller, data);
        listing.update(data, clock.instant());
        em.flush();
        audit.recordBySeller(caller.username(), "LISTING_SAVED", CASE, id, null);
        return view(listing);
    }

    /** Adds a product image (JPEG or PNG, 2 MB, at most 8) or a document (PDF, JPEG or PNG, 5 MB). */
    public ListingView.FileView upload(Caller caller, String id, ListingFile.Purpose purpose, ListingDocumentKind kind,
                                       String fileName, byte[] content) {
        Listing listing = find(caller, id);
        CaseRules.requireOwner(caller, listing);
        // one upload of a listing at a time: the image limit holds and each file gets its own place
        em.lock(listing, LockModeType.PESSIMISTIC_WRITE);
        if (listing.status() == ListingStatus.PENDING) {
            throw CaravelException.conflict("error.listing.not-editable", listing.status());
        }
        String type;
        if (purpose == ListingFile.Purpose.IMAGE) {
            type = Uploads.check(content, MAX_IMAGE_BYTES, Set.of(Uploads.JPEG, Uploads.PNG));
            if (files(id, ListingFile.Purpose.IMAGE).size() >= MAX_IMAGES) {
                throw CaravelException.conflict("error.listing.too-many-images", MAX_IMAGES);
            }
        } else {
            if (kind == null) {
                throw CaravelException.invalid("kind", "error.document.kind");
            }
            type = Uploads.check(content, MAX_DOCUMENT_BYTES, Set.of(Uploads.PDF, Uploads.JPEG, Uploads.PNG));
        }
        int place = em.createQuery("select coalesce(max(f.seqNo), 0) from ListingFile f where f.listingId = :id", Number.class)
                .setParameter("id", id).getSingleResult().intValue() + 1;
        ListingFile file = new ListingFile(id, place, purpose, purpose == ListingFile.Purpose.IMAGE ? null : kind,
                Uploads.safeName(fileName, purpose.name().toLowerCase(Locale.ROOT)), type, content, clock.instant());
        em.persist(file);
        audit.recordBySeller(caller.username(), purpose + "_UPLOADED", CASE, id,
                (kind == null ? "" : kind + " ") + file.fileName(), kind == null ? null
                        : Detail.of("DOCUMENT", Arg.code("listingDocument", kind), Arg.text(file.fileName())));
        return ListingView.FileView.of(file);
    }

    /** Removes an image or document the catalog does not show. */
    public void deleteFile(Caller caller, String id, String fileId) {
        Listing listing = find(caller, id);
        CaseRules.requireOwner(caller, listing);
        ListingFile file = file(caller, id, fileId);
        if (listing.status() == ListingStatus.PENDING
                || catalog.isPublished(id) && catalog.product(id).imageIds().contains(fileId)) {
            throw CaravelException.conflict("error.listing.file-in-use");
        }
        em.remove(file);
        audit.recordBySeller(caller.username(), "FILE_DELETED", CASE, id, file.fileName());
    }

    /** One image or document with its content. */
    public ListingFile file(Caller caller, String id, String fileId) {
        find(caller, id);
        ListingFile file = em.find(ListingFile.class, fileId);
        if (file == null || !file.listingId().equals(id)) {
            throw CaravelException.notFound("file", fileId);
        }
        return file;
    }

    /** A published product's image, for anyone; only images of the served revision. */
    public ListingFile publicImage(String productId, String imageId) {
        CatalogProduct product = catalog.product(productId);
        ListingFile file = em.find(ListingFile.class, imageId);
        if (file == null || !product.imageIds().contains(imageId) || !file.listingId().equals(productId)) {
            throw CaravelException.notFound("image", imageId);
        }
        return file;
    }

    /**
     * Sends a complete revision to review: the listing-review workflow checks it and publishes it,
     * rejects it or asks an officer. A revision sent back for changes continues its workflow.
     */
    public ListingView submit(Caller caller, String id) {
        Listing listing = find(caller, id);
        CaseRules.requireOwner(caller, listing);
        requireActiveSeller(caller);
        if (!listing.live() && em.find(Seller.class, caller.sellerId()).listingsLimited()) {
            throw new CaravelException(ProblemType.FORBIDDEN, "error.listing.seller-limited");
        }
        if (listing.status() != ListingStatus.DRAFT && listing.status() != ListingStatus.CHANGES_REQUIRED
                && listing.status() != ListingStatus.UNPUBLISHED) {
            throw CaravelException.conflict("error.listing.not-submittable", listing.status());
        }
        CaseRules.requireComplete(missingRequired(listing), "error.listing.incomplete");
        Execution waiting = listing.processInstanceId() == null ? null : runtime.createExecutionQuery()
                .processInstanceId(listing.processInstanceId())
                .messageEventSubscriptionName(ListingWorkflow.RESUBMITTED_MESSAGE).singleResult();
        Instant now = clock.instant();
        listing.submitted(now);
        em.persist(new ListingRevision(listing, caller.username(), now));
        em.flush();
        if (waiting != null) {
            runtime.createMessageCorrelation(ListingWorkflow.RESUBMITTED_MESSAGE)
                    .processInstanceId(listing.processInstanceId())
                    .setVariable(ListingWorkflow.REVISION, listing.revision())
                    .setVariable(CaseVariables.CASE_TITLE, listing.displayTitle()).correlate();
        } else {
            Map<String, Object> variables = new CaseHeader(CASE, id, listing.displayTitle(), listing.sellerId(),
                    Durations.after(now, reviewDue)).variables()
                    .putValue(ListingWorkflow.REVISION, listing.revision())
                    .putValue(ListingWorkflow.REVIEW_DUE, reviewDue)
                    .putValue(ListingWorkflow.CHANGES_DUE, changesDue);
            String instance = runtime.startProcessInstanceByKey(ListingWorkflow.PROCESS_KEY, id, variables).getId();
            listing.reviewStarted(instance);
        }
        audit.recordBySeller(caller.username(), "LISTING_SUBMITTED", CASE, id, "revision " + listing.revision(),
                Detail.of("REVISION", Arg.text(listing.revision())));
        return view(listing);
    }

    /** Takes every live listing of a suspended seller out of the catalog, with the officer's reason; answers how many. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int withdrawAll(String sellerId, Caller officer, String note, String message) {
        List<String> live = em.createQuery("select l.id from Listing l where l.sellerId = :s", String.class)
                .setParameter("s", sellerId).getResultList();
        int withdrawn = 0;
        for (String id : live) {
            if (em.find(Listing.class, id).live()) {
                unpublish(officer, id, note, message);
                withdrawn++;
            }
        }
        return withdrawn;
    }

    /**
     * Takes a listing out of the catalog: its seller at any time; an officer with an internal note
     * and a message to the seller (a platform-rules risk event; the listing is reviewed by a person
     * from then on).
     */
    public ListingView unpublish(Caller caller, String id, String note, String message) {
        Listing listing = find(caller, id);
        boolean owner = listing.sellerId().equals(caller.sellerId());
        if (!owner && (note == null || note.isBlank())) {
            throw CaravelException.invalid("note", "error.decision.note-required");
        }
        if (!listing.live()) {
            throw CaravelException.conflict("error.listing.not-live");
        }
        catalog.withdraw(id);
        if (owner) {
            listing.unpublished(null);
            audit.recordBySeller(caller.username(), "LISTING_UNPUBLISHED", CASE, id, null);
            return view(listing);
        }
        String toSeller = message == null || message.isBlank() ? MessageTemplates.text("LISTING_TAKEN_DOWN") : message.trim();
        listing.unpublished(toSeller);
        ListingRevision revision = em.find(ListingRevision.class, new ListingRevision.Key(id, listing.revision()));
        if (revision != null) {
            revision.decided(ListingRevision.Outcome.TAKEN_DOWN, caller.username(), clock.instant());
        }
        audit.recordForSeller(caller.username(), "LISTING_TAKEN_DOWN", CASE, id, note.trim(), toSeller);
        risks.record(RiskCategory.PLATFORM_RULES, "TAKEN_DOWN", RiskEvent.Severity.BLOCK, CASE, id,
                listing.sellerId(), note.trim());
        notifications.notify(listing.sellerId(), id, "LISTING_UNPUBLISHED", toSeller);
        return view(listing);
    }

    /** The check results of one revision (by default the latest submitted one), in the order they ran. */
    public List<ListingCheck> checks(Caller caller, String id, Integer revision) {
        Listing listing = find(caller, id);
        return em.createQuery("select c from ListingCheck c where c.listingId = :id and c.revision = :revision"
                        + " order by c.checkedAt, c.code", ListingCheck.class)
                .setParameter("id", listing.id()).setParameter("revision", revision == null ? listing.revision() : revision)
                .getResultList();
    }

    /** Every submitted revision of a listing, newest first: what was submitted, what the checks found, how it ended. */
    public List<ListingRevision> revisions(Caller caller, String id) {
        Listing listing = find(caller, id);
        return em.createQuery("select r from ListingRevision r where r.listingId = :id order by r.revision desc",
                ListingRevision.class).setParameter("id", listing.id()).getResultList();
    }

    /** Registers a brand the caller's company owns; its name is then reserved to the owner and the sellers it authorises. */
    public Brand registerBrand(Caller caller, String name, String trademark) {
        requireActiveSeller(caller);
        if (name == null || ProductDetails.brandKey(name).isEmpty()) {
            throw CaravelException.invalid("name", "error.brand.name");
        }
        if (brandByName(name) != null) {
            throw CaravelException.conflict("error.brand.taken", name.trim());
        }
        Brand brand = new Brand(name, caller.sellerId(), trademark == null || trademark.isBlank() ? null : trademark.trim(),
                clock.instant());
        em.persist(brand);
        audit.record(caller.username(), "BRAND_REGISTERED", "brand", brand.id(), brand.name());
        return brand;
    }

    /** The brand owner lets another seller list its brand. */
    public void authorize(Caller caller, String brandId, String sellerId) {
        Brand brand = em.find(Brand.class, brandId);
        if (brand == null || !brand.ownerSellerId().equals(caller.sellerId())) {
            throw CaravelException.notFound("brand", brandId);
        }
        if (sellerId == null || em.find(Seller.class, sellerId) == null) {
            throw CaravelException.invalid("sellerId", "error.brand.seller");
        }
        if (em.find(BrandAuthorization.class, new BrandAuthorization.Key(brandId, sellerId)) == null) {
            em.persist(new BrandAuthorization(brandId, sellerId, clock.instant()));
            audit.record(caller.username(), "BRAND_AUTHORIZED", "brand", brandId, sellerId);
        }
    }

    /** Brands the caller's company owns. */
    public List<Brand> myBrands(Caller caller) {
        return em.createQuery("select b from Brand b where b.ownerSellerId = :seller order by b.name", Brand.class)
                .setParameter("seller", caller.sellerId() == null ? "" : caller.sellerId()).getResultList();
    }

    /** The registered brand with this name (any spelling of it), or null. */
    public Brand brandByName(String name) {
        return em.createQuery("select b from Brand b where b.nameKey = :key", Brand.class)
                .setParameter("key", ProductDetails.brandKey(name)).getResultStream().findFirst().orElse(null);
    }

    /** Whether a seller may list a registered brand: it owns it or the owner authorised it. */
    public boolean mayList(Brand brand, String sellerId) {
        return brand.ownerSellerId().equals(sellerId)
                || em.find(BrandAuthorization.class, new BrandAuthorization.Key(brand.id(), sellerId)) != null;
    }

    /** A listing's images or documents, oldest first (for the workflow; no access check). */
    public List<ListingFile> files(String listingId, ListingFile.Purpose purpose) {
        return em.createQuery("select f from ListingFile f where f.listingId = :id and f.purpose = :purpose"
                        + " order by f.seqNo, f.uploadedAt, f.id", ListingFile.class)
                .setParameter("id", listingId).setParameter("purpose", purpose).getResultList();
    }

    Listing find(Caller caller, String id) {
        return CaseRules.visible(id == null ? null : em.find(Listing.class, id), caller, CASE, id);
    }

    /** Views of many listings with their files read in one query. */
    private List<ListingView> views(List<Listing> listings) {
        if (listings.isEmpty()) {
            return List.of();
        }
        Map<String, List<ListingFile>> files = em.createQuery("select f from ListingFile f where f.listingId in :ids"
                        + " order by f.seqNo, f.uploadedAt, f.id", ListingFile.class)
                .setParameter("ids", listings.stream().map(Listing::id).toList()).getResultStream()
                .collect(Collectors.groupingBy(ListingFile::listingId));
        return listings.stream().map(l -> ListingView.of(l, files.getOrDefault(l.id(), List.of()))).toList();
    }

    private ListingView view(Listing listing) {
        List<ListingFile> files = em.createQuery("select f from ListingFile f where f.listingId = :id"
                + " order by f.seqNo, f.uploadedAt, f.id", ListingFile.class).setParameter("id", listing.id()).getResultList();
        return ListingView.of(listing, files);
    }

    private void requireActiveSeller(Caller caller) {
        Seller seller = caller.sellerId() == null ? null : em.find(Seller.class, caller.sellerId());
        if (seller == null || seller.status() != SellerStatus.ACTIVE) {
            throw new CaravelException(ProblemType.FORBIDDEN, "error.listing.seller-not-active");
        }
    }

    /** A dropship listing must name a published wholesale item of another seller. */
    private void checkSupplierItem(Caller caller, ProductDetails data) {
        String supplierItem = data.getSupplierListingId();
        if (supplierItem == null || supplierItem.isBlank()) {
            return;
        }
        if (data.isWholesale()) {
            throw CaravelException.invalid("supplierListingId", "error.listing.wholesale-dropship");
        }
        if (!catalog.isPublished(supplierItem.trim())) {
            throw CaravelException.invalid("supplierListingId", "error.listing.supplier-item");
        }
        CatalogProduct item = catalog.product(supplierItem.trim());
        if (!item.product().isWholesale() || item.sellerId().equals(caller.sellerId())) {
            throw CaravelException.invalid("supplierListingId", "error.listing.supplier-item");
        }
    }

    /** Overseas warehouse units come from counted inbound shipments, never from the listing form. */
    private static void rejectDeclaredOverseasStock(ProductDetails data) {
        if (data.getStockOverseas() != 0 || (data.getOverseasWarehouse() != null && !data.getOverseasWarehouse().isBlank())) {
            throw CaravelException.invalid("stockOverseas", "error.listing.overseas-declared");
        }
    }

    List<FieldError> missingRequired(Listing listing) {
        ProductDetails l = listing.product();
        List<FieldError> missing = new ArrayList<>();
        if (l.getTitleEn() == null && l.getTitleZh() == null) {
            missing.add(new FieldError("titleEn", "error.listing.title-required"));
        }
        if (l.getDescriptionEn() == null && l.getDescriptionZh() == null) {
            missing.add(new FieldError("descriptionEn", "error.listing.description-required"));
        }
        CaseRules.require(missing, "category", l.getCategory());
        CaseRules.require(missing, "hsCode", l.getHsCode());
        CaseRules.require(missing, "originCountry", l.getOriginCountry());
        CaseRules.require(missing, "price", l.getPrice());
        CaseRules.require(missing, "currency", l.getCurrency());
        if (l.isLithiumBattery() && l.getUnNumber() == null) {
            missing.add(new FieldError("unNumber", "error.listing.un-required"));
        }
        if (l.isWholesale() && l.getMinAdvertisedPrice() == null) {
            missing.add(new FieldError("minAdvertisedPrice", "error.application.field-required"));
        }
        if (files(listing.id(), ListingFile.Purpose.IMAGE).isEmpty()) {
            missing.add(new FieldError("images", "error.listing.image-required"));
        }
        return missing;
    }


}
