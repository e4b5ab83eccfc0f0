package io.caravel.customs;

import io.caravel.audit.AuditTrail;
import io.caravel.audit.Detail;
import io.caravel.audit.Detail.Arg;
import io.caravel.casework.CaseHeader;
import io.caravel.hs.HsService;
import io.caravel.order.CustomsStatus;
import io.caravel.order.OrderBlocked;
import io.caravel.order.OrderPaid;
import io.caravel.order.OrderService;
import io.caravel.order.OrderShipped;
import io.caravel.order.QuoteView;
import io.caravel.payment.Payment;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Durations;
import io.caravel.platform.Masks;
import io.caravel.platform.Roles;
import io.caravel.risk.RiskCategory;
import io.caravel.risk.RiskEvent;
import io.caravel.risk.RiskEvents;
import io.caravel.tariff.Destinations;
import io.caravel.tariff.RuleKind;
import io.caravel.tariff.TariffRules;
import io.caravel.webhook.WebhookEventType;
import io.caravel.webhook.Webhooks;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Customs declarations of paid orders and the steps of the {@code customs-declaration} workflow:
 * opened when an order is paid, built when it ships, validated (for China 三单对碰: order, payment,
 * waybill and inventory list agree), submitted to the {@link CustomsGateway}, then cleared or held
 * for a customs agent, who corrects and resubmits it or cancels and refunds the order. Every step is
 * in the audit trail; every hold is a risk event.
 */
@Stateless
public class CustomsService {

    static final Jsonb JSON = JsonbBuilder.create();
    static final String WORKFLOW = "workflow";
    static final String CASE = CustomsWorkflow.CASE_TYPE;

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private Webhooks webhooks;

    @Inject
    private OrderService orders;

    @Inject
    private CustomsGateway gateway;

    @Inject
    private HsService hs;

    @Inject
    private TariffRules tariff;

    @Inject
    private RuntimeService runtime;

    @Inject
    private AuditTrail audit;

    @Inject
    private RiskEvents risks;

    @Inject
    @ConfigProperty(name = "caravel.customs.ship-due", defaultValue = "P3D")
    private String shipDue;

    @Inject
    @ConfigProperty(name = "caravel.customs.correction-due", defaultValue = "P1D")
    private String correctionDue;

    /** How long the first submission waits for an answer; each retry waits twice as long as the one before. */
    @Inject
    @ConfigProperty(name = "caravel.customs.answer-wait", defaultValue = "PT2M")
    private Duration answerWait;

    @Inject
    @ConfigProperty(name = "caravel.customs.max-attempts", defaultValue = "3")
    private int maxAttempts;

    /** China's registration code and name of the e-commerce platform, named in every CEB message. */
    @Inject
    @ConfigProperty(name = "caravel.customs.cn.platform-code", defaultValue = "DEMO000000")
    private String platformCode;

    @Inject
    @ConfigProperty(name = "caravel.customs.cn.platform-name", defaultValue = "Caravel demo platform")
    private String platformName;

    private final Clock clock = Clock.systemUTC();

    /** A declaration as staff and the order's seller see it: documents, findings and every submission. */
    public record DeclarationView(String id, String orderId, String sellerId, String regime, String status, String holdReason,
                                  DeclarationDocuments documents, List<Finding> findings, List<SubmissionView> submissions,
                                  Instant createdAt, Instant updatedAt, int version) {
    }

    /** One submission and its answer. */
    public record SubmissionView(int attempt, String gateway, String gatewayRef, Instant submittedAt, String answer,
                                 String reasonCode, Instant answeredAt) {
    }

    /** A customs agent's correction of one field of a held declaration's documents. */
    public record Correction(String field, String value) {
    }

    /** Opens the declaration of a paid order and starts its workflow (in the payment's transaction). */
    public void orderPaid(@Observes OrderPaid paid) {
        OrderService.Sold sold = orders.sold(paid.orderId());
        Instant now = clock.instant();
        CustomsDeclaration declaration = new CustomsDeclaration(paid.orderId(), sold.order().sellerId(), sold.order().regime(), now);
        em.persist(declaration);
        em.flush();
        String title = "Order " + paid.orderId().substring(0, 8) + " to " + sold.order().destinationCountry() + " ("
                + sold.order().regime() + ")";
        var variables = new CaseHeader(CASE, declaration.id(), title, sold.order().sellerId(),
                Durations.after(now, shipDue).plus(Duration.ofDays(2))).variables()
                .putValue(CustomsWorkflow.ORDER_ID, paid.orderId())
                .putValue(CustomsWorkflow.SHIP_DUE, shipDue)
                .putValue(CustomsWorkflow.CORRECTION_DUE, correctionDue)
                .putValue(CustomsWorkflow.MAX_ATTEMPTS, maxAttempts)
                .putValue(CustomsWorkflow.ATTEMPT, 0);
        declaration.started(runtime.startProcessInstanceByKey(CustomsWorkflow.PROCESS_KEY, declaration.id(), variables).getId());
        audit.record(WORKFLOW, "DECLARATION_OPENED", CASE, declaration.id(), "order " + paid.orderId() + ", "
                + sold.order().regime(), Detail.of("ORDER_REGIME", Arg.text(paid.orderId()), Arg.code("regime", sold.order().regime())));
    }

    /** Compliance blocked the order: its declaration stops where it is (nothing is filed for a sanctioned consignee). */
    public void orderBlocked(@Observes OrderBlocked blocked) {
        CustomsDeclaration declaration = byOrder(blocked.orderId());
        if (declaration == null || declaration.status() == DeclarationStatus.CLEARED
                || declaration.status() == DeclarationStatus.CANCELLED) {
            return;
        }
        if (declaration.processInstanceId() != null
                && runtime.createProcessInstanceQuery().processInstanceId(declaration.processInstanceId()).count() > 0) {
            runtime.deleteProcessInstance(declaration.processInstanceId(), "order blocked by compliance");
        }
        declaration.moved(DeclarationStatus.CANCELLED, declaration.holdReason(), clock.instant());
        audit.record(blocked.by(), "DECLARATION_CANCELLED", CASE, declaration.id(), "order blocked by compliance",
                Detail.of("ORDER_BLOCKED"));
    }

    /** The parcel has its waybill: the declaration is built and checked now. */
    public void orderShipped(@Observes OrderShipped shipped) {
        CustomsDeclaration declaration = byOrder(shipped.orderId());
        if (declaration != null && declaration.status() == DeclarationStatus.AWAITING_WAYBILL) {
            runtime.createMessageCorrelation(CustomsWorkflow.SHIPPED_MESSAGE).processInstanceId(declaration.processInstanceId())
                    .correlate();
        }
    }

    // --- workflow steps ---

    /** Builds the declaration's documents from the order as sold, its payment, its waybill and its lines. */
    public void build(String id) {
        CustomsDeclaration declaration = declaration(id);
        OrderService.Sold sold = orders.sold(declaration.orderId());
        QuoteView.Amounts c = sold.pricing().customsAmounts();
        BigDecimal tax = c.duty().add(c.vat()).add(c.consumptionTax());
        var order = new DeclarationDocuments.OrderMessage(sold.order().id(), sold.order().consigneeIdNumber(),
                sold.order().consigneeName(), sold.order().consigneeAddress() + ", " + sold.order().consigneeCity(),
                sold.order().consigneePhone(), sold.order().destinationCountry(), c.goods(), c.shipping(), tax,
                BigDecimal.ZERO.setScale(2), c.total());
        Payment p = sold.payment();
        BigDecimal paidInCustomsCurrency = (p.amount().currency().equals(c.currency()) ? p.amount().amount() : c.total())
                .setScale(2, java.math.RoundingMode.HALF_UP);
        var payment = new DeclarationDocuments.PaymentMessage(p.provider(), p.transactionId(), p.payerName(), p.payerIdNumber(),
                paidInCustomsCurrency, p.amount().currency(), p.completedAt());
        var waybill = sold.shipment() == null ? null : new DeclarationDocuments.WaybillMessage(sold.shipment().carrier(),
                sold.shipment().waybill(), sold.shipment().consigneeName(), sold.shipment().consigneeAddress(),
                sold.shipment().weightGrams());
        List<DeclarationDocuments.Item> items = new ArrayList<>();
        BigDecimal goods = c.goods();
        BigDecimal sellerTotal = sold.pricing().lines().stream().map(l -> l.lineTotal().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal declared = BigDecimal.ZERO;
        int count = sold.pricing().lines().size();
        for (int i = 0; i < count; i++) {
            QuoteView.Line line = sold.pricing().lines().get(i);
            // each line's share of the goods value in the customs currency; the last takes the rounding remainder
            BigDecimal value = i == count - 1 ? goods.subtract(declared) : sellerTotal.signum() == 0 ? BigDecimal.ZERO
                    : goods.multiply(line.lineTotal().amount()).divide(sellerTotal, 2, java.math.RoundingMode.HALF_UP);
            declared = declared.add(value);
            items.add(new DeclarationDocuments.Item(i + 1, line.hsCode(), sold.pricing().hsEdition(), line.title(),
                    line.originCountry(), line.quantity(), value));
        }
        var inventory = new DeclarationDocuments.InventoryMessage(sold.order().id(),
                waybill == null ? null : waybill.logisticsNo(), items, goods);
        declaration.built(JSON.toJson(new DeclarationDocuments(declaration.regime(), c.currency(), order, payment, waybill,
                inventory)), clock.instant());
        audit.record(WORKFLOW, "DECLARATION_BUILT", CASE, id, declaration.regime() + ", " + items.size() + " items, "
                + goods.toPlainString() + " " + c.currency(), Detail.of("DECLARATION_BUILT", Arg.code("regime", declaration.regime()),
                Arg.text(items.size()), Arg.money(goods, c.currency())));
    }

    /** Checks the documents; the findings are kept with the declaration. True when it may be submitted. */
    public boolean validate(String id) {
        CustomsDeclaration declaration = declaration(id);
        DeclarationDocuments d = documents(declaration);
        List<Finding> findings = new ArrayList<>();
        for (DeclarationDocuments.Item item : d.inventory().items()) {
            hs.problem(item.hsCode()).ifPresent(problem -> findings.add(new Finding("HS_CODE_INVALID",
                    "inventory.items[" + (item.lineNo() - 1) + "].hsCode", Map.of("inventory", item.hsCode()))));
            if (item.value() == null || item.value().signum() <= 0) {
                findings.add(new Finding("VALUE_MISSING", "inventory.items[" + (item.lineNo() - 1) + "].value",
                        Map.of("inventory", String.valueOf(item.value()))));
            }
        }
        if (d.waybill() == null) {
            findings.add(new Finding("WAYBILL_MISSING", "waybill", Map.of()));
        } else if (!same(d.order().consigneeName(), d.waybill().consigneeName())) {
            findings.add(new Finding("CONSIGNEE_MISMATCH", "consigneeName",
                    values("order", d.order().consigneeName(), "waybill", d.waybill().consigneeName())));
        }
        String area = Destinations.area(d.order().destinationCountry());
        if ("CN".equals(area)) {
            BigDecimal computed = d.order().goodsValue().add(d.order().freight()).add(d.order().tax()).subtract(d.order().discount());
            if (computed.compareTo(d.order().actualPaid()) != 0) {
                findings.add(new Finding("AMOUNT_MISMATCH", "actualPaid", values("order", d.order().actualPaid().toPlainString(),
                        "goods + freight + tax - discount", computed.toPlainString())));
            }
            if (d.payment().amountPaid().compareTo(d.order().actualPaid()) != 0) {
                findings.add(new Finding("PAYMENT_MISMATCH", "amountPaid", values("order", d.order().actualPaid().toPlainString(),
                        "payment", d.payment().amountPaid().toPlainString())));
            }
            if (!same(d.order().buyerIdNumber(), d.payment().payerIdNumber())) {
                findings.add(new Finding("PAYER_MISMATCH", "idNumber", values("order", d.order().buyerIdNumber(),
                        "payment", d.payment().payerIdNumber())));
            }
            BigDecimal total = d.inventory().items().stream().map(DeclarationDocuments.Item::value)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.compareTo(d.order().goodsValue()) != 0) {
                findings.add(new Finding("INVENTORY_MISMATCH", "goodsValue", values("order", d.order().goodsValue().toPlainString(),
                        "inventory", total.toPlainString())));
            }
            limit(RuleKind.LIMIT_PER_ORDER, d, d.order().goodsValue().add(d.order().freight())).ifPresent(findings::add);
        }
        if ("EU_IOSS".equals(d.regime())) {
            limit(RuleKind.IOSS_MAX, d, d.order().goodsValue()).ifPresent(findings::add);
        }
        declaration.checked(JSON.toJson(findings), clock.instant());
        List<String> codes = findings.stream().map(Finding::code).toList();
        audit.record(WORKFLOW, "DECLARATION_VALIDATED", CASE, id, findings.isEmpty() ? "valid" : String.join(", ", codes),
                findings.isEmpty() ? Detail.of("VALID") : Detail.of("REASONS", Arg.codes("reason", codes)));
        return findings.isEmpty();
    }

    /** Submits the declaration (attempt n); answers how long to wait for the gateway's answer (doubling each attempt). */
    public Duration submit(String id, int attempt) {
        CustomsDeclaration declaration = declaration(id);
        DeclarationDocuments d = documents(declaration);
        // attempts start again after a correction: the round (submissions so far) makes the key unique
        long round = em.createQuery("select count(s) from DeclarationSubmission s where s.declarationId = :d", Long.class)
                .setParameter("d", id).getSingleResult();
        String ref = gateway.submit(id + "/" + (round + 1) + "/" + attempt, d);
        em.persist(new DeclarationSubmission(id, attempt, gateway.name(), ref, declaration.documents(), clock.instant()));
        declaration.moved(DeclarationStatus.SUBMITTED, null, clock.instant());
        orders.customsStatus(declaration.orderId(), CustomsStatus.IN_PROGRESS);
        audit.record(WORKFLOW, "DECLARATION_SUBMITTED", CASE, id, "attempt " + attempt + " to " + gateway.name() + ", " + ref,
                Detail.of("SUBMITTED", Arg.text(attempt), Arg.text(gateway.name()), Arg.text(ref)));
        return answerWait.multipliedBy(1L << Math.min(10, attempt - 1));
    }

    public void clear(String id) {
        CustomsDeclaration declaration = declaration(id);
        declaration.moved(DeclarationStatus.CLEARED, null, clock.instant());
        orders.customsStatus(declaration.orderId(), CustomsStatus.CLEARED);
        audit.recordForSeller(WORKFLOW, "DECLARATION_CLEARED", CASE, id, "accepted by customs", Detail.of("CLEARED"),
                "cleared by customs");
        webhooks.raise(WebhookEventType.DECLARATION_CLEARED, declaration.sellerId(), id, Webhooks.data(
                "declarationId", id, "orderId", declaration.orderId()));
    }

    /** Why a declaration was held, as the inbox shows it: a risk level and reason codes. */
    public record Hold(String riskLevel, List<String> reasons) {
    }

    /** Holds the declaration for a customs agent: why (findings, the gateway's reason or no answer) becomes a risk event. */
    public Hold hold(String id, boolean invalid, String answer, String reason) {
        CustomsDeclaration declaration = declaration(id);
        List<Finding> findings = findings(declaration);
        String why;
        RiskCategory category;
        if (invalid && !findings.isEmpty()) {
            why = findings.get(0).code();
            category = findings.stream().anyMatch(f -> f.code().startsWith("PAY") || f.code().startsWith("AMOUNT"))
                    ? RiskCategory.PAYMENT : findings.stream().anyMatch(f -> f.code().startsWith("CONSIGNEE")
                    || f.code().startsWith("WAYBILL")) ? RiskCategory.LOGISTICS : RiskCategory.COMPLIANCE;
        } else if ("REJECTED".equals(answer)) {
            why = "REJECTED_" + Objects.toString(reason, "UNSPECIFIED");
            category = RiskCategory.COMPLIANCE;
        } else {
            why = "NO_ANSWER";
            category = RiskCategory.LOGISTICS;
        }
        declaration.moved(DeclarationStatus.HELD, why, clock.instant());
        orders.customsStatus(declaration.orderId(), CustomsStatus.HELD);
        risks.record(category, "DECLARATION_HELD", RiskEvent.Severity.REVIEW, CASE, id, declaration.sellerId(),
                why + (findings.isEmpty() ? "" : ": " + String.join(", ", findings.stream().map(Finding::code).toList())));
        audit.recordForSeller(WORKFLOW, "DECLARATION_HELD", CASE, id, why, Detail.of("REASONS", Arg.code("reason", why)),
                "held by customs checks: " + why);
        webhooks.raise(WebhookEventType.DECLARATION_HELD, declaration.sellerId(), id, Webhooks.data(
                "declarationId", id, "orderId", declaration.orderId(), "reason", why));
        List<String> reasons = invalid && !findings.isEmpty() ? findings.stream().map(Finding::code).distinct().toList() : List.of(why);
        return new Hold(category == RiskCategory.PAYMENT || why.startsWith("REJECTED") ? "HIGH" : "MEDIUM", reasons);
    }

    public void lateShipment(String id) {
        CustomsDeclaration declaration = declaration(id);
        if (orders.sold(declaration.orderId()).order().sanctionsHold()) { // compliance holds it: not the seller's delay
            audit.record(WORKFLOW, "SHIPMENT_WAITS_FOR_COMPLIANCE", CASE, id, "not shipped within " + shipDue
                    + ": the order is held for a compliance check", Detail.of("NOT_SHIPPED_WITHIN", Arg.span(shipDue))
                    .and("HELD_FOR_COMPLIANCE"));
            return;
        }
        risks.record(RiskCategory.LOGISTICS, "LATE_SHIPMENT", RiskEvent.Severity.REVIEW, "order", declaration.orderId(),
                declaration.sellerId(), "paid order not shipped within " + shipDue);
        audit.recordForSeller(WORKFLOW, "SHIPMENT_LATE", CASE, id, "not shipped within " + shipDue,
                Detail.of("NOT_SHIPPED_WITHIN", Arg.span(shipDue)), "the order was not shipped in time");
    }

    public void cancel(String id, String by) {
        CustomsDeclaration declaration = declaration(id);
        orders.cancelAndRefund(declaration.orderId(), by);
        declaration.moved(DeclarationStatus.CANCELLED, declaration.holdReason(), clock.instant());
        orders.customsStatus(declaration.orderId(), CustomsStatus.CANCELLED);
        audit.recordForSeller(by, "DECLARATION_CANCELLED", CASE, id, "order cancelled and refunded",
                Detail.of("ORDER_CANCELLED"), "the order was cancelled and refunded");
    }

    // --- people ---

    /** A customs agent corrects one field of a held declaration (e.g. waybill.consigneeName), before resubmitting it. */
    public DeclarationView correct(Caller caller, String id, Correction correction) {
        if (!caller.hasRole(Roles.CUSTOMS_AGENT)) {
            throw CaravelException.forbidden();
        }
        CustomsDeclaration declaration = declaration(id);
        if (declaration.status() != DeclarationStatus.HELD) {
            throw CaravelException.conflict("error.customs.not-held", declaration.status().name());
        }
        if (correction == null || correction.field() == null || !CORRECTABLE.contains(correction.field())) {
            throw CaravelException.invalid("field", "error.customs.field", String.join(", ", CORRECTABLE));
        }
        String value = correction.value() == null ? "" : correction.value().trim();
        if (value.isEmpty() || value.length() > 200) {
            throw CaravelException.invalid("value", "error.customs.value");
        }
        DeclarationDocuments d = documents(declaration);
        String before;
        DeclarationDocuments corrected;
        switch (correction.field()) {
            case "waybill.consigneeName" -> {
                requireWaybill(d);
                before = d.waybill().consigneeName();
                corrected = new DeclarationDocuments(d.regime(), d.currency(), d.order(), d.payment(),
                        new DeclarationDocuments.WaybillMessage(d.waybill().carrier(), d.waybill().logisticsNo(), value,
                                d.waybill().consigneeAddress(), d.waybill().grossWeightGrams()), d.inventory());
            }
            case "waybill.consigneeAddress" -> {
                requireWaybill(d);
                before = d.waybill().consigneeAddress();
                corrected = new DeclarationDocuments(d.regime(), d.currency(), d.order(), d.payment(),
                        new DeclarationDocuments.WaybillMessage(d.waybill().carrier(), d.waybill().logisticsNo(),
                                d.waybill().consigneeName(), value, d.waybill().grossWeightGrams()), d.inventory());
            }
            default -> { // payment.payerIdNumber
                before = d.payment().payerIdNumber();
                var p = d.payment();
                corrected = new DeclarationDocuments(d.regime(), d.currency(), d.order(),
                        new DeclarationDocuments.PaymentMessage(p.provider(), p.transactionId(), p.payerName(), value,
                                p.amountPaid(), p.paidCurrency(), p.paidAt()), d.waybill(), d.inventory());
            }
        }
        declaration.corrected(JSON.toJson(corrected), clock.instant());
        audit.record(caller.username(), "DECLARATION_CORRECTED", CASE, id, correction.field() + ": \"" + before + "\" → \""
                + value + "\"", Detail.of("CORRECTED", Arg.code("declaration.correctable", correction.field()), Arg.text(before),
                Arg.text(value)));
        return view(declaration);
    }

    static final List<String> CORRECTABLE = List.of("waybill.consigneeName", "waybill.consigneeAddress", "payment.payerIdNumber");

    /** A declaration for customs agents and compliance staff, or the order's seller; to anyone else it does not exist. */
    public DeclarationView get(Caller caller, String id) {
        CustomsDeclaration declaration = id == null ? null : em.find(CustomsDeclaration.class, id);
        if (declaration == null || !mayRead(caller, declaration)) {
            throw CaravelException.notFound("declaration", id);
        }
        return forReader(caller, view(declaration));
    }

    /** The declaration of an order, if it was paid. */
    public DeclarationView ofOrder(Caller caller, String orderId) {
        CustomsDeclaration declaration = byOrder(orderId);
        if (declaration == null || !mayRead(caller, declaration)) {
            throw CaravelException.notFound("declaration of order", orderId);
        }
        return forReader(caller, view(declaration));
    }

    /** Where an order's declaration stands and under which regime, without its documents (a case page about the order shows it). */
    public record DeclarationState(String status, String regime) {
    }

    /** The status of an order's declaration, if it has one; callers check first that the order's case is the reader's. */
    public java.util.Optional<DeclarationState> statusOfOrder(String orderId) {
        CustomsDeclaration declaration = byOrder(orderId);
        return declaration == null ? java.util.Optional.empty()
                : java.util.Optional.of(new DeclarationState(declaration.status().name(), declaration.regime()));
    }

    private static boolean isStaff(Caller caller) {
        return caller.hasRole(Roles.CUSTOMS_AGENT) || caller.isComplianceStaff();
    }

    /** The seller reads its declaration with the buyer's and payer's ID numbers masked; staff read them whole. */
    private static DeclarationView forReader(Caller caller, DeclarationView v) {
        if (isStaff(caller) || v.documents() == null) {
            return v;
        }
        DeclarationDocuments d = v.documents();
        var o = d.order();
        var p = d.payment();
        DeclarationDocuments masked = new DeclarationDocuments(d.regime(), d.currency(),
                new DeclarationDocuments.OrderMessage(o.orderNo(), Masks.idNumber(o.buyerIdNumber()), o.consigneeName(),
                        o.consigneeAddress(), o.consigneePhone(), o.destinationCountry(), o.goodsValue(), o.freight(), o.tax(),
                        o.discount(), o.actualPaid()),
                new DeclarationDocuments.PaymentMessage(p.provider(), p.transactionId(), p.payerName(), Masks.idNumber(p.payerIdNumber()),
                        p.amountPaid(), p.paidCurrency(), p.paidAt()), d.waybill(), d.inventory());
        List<Finding> findings = v.findings().stream().map(f -> {
            if (!"idNumber".equals(f.field())) {
                return f;
            }
            Map<String, String> values = new LinkedHashMap<>();
            f.values().forEach((document, value) -> values.put(document, Masks.idNumber(value)));
            return new Finding(f.code(), f.field(), values);
        }).toList();
        return new DeclarationView(v.id(), v.orderId(), v.sellerId(), v.regime(), v.status(), v.holdReason(), masked, findings,
                v.submissions(), v.createdAt(), v.updatedAt(), v.version());
    }


    /** One CEB message of a Chinese declaration (CEB311, CEB411, CEB511, CEB621) as XML, for a broker. */
    public String exportMessage(Caller caller, String id, String message) {
        requireStaff(caller);
        DeclarationView view = get(caller, id);
        requireBuilt(view);
        return DeclarationExport.ceb(id, message, view.documents(), new DeclarationExport.Codes(platformCode, platformName),
                clock.instant());
    }

    /** The H7/H1 data set (EU) or entry data (UK, US) of a declaration, for a broker. */
    public Map<String, Object> exportDataSet(Caller caller, String id) {
        requireStaff(caller);
        DeclarationView view = get(caller, id);
        requireBuilt(view);
        return DeclarationExport.dataSet(id, view.documents());
    }

    /** Exports carry the buyer's ID number whole: for customs agents and compliance staff only. */
    private static void requireStaff(Caller caller) {
        if (!isStaff(caller)) {
            throw CaravelException.forbidden();
        }
    }

    private static void requireBuilt(DeclarationView view) {
        if (view.documents() == null) {
            throw CaravelException.conflict("error.customs.not-built");
        }
    }

    private static boolean mayRead(Caller caller, CustomsDeclaration declaration) {
        return isStaff(caller) || declaration.sellerId().equals(caller.sellerId());
    }

    DeclarationView view(CustomsDeclaration d) {
        List<SubmissionView> submissions = em.createQuery("select s from DeclarationSubmission s where s.declarationId = :d"
                        + " order by s.attempt, s.submittedAt", DeclarationSubmission.class).setParameter("d", d.id())
                .getResultList().stream().map(s -> new SubmissionView(s.attempt(), s.gateway(), s.gatewayRef(), s.submittedAt(),
                        s.answer(), s.reasonCode(), s.answeredAt())).toList();
        return new DeclarationView(d.id(), d.orderId(), d.sellerId(), d.regime(), d.status().name(), d.holdReason(),
                d.documents() == null ? null : documents(d), findings(d), submissions, d.createdAt(), d.updatedAt(), d.version());
    }

    private java.util.Optional<Finding> limit(RuleKind kind, DeclarationDocuments d, BigDecimal value) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return tariff.book().find(kind, d.order().destinationCountry(), null, null, day)
                .filter(rule -> rule.currency() == null || rule.currency().equals(d.currency()))
                .filter(rule -> value.compareTo(rule.value()) > 0)
                .map(rule -> new Finding("LIMIT_EXCEEDED", kind.name(), values("rule", rule.value().toPlainString() + " "
                        + rule.currency(), "declaration", value.toPlainString() + " " + d.currency())));
    }

    private static Map<String, String> values(String a, String va, String b, String vb) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(a, va);
        values.put(b, vb);
        return values;
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.trim().equalsIgnoreCase(b.trim());
    }

    /** Whether two documents disagree on a value both carry, by the rule validation applies (case and spaces around ignored). */
    public static boolean disagree(String a, String b) {
        return a != null && b != null && !same(a, b);
    }

    private static void requireWaybill(DeclarationDocuments d) {
        if (d.waybill() == null) {
            throw CaravelException.conflict("error.customs.no-waybill");
        }
    }

    private CustomsDeclaration byOrder(String orderId) {
        return em.createQuery("select d from CustomsDeclaration d where d.orderId = :o", CustomsDeclaration.class)
                .setParameter("o", orderId).getResultStream().findFirst().orElse(null);
    }

    private CustomsDeclaration declaration(String id) {
        CustomsDeclaration declaration = em.find(CustomsDeclaration.class, id);
        if (declaration == null) {
            throw CaravelException.notFound("declaration", id);
        }
        return declaration;
    }

    private static DeclarationDocuments documents(CustomsDeclaration declaration) {
        return JSON.fromJson(declaration.documents(), DeclarationDocuments.class);
    }

    private static List<Finding> findings(CustomsDeclaration declaration) {
        if (declaration.findings() == null) {
            return List.of();
        }
        return List.of(JSON.fromJson(declaration.findings(), Finding[].class));
    }
}
