package io.caravel.privacy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.audit.AuditTrail;
import io.caravel.casework.CaseHeader;
import io.caravel.dispute.DisputeService;
import io.caravel.dispute.DisputeView;
import io.caravel.identity.IdentityService;
import io.caravel.identity.UserView;
import io.caravel.order.CustomerOrder;
import io.caravel.order.OrderPaid;
import io.caravel.order.OrderService;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.PageRequest;
import io.caravel.platform.Roles;
import io.caravel.risk.RiskCategory;
import io.caravel.risk.RiskEvent;
import io.caravel.risk.RiskEvents;
import io.caravel.seller.Seller;
import io.caravel.seller.SellerDirectory;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Data subjects' rights and cross-border transfers: a buyer or seller asks for a copy (JSON) or the
 * erasure of their personal data; each request is a {@code data-request} case for a compliance
 * officer with a due date; fulfilling it makes the export or anonymises what no customs, tax or
 * anti-money-laundering record must keep (and says what was kept, why and until when). Each paid
 * order records the transfer of the buyer's data to the seller's country.
 */
@Stateless
public class DataRequests {

    static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private RuntimeService runtime;

    @Inject
    private IdentityService identity;

    @Inject
    private OrderService orders;

    @Inject
    private DisputeService disputes;

    @Inject
    private SellerDirectory sellers;

    @Inject
    private RiskEvents risks;

    @Inject
    private AuditTrail audit;

    @Inject
    @ConfigProperty(name = "caravel.privacy.due", defaultValue = "P15D")
    private String due;

    @Inject
    @ConfigProperty(name = "caravel.privacy.retention", defaultValue = "P1825D")
    private String retention;

    private final Clock clock = Clock.systemUTC();

    /** A request as its requester and staff see it; the export itself is downloaded separately. */
    @Schema(name = "DataRequestView")
    public record View(String id, String username, DataRequestKind kind, DataRequestStatus status, String note,
                       Instant requestedAt, Instant dueAt, Instant decidedAt, String message, boolean exportReady,
                       List<Kept> kept) {
    }

    /** What an erasure kept: which record, why (CUSTOMS_TAX or KYC_AML, in words on the pages), until when it must be kept. */
    public record Kept(String record, String id, String reason, LocalDate until) {
    }

    /** Asks for an export or erasure; one open request of each kind per person (409 for a second). */
    public View request(Caller caller, DataRequestKind kind, String note) {
        if (kind == null) {
            throw CaravelException.invalid("kind", "error.privacy.kind");
        }
        if (note != null && note.length() > 1000) {
            throw CaravelException.invalid("note", "error.privacy.note", 1000);
        }
        identity.lock(caller.username());
        if (!em.createQuery("select r.id from DataRequest r where r.username = :u and r.kind = :k and r.status = :open", String.class)
                .setParameter("u", caller.username()).setParameter("k", kind).setParameter("open", DataRequestStatus.OPEN)
                .getResultList().isEmpty()) {
            throw CaravelException.conflict("error.privacy.open");
        }
        Instant now = clock.instant();
        DataRequest request = new DataRequest(caller.username(), caller.sellerId(), kind,
                note == null || note.isBlank() ? null : note.strip(), now, now.plus(Duration.parse(due)));
        em.persist(request);
        em.flush();
        String title = (kind == DataRequestKind.EXPORT ? "Export of personal data: " : "Erasure of personal data: ") + caller.username();
        var variables = new CaseHeader(DataRequestWorkflow.CASE_TYPE, request.id(), title, caller.sellerId(), request.dueAt()).variables();
        runtime.startProcessInstanceByKey(DataRequestWorkflow.PROCESS_KEY, request.id(), variables);
        risks.record(RiskCategory.DATA, kind == DataRequestKind.EXPORT ? "DATA_EXPORT_REQUESTED" : "DATA_ERASURE_REQUESTED",
                RiskEvent.Severity.INFO, DataRequestWorkflow.CASE_TYPE, request.id(), caller.sellerId(),
                caller.username() + ", due " + request.dueAt());
        audit.record(caller.username(), "DATA_REQUESTED", DataRequestWorkflow.CASE_TYPE, request.id(), kind.name());
        return view(request);
    }

    /** The caller's own requests, newest first. */
    public List<View> mine(Caller caller) {
        return em.createQuery("select r from DataRequest r where r.username = :u order by r.requestedAt desc, r.id desc",
                DataRequest.class).setParameter("u", caller.username()).getResultStream().map(this::view).toList();
    }

    /** One request: its requester, or compliance staff. */
    public View get(Caller caller, String id) {
        return view(readable(caller, id));
    }

    /** The export of a fulfilled export request, for its requester only (staff never download someone's export). */
    public byte[] export(Caller caller, String id) {
        DataRequest request = em.find(DataRequest.class, id == null ? "" : id);
        if (request == null || !request.username().equals(caller.username()) || request.kind() != DataRequestKind.EXPORT
                || request.status() == DataRequestStatus.REFUSED) {
            throw CaravelException.notFound("data request", id);
        }
        if (request.exportJson() == null) {
            throw CaravelException.conflict("error.privacy.not-ready");
        }
        return request.exportJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** What the case page shows the officer: the requester's records an export holds or an erasure touches. */
    public Map<String, Object> preview(Caller caller, String id) {
        DataRequest request = readable(caller, id);
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("orders", orders.ofBuyer(request.username()).size());
        preview.put("transfers", transfers(request.username()).size());
        preview.put("kept", request.kind() == DataRequestKind.ERASURE ? keptBy(request) : List.of());
        return preview;
    }

    /** The workflow's step after an officer's FULFIL: the export made, or the erasure done. */
    public void fulfil(String id, String by, String message) {
        DataRequest request = em.find(DataRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (request.status() != DataRequestStatus.OPEN) {
            return; // a retried step: done already
        }
        Instant now = clock.instant();
        if (request.kind() == DataRequestKind.EXPORT) {
            request.fulfilled(by, now, message, JSON.toJson(collect(request.username(), now)), null);
        } else {
            List<Kept> kept = keptBy(request);
            for (CustomerOrder order : orders.ofBuyer(request.username())) {
                if (kept.stream().noneMatch(k -> k.id().equals(order.id()))) {
                    orders.anonymiseConsignee(order.id());
                }
            }
            identity.erase(request.username(), by);
            // earlier copies hold the same personal data: they go too
            em.createQuery("update DataRequest r set r.exportJson = null where r.username = :u and r.exportJson is not null")
                    .setParameter("u", request.username()).executeUpdate();
            request.fulfilled(by, now, message, null, JSON.toJson(kept));
        }
        audit.record(by, "DATA_REQUEST_FULFILLED", DataRequestWorkflow.CASE_TYPE, id, request.kind().name());
    }

    /** The workflow's step after an officer's REFUSE: the requester reads the reason. */
    public void refuse(String id, String by, String message) {
        DataRequest request = em.find(DataRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (request.status() == DataRequestStatus.OPEN) {
            request.refused(by, clock.instant(), message);
            audit.record(by, "DATA_REQUEST_REFUSED", DataRequestWorkflow.CASE_TYPE, id, message);
        }
    }

    /** Records the transfer of the buyer's data when an order is paid (the seller, its carrier and customs receive it). */
    public void orderPaid(@Observes OrderPaid paid) {
        CustomerOrder order = orders.sold(paid.orderId()).order();
        String to = sellers.find(order.sellerId()).map(Seller::country).orElse("??");
        em.persist(new PersonalDataTransfer(order.id(), order.buyer(), order.destinationCountry(), to, order.sellerId(),
                clock.instant()));
    }

    /** Transfers of personal data between two days (UTC, inclusive), optionally into one country, newest first, at most 10,000. */
    public List<PersonalDataTransfer> transfers(LocalDate from, LocalDate to, String toCountry) {
        StringBuilder jpql = new StringBuilder("select t from PersonalDataTransfer t where t.transferredAt >= :from and t.transferredAt < :to");
        if (toCountry != null) {
            jpql.append(" and t.toCountry = :country");
        }
        var query = em.createQuery(jpql.append(" order by t.transferredAt desc, t.id desc").toString(), PersonalDataTransfer.class)
                .setParameter("from", from.atStartOfDay(ZoneOffset.UTC).toInstant())
                .setParameter("to", to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        if (toCountry != null) {
            query.setParameter("country", toCountry.toUpperCase(Locale.ROOT));
        }
        return query.setMaxResults(10_000).getResultList();
    }

    /** Transfers per route ("DE->CN") between two days (UTC, inclusive), optionally into one country, counted in the database. */
    public java.util.Map<String, Long> routes(LocalDate from, LocalDate to, String toCountry) {
        var query = em.createQuery("select t.fromCountry, t.toCountry, count(t) from PersonalDataTransfer t where t.transferredAt >= :from"
                        + " and t.transferredAt < :to" + (toCountry == null ? "" : " and t.toCountry = :country")
                        + " group by t.fromCountry, t.toCountry", Object[].class)
                .setParameter("from", from.atStartOfDay(ZoneOffset.UTC).toInstant())
                .setParameter("to", to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        if (toCountry != null) {
            query.setParameter("country", toCountry.toUpperCase(Locale.ROOT));
        }
        java.util.Map<String, Long> routes = new java.util.TreeMap<>();
        query.getResultList().forEach(r -> routes.put(r[0] + "->" + r[1], (Long) r[2]));
        return routes;
    }

    private List<PersonalDataTransfer> transfers(String subject) {
        return em.createQuery("select t from PersonalDataTransfer t where t.subject = :s order by t.transferredAt", PersonalDataTransfer.class)
                .setParameter("s", subject).getResultList();
    }

    /**
     * What an erasure must keep: paid orders within the customs and tax retention period (their
     * consignee and amounts are part of the declaration and the tax record), and a seller's company
     * records (know-your-customer and anti-money-laundering checks are kept after the relationship ends).
     */
    private List<Kept> keptBy(DataRequest request) {
        Retention keep = Retention.of(retention);
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        List<Kept> kept = new ArrayList<>();
        for (CustomerOrder order : orders.ofBuyer(request.username())) {
            if (order.paidAt() != null && keep.after(order.paidAt()).isAfter(today)) {
                kept.add(new Kept("order", order.id(), "CUSTOMS_TAX", keep.after(order.paidAt())));
            }
        }
        if (request.sellerId() != null) {
            kept.add(new Kept("seller", request.sellerId(), "KYC_AML", keep.after(clock.instant())));
        }
        return kept;
    }

    /** The retention period in ISO 8601: a period of years, months or days (P5Y) or a duration (P1825D). */
    private record Retention(java.time.Period period) {
        static Retention of(String iso) {
            try {
                return new Retention(java.time.Period.parse(iso));
            } catch (java.time.format.DateTimeParseException notAPeriod) {
                return new Retention(java.time.Period.ofDays((int) Duration.parse(iso).toDays()));
            }
        }

        LocalDate after(Instant start) {
            return start.atZone(ZoneOffset.UTC).toLocalDate().plus(period);
        }
    }

    /** Everything Caravel holds about a person, as they may read it. */
    private Map<String, Object> collect(String username, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("generatedAt", now.toString());
        data.put("controller", "Caravel platform operator");
        UserView user = identity.user(username).orElseThrow();
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("username", user.username());
        account.put("displayName", user.displayName());
        account.put("email", user.email());
        account.put("roles", user.roles());
        account.put("createdAt", String.valueOf(user.createdAt()));
        data.put("account", account);
        if (user.sellerId() != null) {
            sellers.find(user.sellerId()).ifPresent(s -> data.put("seller", Map.of("id", s.id(), "legalName", s.legalName(),
                    "country", s.country(), "operatingModel", s.operatingModel().name(), "status", s.status().name())));
        }
        List<Map<String, Object>> orderData = new ArrayList<>();
        for (CustomerOrder o : orders.ofBuyer(username)) {
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("id", o.id());
            order.put("placedAt", o.createdAt().toString());
            order.put("status", o.status().name());
            order.put("destinationCountry", o.destinationCountry());
            order.put("total", o.total().toPlainString() + " " + o.buyerCurrency());
            Map<String, Object> consignee = new LinkedHashMap<>();
            consignee.put("name", o.consigneeName());
            consignee.put("phone", o.consigneePhone());
            consignee.put("address", o.consigneeAddress());
            consignee.put("city", o.consigneeCity());
            consignee.put("postcode", o.consigneePostcode());
            consignee.put("idNumber", o.consigneeIdNumber());
            order.put("consignee", consignee);
            orderData.add(order);
        }
        data.put("orders", orderData);
        Caller buyer = new Caller(username, java.util.Set.of(Roles.BUYER), null);
        List<Map<String, Object>> disputeData = new ArrayList<>();
        if (user.roles().contains(Roles.BUYER)) {
            for (DisputeView d : disputes.list(buyer, null, null, PageRequest.of(100, null)).items()) {
                disputeData.add(Map.of("id", d.id(), "orderId", d.orderId(), "reason", d.reason(), "status", d.status(),
                        "openedAt", d.createdAt().toString()));
            }
        }
        data.put("disputes", disputeData);
        data.put("crossBorderTransfers", transfers(username).stream().map(t -> Map.of("orderId", t.orderId(),
                "from", t.fromCountry(), "to", t.toCountry(), "categories", t.categories(), "legalBasis", t.legalBasis(),
                "at", t.transferredAt().toString())).toList());
        return data;
    }

    private DataRequest readable(Caller caller, String id) {
        DataRequest request = id == null ? null : em.find(DataRequest.class, id);
        if (request == null || !request.username().equals(caller.username()) && !caller.isComplianceStaff()) {
            throw CaravelException.notFound("data request", id);
        }
        return request;
    }

    private View view(DataRequest r) {
        List<Kept> kept = r.kept() == null ? List.of() : List.of(JSON.fromJson(r.kept(), Kept[].class));
        return new View(r.id(), r.username(), r.kind(), r.status(), r.note(), r.requestedAt(), r.dueAt(), r.decidedAt(),
                r.message(), r.exportJson() != null, kept);
    }
}
