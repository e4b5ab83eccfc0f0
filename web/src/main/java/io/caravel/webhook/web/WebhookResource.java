package io.caravel.webhook.web;

import io.caravel.platform.Access;
import io.caravel.platform.Caller;
import io.caravel.platform.Messages;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.web.Allow;
import io.caravel.webhook.WebhookEventType;
import io.caravel.webhook.Webhooks;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Webhook subscriptions and their delivery log. A seller subscribes to its own events, an admin to
 * every seller's; each delivery is a signed POST (docs/api.md, Webhooks).
 */
@Path("webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Allow(Access.WEBHOOKS)
public class WebhookResource {

    @Inject
    private Caller caller;

    @Inject
    private Webhooks webhooks;

    @Context
    private HttpHeaders headers;

    /** An event type and what it means, in the language asked for. */
    @Schema(name = "WebhookEventType")
    public record EventTypeView(String type, String description) {
    }

    /** One page of a delivery log: what the document names {@code WebhookDeliveryPage}; the JSON of {@link Page}. */
    public record WebhookDeliveryPage(List<Webhooks.DeliveryView> items, String nextCursor) {
        static WebhookDeliveryPage of(Page<Webhooks.DeliveryView> page) {
            return new WebhookDeliveryPage(page.items(), page.nextCursor());
        }
    }

    @GET
    @Path("event-types")
    @Operation(operationId = "listWebhookEventTypes", summary = "The event types a webhook can subscribe to, described in"
            + " the language of Accept-Language (zh or en)")
    public List<EventTypeView> eventTypes() {
        Locale locale = headers.getAcceptableLanguages().stream().findFirst().orElse(Locale.ENGLISH);
        return webhooks.eventTypes().stream().map(type -> new EventTypeView(type.wireName(),
                Messages.text(locale, "webhook.event." + type.wireName()))).toList();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "My seller's webhook subscriptions (an admin: all), newest first")
    public List<Webhooks.SubscriptionView> list() {
        return webhooks.list(caller);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The subscription and its signing secret, shown this once",
            content = @Content(schema = @Schema(ref = "WebhookWithSecret")))
    @Operation(operationId = "createWebhook", summary = "Subscribe an https address to event types (url, events,"
            + " description). The answer's secret signs every delivery and is shown this once")
    public Response create(Webhooks.Request body) {
        return Response.status(Response.Status.CREATED).entity(webhooks.subscribe(caller, body)).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "One webhook subscription")
    public Webhooks.SubscriptionView get(@PathParam("id") String id) {
        return webhooks.get(caller, id);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeWebhook", summary = "Change a subscription's url, events, description, or pause"
            + " and resume it (active); fields left out stay as they are")
    public Webhooks.SubscriptionView change(@PathParam("id") String id, Webhooks.Request body) {
        return webhooks.change(caller, id, body);
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Operation(operationId = "deleteWebhook", summary = "Delete a subscription and its delivery log")
    public Response delete(@PathParam("id") String id) {
        webhooks.delete(caller, id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "A new signing secret, shown this once; the old one"
            + " stops signing at once")
    public Webhooks.WithSecret rotateSecret(@PathParam("id") String id) {
        return webhooks.rotateSecret(caller, id);
    }

    @POST
    @Path("{id}/ping")
    @APIResponse(responseCode = "202", description = "The test event's delivery, on its way",
            content = @Content(schema = @Schema(ref = "WebhookDelivery")))
    @Operation(operationId = "pingWebhook", summary = "Send a webhook.ping event to this subscription to try the receiver")
    public Response ping(@PathParam("id") String id) {
        return Response.accepted(webhooks.ping(caller, id)).build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log of a subscription, newest first:"
            + " status PENDING (being delivered or waiting to retry), DELIVERED or DEAD (attempts ran out)")
    public WebhookDeliveryPage deliveries(@PathParam("id") String id, @QueryParam("status") String status,
                                          @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return WebhookDeliveryPage.of(webhooks.deliveries(caller, id, status, PageRequest.of(limit, cursor)));
    }

    @GET
    @Path("deliveries/{deliveryId}")
    @Operation(operationId = "getWebhookDelivery", summary = "One delivery with every attempt (when, how long, the"
            + " receiver's answer) and the body sent")
    public Webhooks.DeliveryView delivery(@PathParam("deliveryId") String deliveryId) {
        return webhooks.delivery(caller, deliveryId);
    }

    @POST
    @Path("deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhook", summary = "Send a DEAD delivery again, with a fresh round of attempts")
    public Webhooks.DeliveryView redeliver(@PathParam("deliveryId") String deliveryId) {
        return webhooks.redeliver(caller, deliveryId);
    }
}
