package io.caravel.payment;

import io.caravel.platform.Ids;
import io.caravel.platform.JsonP;
import io.caravel.platform.Money;
import io.caravel.platform.WebhookSignature;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A SIMULATOR of a payment provider, built in for demos and tests (no real money moves), and only
 * available in demo mode unless switched on with a secret of its own ({@link #available()}). The buyer
 * "pays" through {@code POST /api/v1/payment-simulator/payments/{ref}}, choosing to be approved or
 * declined; the simulator then calls Caravel's webhook over HTTP with an HMAC-signed event, as a
 * real provider would, and can deliver it late or twice to show both are handled once.
 */
@ApplicationScoped
public class SimulatedPaymentProvider implements PaymentProvider {

    public static final String NAME = "simulator";
    static final String DEMO_SECRET = "caravel-payment-simulator-not-for-production";
    private static final Logger LOG = Logger.getLogger(SimulatedPaymentProvider.class.getName());

    @Inject
    @ConfigProperty(name = "caravel.payment.simulator.secret", defaultValue = DEMO_SECRET)
    private String secret;

    /** On in demo mode; outside it only when switched on and given a secret of its own. */
    @Inject
    @ConfigProperty(name = "caravel.payment.simulator.enabled")
    private Optional<Boolean> switchedOn;

    @Inject
    @ConfigProperty(name = "caravel.demo.enabled", defaultValue = "false")
    private boolean demo;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Clock clock = Clock.systemUTC();

    /** What the buyer chose on the simulator's payment page, and how the simulator delivers the result. */
    public record Simulation(boolean approve, String payerName, String payerIdNumber, int delaySeconds, int deliveries) {
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Whether the simulator takes payments: in demo mode, or when {@code caravel.payment.simulator.enabled}
     * is true and its secret is not the published demo one (anyone could sign events with that).
     */
    @Override
    public boolean available() {
        return switchedOn.orElse(demo) && (demo || !DEMO_SECRET.equals(secret));
    }

    @Override
    public Opened open(String paymentId, Money amount) {
        String ref = "sim_" + Ids.newId().replace("-", "");
        return new Opened(ref, "/api/v1/payment-simulator/payments/" + ref);
    }

    @Override
    public String refund(String providerRef, Money amount, String refundKey) {
        // the same key answers the same refund id, as a provider honouring idempotency keys does
        return "simrf_" + io.caravel.platform.Uploads.sha256((providerRef + "|" + refundKey)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 24);
    }

    @Override
    public boolean verify(String signatureHeader, String body) {
        return WebhookSignature.verify(secret, signatureHeader, body, clock);
    }

    @Override
    public Optional<PaymentOutcome> read(String body) {
        try (JsonReader reader = JsonP.PROVIDER.createReader(new StringReader(body))) {
            JsonObject event = reader.readObject();
            String type = event.getString("type", "");
            if (!type.equals("payment.succeeded") && !type.equals("payment.declined")) {
                return Optional.empty();
            }
            JsonObject p = event.getJsonObject("payment");
            return Optional.of(new PaymentOutcome(event.getString("id"), p.getString("ref"), type.equals("payment.succeeded"),
                    p.getJsonNumber("amount").bigDecimalValue(), p.getString("currency"), p.getString("payerName", null),
                    p.getString("payerIdNumber", null), p.getString("transactionId", null),
                    Instant.parse(event.getString("created")), p.getString("declineReason", null)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<ChargebackReport> readChargeback(String body) {
        try (JsonReader reader = JsonP.PROVIDER.createReader(new StringReader(body))) {
            JsonObject event = reader.readObject();
            if (!event.getString("type", "").startsWith("charge.dispute.")) {
                return Optional.empty();
            }
            JsonObject d = event.getJsonObject("dispute");
            String outcome = d.getString("outcome", "");
            return Optional.of(new ChargebackReport(event.getString("id"), d.getString("paymentRef"), d.getString("ref"),
                    ChargebackReport.Stage.valueOf(d.getString("stage")), d.getString("reason", ""),
                    d.getJsonNumber("amount").bigDecimalValue(), d.getString("currency"), Instant.parse(d.getString("dueBy")),
                    outcome.isEmpty() ? null : ChargebackReport.Outcome.valueOf(outcome), Instant.parse(event.getString("created"))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void acceptChargeback(String disputeRef) {
        LOG.info(() -> "payment simulator: chargeback " + disputeRef + " accepted");
    }

    @Override
    public void contestChargeback(String disputeRef, String evidence) {
        LOG.info(() -> "payment simulator: chargeback " + disputeRef + " contested with " + evidence.length() + " characters of evidence");
    }

    /** What the simulated cardholder's bank does: a chargeback at a stage, with a due date, or its outcome. */
    public record SimulatedChargeback(String disputeRef, ChargebackReport.Stage stage, String reason, java.math.BigDecimal amount,
                                      int dueInDays, ChargebackReport.Outcome outcome) {
    }

    /** Sends a chargeback event of the payment to the webhook URL, as a provider reports a card dispute; answers its reference. */
    public String chargeback(Payment payment, SimulatedChargeback chargeback, URI webhook) {
        String ref = chargeback.disputeRef() != null ? chargeback.disputeRef() : "simdp_" + Ids.newId().replace("-", "").substring(0, 20);
        Instant now = clock.instant();
        String body = JsonP.PROVIDER.createObjectBuilder()
                .add("id", "evt_" + Ids.newId().replace("-", ""))
                .add("type", chargeback.outcome() == null ? "charge.dispute.updated" : "charge.dispute.closed")
                .add("created", now.toString())
                .add("dispute", JsonP.PROVIDER.createObjectBuilder()
                        .add("ref", ref)
                        .add("paymentRef", payment.providerRef())
                        .add("stage", chargeback.stage().name())
                        .add("reason", chargeback.reason() == null ? "" : chargeback.reason())
                        .add("amount", chargeback.amount() == null ? payment.amount().amount() : chargeback.amount())
                        .add("currency", payment.amount().currency())
                        .add("dueBy", now.plus(Duration.ofDays(chargeback.dueInDays())).toString())
                        .add("outcome", chargeback.outcome() == null ? "" : chargeback.outcome().name()))
                .build().toString();
        scheduler.schedule(() -> deliver(webhook, body), 0, TimeUnit.SECONDS);
        return ref;
    }

    /**
     * Sends the outcome of a payment to the webhook URL: after {@code delaySeconds}, {@code deliveries}
     * times with one event id (a provider retrying a delivery it thinks was lost).
     */
    public void simulate(Payment payment, Simulation simulation, URI webhook) {
        String body = event(payment, simulation);
        for (int i = 0; i < Math.max(1, simulation.deliveries()); i++) {
            scheduler.schedule(() -> deliver(webhook, body), Math.max(0, simulation.delaySeconds()) + i, TimeUnit.SECONDS);
        }
    }

    /** The signature header the simulator sends with a body now. */
    String signature(String body) {
        return WebhookSignature.sign(secret, clock.instant().getEpochSecond(), body);
    }

    /** The provider's event reporting the buyer's choice, as the webhook receives it. */
    String event(Payment payment, Simulation simulation) {
        Instant now = clock.instant();
        return JsonP.PROVIDER.createObjectBuilder()
                .add("id", "evt_" + Ids.newId().replace("-", ""))
                .add("type", simulation.approve() ? "payment.succeeded" : "payment.declined")
                .add("created", now.toString())
                .add("payment", JsonP.PROVIDER.createObjectBuilder()
                        .add("ref", payment.providerRef())
                        .add("amount", payment.amount().amount())
                        .add("currency", payment.amount().currency())
                        .add("payerName", simulation.payerName() == null ? "" : simulation.payerName())
                        .add("payerIdNumber", simulation.payerIdNumber() == null ? "" : simulation.payerIdNumber())
                        .add("transactionId", "simtx_" + Ids.newId().replace("-", "").substring(0, 20))
                        .add("declineReason", simulation.approve() ? "" : "insufficient_funds"))
                .build().toString();
    }

    private void deliver(URI webhook, String body) {
        String signature = signature(body);
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").header(WebhookSignature.HEADER, signature)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
                LOG.warning(() -> "payment simulator: webhook answered " + response.statusCode() + ", retrying");
            } catch (java.io.IOException e) {
                LOG.log(Level.WARNING, "payment simulator: webhook not reached, retrying", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(1000L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
