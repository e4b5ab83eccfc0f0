package io.caravel.privacy.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.platform.Access;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.web.Allow;
import io.caravel.platform.web.Days;
import io.caravel.privacy.DataRequests;
import io.caravel.privacy.PersonalDataTransfer;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** For compliance staff: the record of cross-border transfers of buyers' personal data (PIPL and GDPR reporting) and data requests. */
@Path("privacy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "privacy")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Allow(Access.COMPLIANCE)
public class PrivacyResource {

    @Inject
    private DataRequests requests;

    @Inject
    private Caller caller;

    /** One transfer as reported. */
    public record TransferView(String orderId, String subject, String fromCountry, String toCountry, String recipientSellerId,
                               String categories, String legalBasis, Instant transferredAt) {
    }

    /** The report: counts per route (from → to) and every transfer. */
    @Schema(name = "TransferReport")
    public record Report(LocalDate from, LocalDate to, Map<String, Long> byRoute, List<TransferView> transfers) {
    }

    @GET
    @Path("requests/{id}")
    @Operation(operationId = "getDataRequest", summary = "One person's data request, for compliance staff: status, due date, decision and what an erasure kept (the export itself only its requester downloads)")
    public DataRequests.View request(@PathParam("id") String id) {
        return requests.get(caller, id);
    }

    @GET
    @Path("transfers")
    @Operation(operationId = "getDataTransferReport", summary = "Transfers of buyers' personal data between from and to (days, UTC, inclusive; default the last 30 days), optionally into one country (toCountry): one per paid order, from the buyer's country to the seller's, with the data categories and the legal basis; counts per route (all of them; the list holds the newest 10,000)")
    public Report report(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("toCountry") String toCountry) {
        LocalDate end = day("to", to, LocalDate.now(ZoneOffset.UTC));
        LocalDate start = day("from", from, end.minusDays(29));
        String country = toCountry == null || toCountry.isBlank() ? null : toCountry.trim();
        List<TransferView> transfers = requests.transfers(start, end, country).stream().map(PrivacyResource::view).toList();
        return new Report(start, end, requests.routes(start, end, country), transfers);
    }

    private static TransferView view(PersonalDataTransfer t) {
        return new TransferView(t.orderId(), t.subject(), t.fromCountry(), t.toCountry(), t.recipientId(), t.categories(),
                t.legalBasis(), t.transferredAt());
    }

    private static LocalDate day(String field, String text, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        return Days.parse(field, text);
    }
}
