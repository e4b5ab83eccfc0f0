package io.caravel.risk.web;

import io.caravel.payout.FxExposure;
import io.caravel.platform.Access;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.web.Allow;
import io.caravel.platform.web.QueryValues;
import io.caravel.platform.web.Days;
import io.caravel.platform.web.Downloads;
import io.caravel.platform.web.Languages;
import io.caravel.risk.RiskCategory;
import io.caravel.risk.RiskEvent;
import io.caravel.risk.RiskEvents;
import io.caravel.risk.RiskFilter;
import io.caravel.risk.RiskSummary;
import io.caravel.seller.SellerDirectory;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The risk register for compliance staff: every risk event from every workflow, with its category, and the summary. */
@Path("risk-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "risk")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Allow(Access.COMPLIANCE)
public class RiskEventResource {

    @Inject
    private RiskEvents risks;

    @Inject
    private SellerDirectory sellers;

    @Inject
    private FxExposure exposure;

    /** A risk event as the API shows it: what was found about which subject, and what a person decided on its case. */
    public record RiskEventView(String id, RiskCategory category, String code, RiskEvent.Severity severity,
                                String subjectType, String subjectId, String sellerId, String detail, Instant occurredAt,
                                String decision, String decidedBy, Instant decidedAt) {

        static RiskEventView of(RiskEvent r) {
            return new RiskEventView(r.id(), r.category(), r.code(), r.severity(), r.subjectType(), r.subjectId(),
                    r.sellerId(), r.detail(), r.occurredAt(), r.decision(), r.decidedBy(), r.decidedAt());
        }
    }

    /** One page of the list: what the document names {@code RiskEventPage}; the JSON of {@link Page}. */
    public record RiskEventPage(List<RiskEventView> items, String nextCursor) {
        static RiskEventPage of(Page<RiskEventView> page) {
            return new RiskEventPage(page.items(), page.nextCursor());
        }
    }

    @GET
    @Operation(operationId = "listRiskEvents", summary = "Risk events newest first; filter by category (MARKET, COMPLIANCE, LOGISTICS, PAYMENT, IP, DATA, PLATFORM_RULES), severity (BLOCK, REVIEW, INFO), sellerId, subjectId, from and to (days, UTC, to inclusive)")
    public RiskEventPage list(@QueryParam("category") String category, @QueryParam("severity") String severity,
                                    @QueryParam("sellerId") String sellerId, @QueryParam("subjectId") String subjectId,
                                    @QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Page<RiskEvent> page = risks.list(filter(category, severity, sellerId, subjectId, from, to), PageRequest.of(limit, cursor));
        return RiskEventPage.of(new Page<>(page.items().stream().map(RiskEventView::of).toList(), page.nextCursor()));
    }

    @GET
    @Path("summary")
    @Operation(operationId = "getRiskSummary", summary = "The register at a glance for the same filters: total, per category and severity, per week (trend) and the 10 riskiest sellers with their score (blocking 10, for review 3, for the record 1; undecided counts double) and the rules that fired")
    public RiskSummary summary(@QueryParam("category") String category, @QueryParam("severity") String severity,
                               @QueryParam("sellerId") String sellerId, @QueryParam("subjectId") String subjectId,
                               @QueryParam("from") String from, @QueryParam("to") String to) {
        return risks.summary(filter(category, severity, sellerId, subjectId, from, to), 10);
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    @Operation(operationId = "exportRiskEvents", summary = "The events matching the same filters as CSV (UTF-8, newest first, at most 50,000): codes and their words in Chinese (lang=zh or Accept-Language zh) or English, the seller's name, the decision")
    public Response export(@QueryParam("category") String category, @QueryParam("severity") String severity,
                           @QueryParam("sellerId") String sellerId, @QueryParam("subjectId") String subjectId,
                           @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("lang") String lang,
                           @Context HttpHeaders headers) {
        byte[] csv = RiskCsv.write(risks.export(filter(category, severity, sellerId, subjectId, from, to), RiskCsv.MAX),
                Languages.of(lang, headers), sellers::legalName);
        return Downloads.attachment(csv, "text/csv; charset=UTF-8", "risk-events-" + LocalDate.now(ZoneOffset.UTC) + ".csv");
    }

    @GET
    @Path("fx-exposure")
    @Operation(operationId = "getFxExposure", summary = "Market/FX risk measured: per currency, buyers' money for paid orders not yet settled, payouts due and reserves held, valued in the reporting currency at the latest reference rates and with each foreign currency moved by stress percent (default 10, 0-50) down and up; lossAtStress is the fall in value if every foreign currency fell")
    public FxExposure.Report fxExposure(@QueryParam("stress") String stress) {
        return exposure.measure(stress(stress));
    }

    /** The stress in percent (default 10); outside 0-50 a 400 naming the field. */
    public static BigDecimal stress(String text) {
        if (text == null || text.isBlank()) {
            return BigDecimal.TEN;
        }
        try {
            BigDecimal value = text.trim().length() > 8 ? null : new BigDecimal(text.trim());
            if (value != null && value.scale() <= 4 && value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(50)) <= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw CaravelException.invalid("stress", "error.risk.stress");
    }

    /** The filter from query values (the page uses it too); a wrong value is a 400 naming the field. */
    public static RiskFilter filter(String category, String severity, String sellerId, String subjectId, String from, String to) {
        return new RiskFilter(QueryValues.oneOf(RiskCategory.class, "category", category),
                QueryValues.oneOf(RiskEvent.Severity.class, "severity", severity),
                blankToNull(sellerId), blankToNull(subjectId), day("from", from, 0), day("to", to, 1));
    }

    private static Instant day(String field, String text, int plusDays) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Days.parse(field, text).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
