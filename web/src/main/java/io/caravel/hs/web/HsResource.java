package io.caravel.hs.web;

import io.caravel.platform.Access;
import io.caravel.platform.web.Allow;
import io.caravel.hs.Classification;
import io.caravel.hs.HsNomenclature;
import io.caravel.hs.HsService;
import io.caravel.hs.Suggestion;
import io.caravel.platform.CaravelException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HS code help for sellers and storefronts: what a code means, and which codes fit a product. Public. */
@Path("hs")
@Tag(name = "hs")
@Allow(Access.PUBLIC)
@SecurityRequirementsSet
@Produces(MediaType.APPLICATION_JSON)
public class HsResource {

    private static final int DEFAULT_LIMIT = 10;

    @Inject
    private HsService hs;

    @GET
    @Path("codes/{code}")
    @APIResponse(responseCode = "200", description = "The code and what it means", content = @Content(schema = @Schema(ref = "Classification")))
    @APIResponse(responseCode = "400", description = "Not an HS code: errors says what one looks like (validation)")
    @Operation(operationId = "getHsCode", summary = "What an HS 2022 code means: section, chapter, heading and subheading. Takes 2, 4 or 6 digits, "
            + "or a national tariff line of 8 or 10 digits (dots and spaces allowed); 400 for a malformed code or "
            + "the reserved chapter 77, 404 for an unknown code")
    public Classification code(@PathParam("code") String code) {
        return hs.classify(code);
    }

    @GET
    @Path("suggestions")
    @Operation(operationId = "suggestHsCodes", summary = "HS 2022 subheadings that may fit a product description (English words), best first, "
            + "with a score from 0 to 1; limit 1 to 50, default 10")
    public List<Suggestion> suggestions(@QueryParam("q") String words, @QueryParam("limit") String limit) {
        return hs.suggest(words, limit(limit));
    }

    /** The limit as given; a non-number is refused like one out of range (JAX-RS would answer 404). */
    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw CaravelException.invalid("limit", "error.limit", 1, HsNomenclature.MAX_SUGGESTIONS);
        }
    }
}
