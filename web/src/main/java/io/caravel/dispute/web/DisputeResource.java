package io.caravel.dispute.web;

import io.caravel.dispute.DisputeEvidence;
import io.caravel.dispute.DisputeRequest;
import io.caravel.dispute.DisputeRuleStore;
import io.caravel.dispute.DisputeService;
import io.caravel.dispute.DisputeStatus;
import io.caravel.dispute.DisputeSteps;
import io.caravel.dispute.DisputeView;
import io.caravel.dispute.SellerResponse;
import io.caravel.platform.Access;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.ProblemType;
import io.caravel.platform.Roles;
import io.caravel.platform.web.Allow;
import io.caravel.platform.web.Downloads;
import io.caravel.platform.web.QueryValues;
import io.caravel.platform.web.RequestBodies;
import io.caravel.platform.web.Upload;
import io.caravel.platform.web.Versions;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Providers;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Disputes of order lines: opened by buyers, answered by sellers (accept or contest with evidence),
 * decided by dispute agents through the inbox, appealed once by either party. Each party sees only its
 * own disputes; staff-only notes never reach them.
 */
@Path("disputes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "disputes")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Allow(Access.ORDERS)
public class DisputeResource {

    static final int MAX_RULES_BYTES = 256 * 1024;

    @Inject
    private DisputeService disputes;

    @Inject
    private DisputeRuleStore rules;

    @Inject
    private Caller caller;

    /** A message for the thread; staff may mark it staff-only. */
    public record MessageRequest(String body, boolean staffOnly) {
    }

    /** An appeal's reason. */
    public record AppealRequest(String reason) {
    }

    /** What a split decision refunds. */
    public record SettlementRequest(BigDecimal amount) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.BUYING)
    @APIResponse(responseCode = "201", description = "The dispute", content = @Content(schema = @Schema(ref = "DisputeView")))
    @APIResponse(responseCode = "200", description = "The dispute this Idempotency-Key opened before", content = @Content(schema = @Schema(ref = "DisputeView")))
    @APIResponse(responseCode = "422", description = "The claim window of the order line has closed (claim-window-closed), or the Idempotency-Key came before with another body (idempotency-key-reused)")
    @Operation(operationId = "openDispute", summary = "Open a dispute on an order line within the claim window (header Idempotency-Key: the same key and body answer the same dispute, another body 422); the seller is told and has until sellerDeadline")
    public Response open(@HeaderParam("Idempotency-Key") String key, DisputeRequest request, @Context UriInfo uri) {
        DisputeService.Opened opened = disputes.open(caller, key, request);
        Response.ResponseBuilder response = opened.replayed() ? Response.ok() : Response.status(Response.Status.CREATED);
        return response.location(uri.getAbsolutePathBuilder().path(opened.dispute().id()).build())
                .header("Idempotent-Replayed", opened.replayed()).tag(Versions.etag(opened.dispute().version()))
                .entity(opened.dispute()).build();
    }

    /** One page of the list: what the document names {@code DisputePage}; the JSON of {@link Page}. */
    public record DisputePage(List<DisputeView> items, String nextCursor) {
        static DisputePage of(Page<DisputeView> page) {
            return new DisputePage(page.items(), page.nextCursor());
        }
    }

    @GET
    @Operation(operationId = "listDisputes", summary = "Disputes newest first: a buyer's own, a seller's own, every dispute for dispute agents and compliance staff; optional status and orderId, cursor paging")
    public DisputePage list(@QueryParam("status") String status, @QueryParam("orderId") String orderId,
                                  @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return DisputePage.of(disputes.list(caller, QueryValues.oneOf(DisputeStatus.class, "status", status), orderId == null || orderId.isBlank() ? null : orderId.trim(),
                PageRequest.of(limit, cursor)));
    }

    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "The dispute; ETag is its version", content = @Content(schema = @Schema(ref = "DisputeView")))
    @Operation(operationId = "getDispute", summary = "One dispute: amounts, status and deadlines, the seller's answer, decisions, the message thread and the evidence")
    public Response get(@PathParam("id") String id) {
        DisputeView view = disputes.get(caller, id);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @POST
    @Path("{id}/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.SELLING)
    @APIResponse(responseCode = "200", description = "The dispute", content = @Content(schema = @Schema(ref = "DisputeView")))
    @Operation(operationId = "respondToDispute", summary = "The seller's answer before the deadline: ACCEPT (refundAmount, default the claim; returnRequired books a return waybill) or CONTEST (message; add evidence beside it)")
    public Response respond(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, SellerResponse response) {
        DisputeView view = disputes.respond(caller, id, Versions.ifMatch(ifMatch), response);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @POST
    @Path("{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postDisputeMessage", summary = "Add a message to the dispute's thread (buyer, seller, agent); staff may add staffOnly notes the parties never see")
    public DisputeView message(@PathParam("id") String id, MessageRequest request) {
        if (request == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        return disputes.message(caller, id, request.body(), request.staffOnly());
    }

    @POST
    @Path("{id}/evidence")
    @Consumes(MediaType.WILDCARD)
    @RequestBody(description = Upload.DESCRIPTION, required = true, content = {@Content(mediaType = MediaType.MULTIPART_FORM_DATA),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM)})
    @APIResponse(responseCode = "201", description = "The evidence", content = @Content(schema = @Schema(ref = "EvidenceView")))
    @Operation(operationId = "uploadDisputeEvidence", summary = "Add evidence (a form with the part 'file', or the raw body; PDF, JPEG or PNG checked from its bytes, at most 5 MB; kind TRACKING, PHOTO, MESSAGES or OTHER)")
    public Response evidence(@PathParam("id") String id, @QueryParam("kind") String kind,
                             @QueryParam("fileName") String fileName, @Context HttpHeaders headers,
                             @Context Providers providers, InputStream body) throws IOException {
        Upload file = Upload.read(headers, providers, body, fileName, DisputeService.MAX_EVIDENCE_BYTES);
        return Response.status(Response.Status.CREATED).entity(disputes.addEvidence(caller, id,
                QueryValues.oneOf(DisputeEvidence.Kind.class, "kind", kind), file.fileName(), file.content())).build();
    }

    @GET
    @Path("{id}/evidence/{evidenceId}")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @Operation(operationId = "getDisputeEvidence", summary = "Download one file of evidence")
    public Response evidenceFile(@PathParam("id") String id, @PathParam("evidenceId") String evidenceId) {
        return Downloads.attachment(disputes.evidence(caller, id, evidenceId));
    }

    @PUT
    @Path("{id}/settlement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.DISPUTES)
    @Operation(operationId = "setDisputeSettlement", summary = "A dispute agent sets what a split decision refunds (then completes the review task with SPLIT)")
    public DisputeView settlement(@PathParam("id") String id, SettlementRequest request) {
        return disputes.proposeSettlement(caller, id, request == null ? null : request.amount());
    }

    @POST
    @Path("{id}/appeal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "appealDispute", summary = "The buyer or the seller appeals an agent's decision, once, before appealDeadline; another agent decides")
    public DisputeView appeal(@PathParam("id") String id, AppealRequest request) {
        return disputes.appeal(caller, id, request == null ? null : request.reason());
    }

    @GET
    @Path("seller-health")
    @Operation(operationId = "getSellerDisputeHealth", summary = "A seller's dispute rate over the rules' period (sellers their own; staff name sellerId)")
    public DisputeSteps.SellerHealth health(@QueryParam("sellerId") String sellerId) {
        if (caller.sellerId() != null && caller.hasRole(Roles.SELLER)) {
            return disputes.health(caller.sellerId());
        }
        if (!(caller.isComplianceStaff() || caller.hasRole(Roles.DISPUTE_AGENT) || caller.isAdmin())) {
            throw CaravelException.forbidden();
        }
        if (sellerId == null || sellerId.isBlank()) {
            throw CaravelException.invalid("sellerId", "error.dispute.seller-required");
        }
        return disputes.health(sellerId.trim());
    }

    @GET
    @Path("rules")
    @Allow(Access.PUBLIC)
    @SecurityRequirementsSet
    @Operation(operationId = "getDisputeRules", summary = "The dispute rules in force: claim windows, deadlines and thresholds per source and reason (version, source, checksum and the CSV; the fraud thresholds for staff only)")
    public DisputeRuleStore.RuleTable rules() {
        return rules.current(caller.isComplianceStaff() || caller.isAdmin() || caller.hasRole(Roles.DISPUTE_AGENT));
    }

    @PUT
    @Path("rules")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Allow(Access.ADMINISTRATION)
    @Operation(operationId = "replaceDisputeRules", summary = "Replace the dispute rules with a CSV in the documented layout (at most 256 KB); all or nothing, a new version; open disputes keep their deadlines")
    public DisputeRuleStore.RuleTable loadRules(@QueryParam("source") String source, InputStream body) throws IOException {
        return rules.load(caller, RequestBodies.read(body, MAX_RULES_BYTES), source);
    }
}
