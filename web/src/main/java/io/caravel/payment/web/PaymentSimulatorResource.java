package io.caravel.payment.web;

import io.caravel.payment.ChargebackReport;
import io.caravel.payment.PaymentService;
import io.caravel.payment.SimulatedPaymentProvider;
import io.caravel.platform.Access;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.web.Allow;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The built-in payment SIMULATOR's "payment page": the order's buyer approves or declines, the simulator calls the webhook. */
@Path("payment-simulator/payments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "payments")
public class PaymentSimulatorResource {

    @Inject
    private PaymentService payments;

    @Inject
    private Caller caller;

    @Inject
    @ConfigProperty(name = "caravel.payment.simulator.webhook-url")
    private Optional<String> webhookUrl;

    /** What the simulator did: it sent the outcome to the provider (SENT_TO_PROVIDER); a chargeback's dispute reference. */
    public record SimulatorAnswer(String result, String disputeRef) {
    }

    /** The buyer's choice on the simulator's payment page. */
    public record SimulatedPayment(String outcome, String payerName, String payerIdNumber, Integer delaySeconds,
                                   Integer deliveries) {
    }

    @POST
    @Path("{ref}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.BUYING)
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "202", description = "Sent to the provider; its webhook follows", content = @Content(schema = @Schema(ref = "SimulatorAnswer")))
    @Operation(operationId = "simulatePayment", summary = "SIMULATOR: the buyer approves or declines a pending payment (outcome APPROVE or DECLINE, payer name and ID number); the simulator then calls the webhook after delaySeconds (0-60), deliveries times (1-3)")
    public Response simulate(@PathParam("ref") String ref, SimulatedPayment request, @Context HttpServletRequest http) {
        if (request == null || request.outcome() == null
                || !request.outcome().equalsIgnoreCase("APPROVE") && !request.outcome().equalsIgnoreCase("DECLINE")) {
            throw CaravelException.invalid("outcome", "error.payment.outcome");
        }
        int delay = request.delaySeconds() == null ? 0 : request.delaySeconds();
        int deliveries = request.deliveries() == null ? 1 : request.deliveries();
        if (delay < 0 || delay > 60) {
            throw CaravelException.invalid("delaySeconds", "error.payment.delay");
        }
        if (deliveries < 1 || deliveries > 3) {
            throw CaravelException.invalid("deliveries", "error.payment.deliveries");
        }
        payments.simulate(caller, ref, new SimulatedPaymentProvider.Simulation(request.outcome().equalsIgnoreCase("APPROVE"),
                        request.payerName(), request.payerIdNumber(), delay, deliveries),
                webhook(http));
        return Response.accepted(new SimulatorAnswer("SENT_TO_PROVIDER", null)).build();
    }

    /** What the simulated cardholder's bank does with a chargeback. */
    public record SimulatedChargebackRequest(String orderId, String disputeRef, String stage, String reason,
                                             java.math.BigDecimal amount, Integer dueInDays, String outcome) {
    }

    @POST
    @Path("chargebacks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.ADMINISTRATION)
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "202", description = "Sent to the provider; its webhook follows", content = @Content(schema = @Schema(ref = "SimulatorAnswer")))
    @Operation(operationId = "simulateChargeback", summary = "SIMULATOR: the cardholder's bank opens or moves a chargeback of an order's payment (stage INQUIRY, CHARGEBACK, PRE_ARBITRATION or ARBITRATION; reason as a provider sends it; dueInDays 1-60; outcome WON or LOST to close it; disputeRef of an open one to move it); the simulator calls the webhook and answers the dispute reference")
    public Response chargeback(SimulatedChargebackRequest request, @Context HttpServletRequest http) {
        if (request == null || request.orderId() == null || request.orderId().isBlank()) {
            throw CaravelException.invalid("orderId", "error.payment.chargeback-order");
        }
        ChargebackReport.Stage stage = parse(ChargebackReport.Stage.class, request.stage(), "stage");
        if (stage == null) {
            throw CaravelException.invalid("stage", "error.payment.chargeback-value", "INQUIRY, CHARGEBACK, PRE_ARBITRATION, ARBITRATION");
        }
        int due = request.dueInDays() == null ? 7 : request.dueInDays();
        if (due < 1 || due > 60) {
            throw CaravelException.invalid("dueInDays", "error.payment.chargeback-due");
        }
        if (request.amount() != null && request.amount().signum() <= 0) {
            throw CaravelException.invalid("amount", "error.payment.chargeback-amount");
        }
        String ref = payments.simulateChargeback(request.orderId().trim(), new SimulatedPaymentProvider.SimulatedChargeback(
                blank(request.disputeRef()), stage, blank(request.reason()) == null ? "fraudulent" : request.reason().trim(),
                request.amount(), due, parse(ChargebackReport.Outcome.class, request.outcome(), "outcome")), webhook(http));
        return Response.accepted(new SimulatorAnswer("SENT_TO_PROVIDER", ref)).build();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CaravelException.invalid(field, "error.payment.chargeback-value", java.util.Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(java.util.stream.Collectors.joining(", ")));
        }
    }

    /**
     * Where the simulator delivers its events: this server on loopback, never an address taken from
     * the request (a Host header must not make the server post to another machine).
     */
    private URI webhook(HttpServletRequest http) {
        return webhookUrl.map(URI::create).orElseGet(() -> URI.create("http://127.0.0.1:" + http.getLocalPort()
                + http.getContextPath() + "/api/v1/payments/webhooks/" + SimulatedPaymentProvider.NAME));
    }
}
