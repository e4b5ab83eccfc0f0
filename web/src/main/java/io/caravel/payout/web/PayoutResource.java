package io.caravel.payout.web;

import io.caravel.payout.PayoutService;
import io.caravel.payout.PayoutView;
import io.caravel.payout.Statements;
import io.caravel.platform.Access;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.web.Allow;
import io.caravel.platform.web.Downloads;
import io.caravel.platform.web.Languages;
import io.caravel.platform.web.Versions;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Marketplace payouts: an administrator runs the settlement up to a cut-off and marks payouts paid;
 * a seller reads its own payouts and downloads each statement as PDF or CSV (zh or en).
 */
@Path("payouts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "payouts")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Allow(Access.PAYOUTS)
public class PayoutResource {

    @Inject
    private PayoutService payouts;

    @Inject
    private Caller caller;

    /** A run's cut-off (ISO 8601 instant; default now). */
    public record RunRequest(String cutoff) {
    }

    /** The bank's reference of the transfer that paid a payout. */
    public record PaidRequest(String reference) {
    }

    @POST
    @Path("runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.ADMINISTRATION)
    @Operation(operationId = "runPayouts", summary = "Settle every seller and creator up to the cut-off (default now, never later): one payout per payee and currency with every sale, referral and refund not yet paid out, commission and fees from the commission rules, creators' commission charged to the seller, a reserve for open disputes; a payee already settled to that cut-off is left as it is")
    public PayoutService.RunResult run(RunRequest request) {
        return payouts.run(caller, cutoff(request == null ? null : request.cutoff()));
    }

    /** One page of the list: what the document names {@code PayoutPage}; the JSON of {@link Page}. */
    public record PayoutPage(List<PayoutView> items, String nextCursor) {
        static PayoutPage of(Page<PayoutView> page) {
            return new PayoutPage(page.items(), page.nextCursor());
        }
    }

    @GET
    @Operation(operationId = "listPayouts", summary = "Payouts newest first: a seller's or creator's own, everyone's for administrators (optional sellerId or creatorId); cursor paging")
    public PayoutPage list(@QueryParam("sellerId") String sellerId, @QueryParam("creatorId") String creatorId,
                                 @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return PayoutPage.of(payouts.list(caller, sellerId, creatorId, PageRequest.of(limit, cursor)));
    }

    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "The payout; ETag is its version", content = @Content(schema = @Schema(ref = "PayoutView")))
    @Operation(operationId = "getPayout", summary = "One payout with its entries (sales and refunds with commission, fee and taxes)")
    public Response get(@PathParam("id") String id) {
        PayoutView view = payouts.get(caller, id);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @GET
    @Path("{id}/statement.pdf")
    @Produces("application/pdf")
    @Operation(operationId = "getPayoutStatementPdf", summary = "The payout statement as PDF, in Chinese (lang=zh or Accept-Language zh) or English")
    public Response pdf(@PathParam("id") String id, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        PayoutView view = payouts.get(caller, id);
        return Downloads.attachment(Statements.pdf(view, Languages.of(lang, headers)), "application/pdf", fileName(view, "pdf"));
    }

    @GET
    @Path("{id}/statement.csv")
    @Produces("text/csv")
    @Operation(operationId = "getPayoutStatementCsv", summary = "The payout statement as CSV (UTF-8): one row per entry and per reserve or carried balance; the net column adds up to the payout's net")
    public Response csv(@PathParam("id") String id, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        PayoutView view = payouts.get(caller, id);
        return Downloads.attachment(Statements.csv(view, Languages.of(lang, headers)), "text/csv; charset=UTF-8", fileName(view, "csv"));
    }

    @POST
    @Path("{id}/paid")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.ADMINISTRATION)
    @Operation(operationId = "markPayoutPaid", summary = "Record that a due payout was paid, with the bank's reference (once; a second time 409)")
    public PayoutView paid(@PathParam("id") String id, PaidRequest request) {
        return payouts.markPaid(caller, id, request == null ? null : request.reference());
    }

    static String fileName(PayoutView view, String extension) {
        return "payout-" + view.periodTo().toString().substring(0, 10) + "-" + view.currency() + "-" + view.id().substring(0, 8)
                + "." + extension;
    }

    private static Instant cutoff(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw CaravelException.invalid("cutoff", "error.payout.cutoff-format");
        }
    }
}
