package io.caravel.risk.web;

import io.caravel.platform.Access;
import io.caravel.platform.web.Allow;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.risk.RiskCategory;
import io.caravel.risk.RiskEvent;
import io.caravel.risk.RiskEvents;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The risk register for compliance staff: every risk event, tagged with its category. */
@Path("risk-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "risk")
@SecurityRequirement(name = "basic")
@Allow(Access.COMPLIANCE)
public class RiskEventResource {

    @Inject
    private RiskEvents risks;

    /** A risk event as the API shows it. */
    public record RiskEventView(String id, RiskCategory category, String code, RiskEvent.Severity severity,
                                String subjectType, String subjectId, String sellerId, String detail, Instant occurredAt) {
    }

    @GET
    @Operation(summary = "Risk events newest first; filter by category (MARKET, COMPLIANCE, LOGISTICS, PAYMENT, IP, DATA, PLATFORM_RULES) or subject")
    public Page<RiskEventView> list(@QueryParam("category") String category, @QueryParam("subjectId") String subjectId,
                                    @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Page<RiskEvent> page = risks.list(category(category), subjectId == null || subjectId.isBlank() ? null : subjectId,
                PageRequest.of(limit, cursor));
        List<RiskEventView> items = page.items().stream().map(r -> new RiskEventView(r.id(), r.category(), r.code(),
                r.severity(), r.subjectType(), r.subjectId(), r.sellerId(), r.detail(), r.occurredAt())).toList();
        return new Page<>(items, page.nextCursor());
    }

    private static RiskCategory category(String category) {
        try {
            return category == null || category.isBlank() ? null
                    : RiskCategory.valueOf(category.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CaravelException.invalid("category", "error.risk.category");
        }
    }
}
