package io.caravel.listing.web;

import io.caravel.platform.Access;
import io.caravel.platform.web.Allow;
import io.caravel.listing.Brand;
import io.caravel.listing.ListingService;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.ProblemType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Brands a seller owns, and which other sellers may list them. */
@Path("brands")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "listings")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Allow(Access.SELLING)
public class BrandResource {

    @Inject
    private ListingService listings;

    @Inject
    private Caller caller;

    /** A registered brand. */
    public record BrandView(String id, String name, String trademark, Instant createdAt) {
        static BrandView of(Brand b) {
            return new BrandView(b.id(), b.name(), b.trademark(), b.createdAt());
        }
    }

    /** A brand to register: its name and, optionally, the trademark registration number. */
    public static class NewBrand {
        @NotBlank(message = "{caravel.brand.name.required}")
        @Size(max = 120, message = "{caravel.application.text.size}")
        private String name;
        @Size(max = 60, message = "{caravel.application.text.size}")
        private String trademark;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getTrademark() { return trademark; }
        public void setTrademark(String trademark) { this.trademark = trademark; }
    }

    /** A seller the brand owner authorises. */
    public static class Grant {
        @NotBlank(message = "{caravel.brand.seller.required}")
        private String sellerId;

        public String getSellerId() { return sellerId; }
        public void setSellerId(String sellerId) { this.sellerId = sellerId; }
    }

    @GET
    @Operation(operationId = "listMyBrands", summary = "The brands the seller's company registered")
    public List<BrandView> mine() {
        return listings.myBrands(caller).stream().map(BrandView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The brand", content = @Content(schema = @Schema(ref = "BrandView")))
    @Operation(operationId = "registerBrand", summary = "Register a brand the company owns; other sellers listing it go to review unless authorised")
    public Response register(@Valid NewBrand brand) {
        if (brand == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        return Response.status(Response.Status.CREATED)
                .entity(BrandView.of(listings.registerBrand(caller, brand.getName(), brand.getTrademark()))).build();
    }

    @POST
    @Path("{id}/authorizations")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "204", description = "Authorised")
    @Operation(operationId = "authorizeBrandReseller", summary = "Authorise another seller to list the brand")
    public Response authorize(@PathParam("id") String id, @Valid Grant grant) {
        if (grant == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        listings.authorize(caller, id, grant.getSellerId());
        return Response.noContent().build();
    }
}
