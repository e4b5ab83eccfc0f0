package io.caravel.payment.web;

import io.caravel.payment.PaymentService;
import io.caravel.platform.WebhookSignature;
import io.caravel.platform.Access;
import io.caravel.platform.web.Allow;
import io.caravel.platform.web.RequestBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Payment providers' webhooks: authenticated by their HMAC signature, not by a user; each event applied once. */
@Path("payments/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "payments")
public class PaymentWebhookResource {

    static final int MAX_EVENT_BYTES = 64 * 1024;

    @Inject
    private PaymentService payments;

    @POST
    @Path("{provider}")
    @Consumes(MediaType.WILDCARD)
    @Allow(Access.PUBLIC)
    @SecurityRequirementsSet
    @APIResponse(responseCode = "200", description = "The event's effect", content = @Content(schema = @Schema(ref = "WebhookAnswer")))
    @APIResponse(responseCode = "401", description = "The signature is missing or wrong")
    @Operation(operationId = "receivePaymentWebhook", summary = "A payment provider reports an outcome; header " + WebhookSignature.HEADER
            + ": t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\">. Each event is applied once")
    public WebhookAnswer webhook(@PathParam("provider") String provider,
                                       @HeaderParam(WebhookSignature.HEADER) String signature, InputStream body)
            throws IOException {
        byte[] content = RequestBodies.read(body, MAX_EVENT_BYTES);
        PaymentService.Applied applied = payments.webhook(provider, signature, new String(content, StandardCharsets.UTF_8));
        return new WebhookAnswer(applied);
    }

    /** What the event did: APPLIED, REPEATED (seen before, applied once) or IGNORED. */
    public record WebhookAnswer(PaymentService.Applied result) {
    }
}
