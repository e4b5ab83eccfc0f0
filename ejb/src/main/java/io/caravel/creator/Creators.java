package io.caravel.creator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.audit.AuditTrail;
import io.caravel.casework.CaseHeader;
import io.caravel.casework.CaseVariables;
import io.caravel.catalog.CatalogProduct;
import io.caravel.catalog.CatalogService;
import io.caravel.identity.IdentityService;
import io.caravel.identity.NewUser;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.ProblemType;
import io.caravel.platform.Roles;
import io.caravel.platform.TimeCursor;
import io.caravel.risk.RiskCategory;
import io.caravel.risk.RiskEvent;
import io.caravel.risk.RiskEvents;
import io.caravel.screening.PartyType;
import io.caravel.screening.ScreeningHit;
import io.caravel.screening.ScreeningResult;
import io.caravel.screening.ScreeningClearances;
import io.caravel.screening.ScreeningService;
import io.caravel.screening.ScreeningSubject;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Social and content selling: creators register (screened against the sanctions lists; a possible
 * match is a {@code creator-screening} case for compliance before they can earn), make a referral
 * link per listing, and earn a commission ({@code caravel.creator.commission-percent} of the goods of
 * the product they referred) on the orders placed with it. Sponsored content must carry a disclosure;
 * a link declared sponsored without one is a platform-rules risk event.
 */
@Stateless
public class Creators {

    private static final String DISCLOSURE_MISSING = "CREATOR_DISCLOSURE_MISSING";
    private static final Duration DISCLOSURE_PERIOD = Duration.ofDays(30);
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private IdentityService identity;

    @Inject
    private ScreeningService screening;

    @Inject
    private ScreeningClearances clearances;

    @Inject
    private CatalogService catalog;

    @Inject
    private RuntimeService runtime;

    @Inject
    private RiskEvents risks;

    @Inject
    private AuditTrail audit;

    @Inject
    @ConfigProperty(name = "caravel.creator.commission-percent", defaultValue = "5")
    private BigDecimal commissionPercent;

    @Inject
    @ConfigProperty(name = "caravel.creator.review-due", defaultValue = "P3D")
    private String reviewDue;

    private final Clock clock = Clock.systemUTC();

    /** A creator as they and compliance staff see them (the screening's detail only for staff). */
    @Schema(name = "CreatorView")
    public record View(String id, String username, String displayName, String legalName, String country, String channelUrl,
                       CreatorStatus status, Instant createdAt, Instant decidedAt, String message, String screening) {
    }

    /** A referral link: the code a storefront passes at checkout, the product, and the content's disclosure. */
    public record LinkView(String code, String productId, String productTitle, String sellerName, boolean sponsored,
                           boolean disclosed, boolean disclosureMissing, String contentUrl, BigDecimal commissionPercent,
                           Instant createdAt, Instant updatedAt) {
    }

    /** What checkout needs of a referral code: who earns, on which product, at which rate (0.05 for 5 %). */
    public record Terms(String code, String creatorId, String creatorName, String productId, BigDecimal rate) {
    }

    /** Registers a creator (account with the creator role) and screens the legal name; a possible match waits for compliance. */
    public View register(CreatorRegistration r) {
        Caller self = new Caller(r.getUsername(), Set.of(Roles.CREATOR), null);
        identity.create(new NewUser(r.getUsername(), r.getPassword(), r.getDisplayName(), r.getEmail(), null,
                Set.of(Roles.CREATOR)), self);
        return enrol(r.getUsername(), r.getDisplayName(), r.getLegalName(), r.getCountry(), r.getChannelUrl());
    }

    /** Makes an existing user with the creator role a creator: screened, ACTIVE or waiting for compliance. */
    public View enrol(String username, String displayName, String legalName, String country, String channelUrl) {
        ScreeningResult result = screening.screen(legalName.strip(), PartyType.INDIVIDUAL);
        String found = result.hits().stream().limit(5)
                .map(h -> h.listedName() + " (" + h.entNum() + ", " + score(h) + ")").collect(Collectors.joining("; "));
        String summary = (result.hit() ? found : "no hits") + " [" + result.listVersion() + "]";
        Instant now = clock.instant();
        Creator creator = new Creator(username, displayName.strip(), legalName.strip(), country.toUpperCase(Locale.ROOT),
                blank(channelUrl), result.hit() ? CreatorStatus.SCREENING : CreatorStatus.ACTIVE, summary, now);
        em.persist(creator);
        em.flush();
        if (result.hit()) {
            risks.record(RiskCategory.COMPLIANCE, "SANCTIONS_MATCH", RiskEvent.Severity.REVIEW, CreatorWorkflow.CASE_TYPE,
                    creator.id(), null, creator.legalName() + " ~ " + summary);
            runtime.startProcessInstanceByKey(CreatorWorkflow.PROCESS_KEY, creator.id(), new CaseHeader(CreatorWorkflow.CASE_TYPE,
                    creator.id(), creator.legalName() + " (" + creator.displayName() + ")", null,
                    now.plus(Duration.parse(reviewDue))).variables()
                    .putValue(CaseVariables.RISK_LEVEL, "HIGH").putValue(CaseVariables.RISK_REASONS, "SANCTIONS_MATCH"));
        }
        audit.record(username, "CREATOR_REGISTERED", CreatorWorkflow.CASE_TYPE, creator.id(), summary);
        return view(creator, false);
    }

    /** The signed-in creator's own account. */
    public View me(Caller caller) {
        return view(own(caller), false);
    }

    /** One creator: themself, or compliance staff and administrators. */
    public View get(Caller caller, String id) {
        Creator creator = id == null ? null : em.find(Creator.class, id);
        if (creator == null || !(caller.isComplianceStaff() || caller.isAdmin() || creator.username().equals(caller.username()))) {
            throw CaravelException.notFound("creator", id);
        }
        return view(creator, caller.isComplianceStaff() || caller.isAdmin());
    }

    /** The creator's legal name screened now, each hit beside its listed entry: for compliance staff deciding the case. */
    public List<ScreeningHit> hits(Caller caller, String id) {
        if (!caller.isComplianceStaff() && !caller.isAdmin()) {
            throw CaravelException.notFound("creator", id);
        }
        Creator creator = id == null ? null : em.find(Creator.class, id);
        if (creator == null) {
            throw CaravelException.notFound("creator", id);
        }
        return screening.screen(creator.legalName(), PartyType.INDIVIDUAL).hits();
    }

    /** The ids of active creators after this one, in id order (a re-screen's next batch). */
    public List<Creator> activeAfter(String afterId, int max) {
        return em.createQuery("select c from Creator c where c.status = :active and c.id > :after order by c.id", Creator.class)
                .setParameter("active", CreatorStatus.ACTIVE).setParameter("after", afterId == null ? "" : afterId)
                .setMaxResults(max).getResultList();
    }

    /** How many creators are active (earning). */
    public int activeCount() {
        return em.createQuery("select count(c) from Creator c where c.status = :active", Long.class)
                .setParameter("active", CreatorStatus.ACTIVE).getSingleResult().intValue();
    }

    /** Creators newest first, optionally of one status: compliance staff and administrators. */
    public Page<View> list(Caller caller, CreatorStatus status, PageRequest page) {
        if (!caller.isComplianceStaff() && !caller.isAdmin()) {
            throw CaravelException.forbidden();
        }
        TimeCursor after = page.after() == null ? null : TimeCursor.parse(page.after());
        StringBuilder jpql = new StringBuilder("select c from Creator c where 1 = 1");
        if (status != null) {
            jpql.append(" and c.status = :status");
        }
        if (after != null) {
            jpql.append(" and (c.createdAt < :at or (c.createdAt = :at and c.id < :id))");
        }
        TypedQuery<Creator> query = em.createQuery(jpql.append(" order by c.createdAt desc, c.id desc").toString(), Creator.class);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        List<Creator> rows = query.setMaxResults(page.limit() + 1).getResultList();
        String next = rows.size() > page.limit()
                ? new TimeCursor(rows.get(page.limit() - 1).createdAt(), rows.get(page.limit() - 1).id()).next() : null;
        return new Page<>(rows.stream().limit(page.limit()).map(c -> view(c, true)).toList(), next);
    }

    /**
     * The creator's link for a published product, made on first use and updated after (one per product);
     * only an active creator links, never to wholesale items.
     */
    public LinkView link(Caller caller, LinkRequest request) {
        Creator creator = own(caller);
        // one save at a time per creator: the first save of a link for a product is not raced into a duplicate
        em.lock(creator, LockModeType.PESSIMISTIC_WRITE);
        if (creator.status() != CreatorStatus.ACTIVE) {
            throw CaravelException.conflict("error.creator.not-active");
        }
        CatalogProduct product;
        try {
            product = catalog.product(request.getProductId());
        } catch (CaravelException e) {
            throw CaravelException.invalid("productId", "error.checkout.product", request.getProductId());
        }
        if (product.product().isWholesale()) {
            throw CaravelException.invalid("productId", "error.checkout.wholesale");
        }
        Instant now = clock.instant();
        CreatorLink link = em.createQuery("select l from CreatorLink l where l.creatorId = :c and l.listingId = :l", CreatorLink.class)
                .setParameter("c", creator.id()).setParameter("l", product.id()).getResultStream().findFirst().orElse(null);
        if (link == null) {
            link = new CreatorLink(newCode(), creator.id(), product.id(), product.sellerId(), now);
            em.persist(link);
        }
        link.describe(request.isSponsored(), request.isDisclosed(), blank(request.getContentUrl()), now);
        // the creator's breach, not the seller's (no seller on the event); once per link and 30 days, however often it is saved
        if (link.missingDisclosure() && !risks.recent(DISCLOSURE_MISSING, link.code(), DISCLOSURE_PERIOD)) {
            risks.record(RiskCategory.PLATFORM_RULES, DISCLOSURE_MISSING, RiskEvent.Severity.REVIEW, "creator-link",
                    link.code(), null, creator.displayName() + " (" + creator.username() + "): sponsored content for "
                            + product.product().getDisplayTitle() + " without the disclosure"
                            + (link.contentUrl() == null ? "" : ", " + link.contentUrl()));
        }
        audit.record(caller.username(), "CREATOR_LINK_SAVED", CreatorWorkflow.CASE_TYPE, creator.id(),
                link.code() + " " + product.id() + (link.sponsored() ? ", sponsored" + (link.disclosed() ? ", disclosed" : ", NOT disclosed") : ""));
        em.flush();
        return linkView(link, product);
    }

    /** The signed-in creator's links, newest first. */
    public List<LinkView> links(Caller caller) {
        Creator creator = own(caller);
        return em.createQuery("select l from CreatorLink l where l.creatorId = :c order by l.createdAt desc, l.code", CreatorLink.class)
                .setParameter("c", creator.id()).getResultStream()
                .map(l -> linkView(l, published(l.listingId()).orElse(null))).toList();
    }

    /**
     * The terms of a referral code for a cart, checked for checkout: the code exists, its creator is
     * active and is not the buyer, and its product is in the cart. Unknown or unusable codes are the
     * buyer's input error, not silently dropped.
     */
    public Terms referral(String code, Set<String> productIds, String buyer) {
        CreatorLink link = code == null ? null : em.find(CreatorLink.class, code.strip().toUpperCase(Locale.ROOT));
        Creator creator = link == null ? null : em.find(Creator.class, link.creatorId());
        if (creator == null || creator.status() != CreatorStatus.ACTIVE) {
            throw CaravelException.invalid("referralCode", "error.checkout.referral", code);
        }
        if (creator.username().equals(buyer)) {
            throw CaravelException.invalid("referralCode", "error.checkout.referral-self");
        }
        if (!productIds.contains(link.listingId())) {
            throw CaravelException.invalid("referralCode", "error.checkout.referral-product");
        }
        return new Terms(link.code(), creator.id(), creator.displayName(), link.listingId(),
                commissionPercent.movePointLeft(2));
    }

    /** A creator's public name (for statements and lists), or null. */
    public String displayName(String creatorId) {
        Creator creator = creatorId == null ? null : em.find(Creator.class, creatorId);
        return creator == null ? null : creator.displayName();
    }

    /** The signed-in caller's creator id, or empty when they are not a creator. */
    public Optional<String> idOf(Caller caller) {
        if (!caller.hasRole(Roles.CREATOR)) {
            return Optional.empty();
        }
        return em.createQuery("select c.id from Creator c where c.username = :u", String.class)
                .setParameter("u", caller.username()).getResultStream().findFirst();
    }

    /** Locks the creator's row for the rest of the transaction (a payout run for them follows another). */
    public void lock(String creatorId) {
        em.find(Creator.class, creatorId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The officer found the match false: the creator may earn, and today's hits are remembered as cleared. Called by the workflow. */
    public void approve(String creatorId, String by, String note) {
        if (decide(creatorId, CreatorStatus.ACTIVE, by, note, null)) {
            Creator creator = em.find(Creator.class, creatorId);
            String reason = note == null || note.isBlank() ? "creator approved" : note.strip();
            for (ScreeningHit hit : screening.screen(creator.legalName(), PartyType.INDIVIDUAL).hits()) {
                clearances.clear(ScreeningSubject.CREATOR, creatorId, creator.legalName(), hit.list(), hit.entNum(), reason, by);
            }
        }
    }

    /**
     * A new list release found possible matches (no officer cleared) on an active creator's legal name: the
     * creator waits for compliance again (links earn nothing meanwhile) in a new {@code creator-screening} case.
     */
    public void rescreened(String creatorId, List<ScreeningHit> hits) {
        Creator creator = em.find(Creator.class, creatorId, LockModeType.PESSIMISTIC_WRITE);
        if (creator == null || creator.status() != CreatorStatus.ACTIVE || hits.isEmpty()) {
            return;
        }
        String found = hits.stream().limit(5).map(h -> h.listedName() + " (" + h.entNum() + ", " + score(h) + ")")
                .collect(Collectors.joining("; ")) + " [" + hits.get(0).listVersion() + "]";
        creator.screenAgain(found);
        risks.record(RiskCategory.COMPLIANCE, "SANCTIONS_MATCH", RiskEvent.Severity.REVIEW, CreatorWorkflow.CASE_TYPE,
                creator.id(), null, creator.legalName() + " ~ " + found + " (re-screen)");
        runtime.startProcessInstanceByKey(CreatorWorkflow.PROCESS_KEY, creator.id(), new CaseHeader(CreatorWorkflow.CASE_TYPE,
                creator.id(), creator.legalName() + " (" + creator.displayName() + ")", null,
                clock.instant().plus(Duration.parse(reviewDue))).variables()
                .putValue(CaseVariables.RISK_LEVEL, "HIGH").putValue(CaseVariables.RISK_REASONS, "SANCTIONS_MATCH"));
        audit.record("workflow", "CREATOR_RESCREENED", CreatorWorkflow.CASE_TYPE, creator.id(), found);
    }

    /** Whether an officer cleared this hit on the creator's legal name (as the entry is written now). */
    public boolean cleared(String creatorId, String legalName, ScreeningHit hit) {
        return screening.entry(hit.list(), hit.entNum())
                .flatMap(e -> clearances.cleared(ScreeningSubject.CREATOR, creatorId, legalName, hit.list(), e)).isPresent();
    }

    /** The officer confirmed the match or refused the creator, with the message the creator reads. Called by the workflow. */
    public void reject(String creatorId, String by, String note, String message) {
        decide(creatorId, CreatorStatus.REJECTED, by, note, message);
    }

    /** Records the decision on a creator in screening; whether it changed anything. */
    private boolean decide(String creatorId, CreatorStatus status, String by, String note, String message) {
        Creator creator = em.find(Creator.class, creatorId, LockModeType.PESSIMISTIC_WRITE);
        if (creator == null) {
            throw new IllegalStateException("creator " + creatorId + " does not exist");
        }
        if (creator.status() != CreatorStatus.SCREENING) {
            return false; // decided already (a retried job): nothing changes twice
        }
        creator.decided(status, by, clock.instant(), note, message);
        audit.record(by, status == CreatorStatus.ACTIVE ? "CREATOR_APPROVED" : "CREATOR_REJECTED", CreatorWorkflow.CASE_TYPE,
                creatorId, note == null ? "" : note);
        return true;
    }

    private Creator own(Caller caller) {
        if (!caller.hasRole(Roles.CREATOR)) {
            throw new CaravelException(ProblemType.FORBIDDEN, "error.forbidden");
        }
        return em.createQuery("select c from Creator c where c.username = :u", Creator.class)
                .setParameter("u", caller.username()).getResultStream().findFirst()
                .orElseThrow(() -> CaravelException.notFound("creator", caller.username()));
    }

    private Optional<CatalogProduct> published(String listingId) {
        try {
            return Optional.of(catalog.product(listingId));
        } catch (CaravelException e) {
            return Optional.empty();
        }
    }

    private LinkView linkView(CreatorLink l, CatalogProduct product) {
        return new LinkView(l.code(), l.listingId(), product == null ? null : product.product().getDisplayTitle(),
                product == null ? null : product.sellerName(), l.sponsored(), l.disclosed(), l.missingDisclosure(),
                l.contentUrl(), commissionPercent, l.createdAt(), l.updatedAt());
    }

    private static View view(Creator c, boolean staff) {
        return new View(c.id(), c.username(), c.displayName(), c.legalName(), c.country(), c.channelUrl(), c.status(),
                c.createdAt(), c.decidedAt(), c.message(), staff ? c.screening() : null);
    }

    /** Eight characters without look-alikes (no 0/O, 1/I): about 10^12 codes, tried again on the rare clash. */
    private String newCode() {
        for (int attempt = 0; attempt < 5; attempt++) {
            StringBuilder code = new StringBuilder(8);
            for (int i = 0; i < 8; i++) {
                code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
            }
            if (em.find(CreatorLink.class, code.toString()) == null) {
                return code.toString();
            }
        }
        throw new IllegalStateException("no free referral code after 5 tries");
    }

    private static String score(ScreeningHit hit) {
        return String.format(Locale.ROOT, "%.2f", hit.score());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
