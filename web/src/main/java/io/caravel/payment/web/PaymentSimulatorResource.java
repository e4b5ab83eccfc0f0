package io.caravel.payment.web;

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
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    /** The buyer's choice on the simulator's payment page. */
    public record SimulatedPayment(String outcome, String payerName, String payerIdNumber, Integer delaySeconds,
                                   Integer deliveries) {
    }

    @POST
    @Path("{ref}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.BUYING)
    @SecurityRequirement(name = "basic")
    @Operation(summary = "SIMULATOR: the buyer approves or declines a pending payment (outcome APPROVE or DECLINE, payer name and ID number); the simulator then calls the webhook after delaySeconds (0-60), deliveries times (1-3)")
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
        return Response.accepted(Map.of("result", "SENT_TO_PROVIDER")).build();
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
