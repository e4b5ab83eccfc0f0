package io.caravel.order.web;

import io.caravel.order.CheckoutService;
import io.caravel.order.QuoteRequest;
import io.caravel.order.QuoteView;
import io.caravel.platform.Access;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.ProblemType;
import io.caravel.platform.web.Allow;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import io.caravel.channel.Channels;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Checkout for storefronts: a quote of the full landed cost (goods, shipping, duty, taxes) in the buyer's currency. */
@Path("checkout/quotes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "checkout")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Allow(Access.BUYING)
public class CheckoutResource {

    @Inject
    private CheckoutService checkout;

    @Inject
    private Caller caller;

    @Inject
    private Channels channels;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The quote", content = @Content(schema = @Schema(ref = "QuoteView")))
    @Operation(operationId = "createQuote", summary = "Quote a cart: lines, destination country, shipping method (STANDARD, EXPRESS), currency and a creator's referralCode; answers every amount, the FX rates, the HS edition, the regime and the rules used, valid until validUntil. With a storefront channel's X-Channel-Token: only its store's products, its currencies and destinations; the order records the channel")
    public Response quote(@Valid QuoteRequest request, @Context UriInfo uri, @HeaderParam(Channels.HEADER) String channelToken) {
        if (request == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        QuoteView quote = checkout.quote(caller, request, channels.resolve(channelToken));
        return Response.created(uri.getAbsolutePathBuilder().path(quote.id()).build()).entity(quote).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getQuote", summary = "One of the buyer's quotes, as given")
    public QuoteView get(@PathParam("id") String id) {
        return checkout.quote(caller, id);
    }
}
