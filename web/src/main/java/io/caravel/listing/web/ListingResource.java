package io.caravel.listing.web;

import io.caravel.audit.AuditTrail;
import io.caravel.audit.HistoryEntry;
import io.caravel.catalog.ProductDetails;
import io.caravel.listing.ListingCheck;
import io.caravel.listing.ListingDocumentKind;
import io.caravel.listing.ListingFile;
import io.caravel.listing.ListingService;
import io.caravel.listing.ListingStatus;
import io.caravel.listing.ListingView;
import io.caravel.listing.ListingWorkflow;
import io.caravel.platform.Access;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.ProblemType;
import io.caravel.platform.web.Allow;
import io.caravel.platform.web.Downloads;
import io.caravel.platform.web.QueryValues;
import io.caravel.platform.web.Upload;
import io.caravel.platform.web.Versions;
import io.caravel.risk.RiskCategory;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sellers' listings: the form, images and documents, submission to review, take-down, check results and history. */
@Path("listings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "listings")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Allow(Access.SELLER_RECORDS)
public class ListingResource {

    @Inject
    private ListingService listings;

    @Inject
    private AuditTrail audit;

    @Inject
    private Caller caller;

    /** One page of the list: what the document names {@code ListingPage}; the JSON of {@link Page}. */
    public record ListingPage(List<ListingView> items, String nextCursor) {
        static ListingPage of(Page<ListingView> page) {
            return new ListingPage(page.items(), page.nextCursor());
        }
    }

    @GET
    @Operation(operationId = "listListings", summary = "The seller's own listings (staff: all), newest first; optional status filter, cursor paging")
    public ListingPage list(@QueryParam("status") String status, @QueryParam("limit") Integer limit,
                                  @QueryParam("cursor") String cursor) {
        return ListingPage.of(listings.list(caller, QueryValues.oneOf(ListingStatus.class, "status", status), PageRequest.of(limit, cursor)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.SELLING)
    @APIResponse(responseCode = "201", description = "The draft listing; ETag is its version", content = @Content(schema = @Schema(ref = "ListingView")))
    @Operation(operationId = "createListing", summary = "Start a draft listing (approved sellers); it may be incomplete until submitted")
    public Response create(@Valid ProductDetails data, @Context UriInfo uri) {
        ListingView created = listings.create(caller, body(data));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created)
                .tag(Versions.etag(created.version())).build();
    }

    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "The listing; ETag is its version", content = @Content(schema = @Schema(ref = "ListingView")))
    @Operation(operationId = "getListing", summary = "One listing with its status, the reviewer's note and its files; ETag is its version")
    public Response get(@PathParam("id") String id) {
        ListingView view = listings.get(caller, id);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.SELLING)
    @APIResponse(responseCode = "200", description = "The listing; ETag is its version", content = @Content(schema = @Schema(ref = "ListingView")))
    @Operation(operationId = "updateListing", summary = "Save the listing form; a published listing stays live until the change passes review. If-Match guards against lost updates")
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid ProductDetails data) {
        ListingView view = listings.update(caller, id, Versions.ifMatch(ifMatch), body(data));
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @POST
    @Path("{id}/images")
    @Consumes(MediaType.WILDCARD)
    @Allow(Access.SELLING)
    @RequestBody(description = Upload.DESCRIPTION, required = true, content = {@Content(mediaType = MediaType.MULTIPART_FORM_DATA),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM)})
    @APIResponse(responseCode = "201", description = "The image", content = @Content(schema = @Schema(ref = "FileView")))
    @Operation(operationId = "uploadListingImage", summary = "Add a product image (a form with the part 'file', or the raw body; JPEG or PNG checked from its bytes, at most 2 MB, 8 per listing)")
    public Response image(@PathParam("id") String id, @QueryParam("fileName") String fileName, @Context HttpHeaders headers,
                          @Context Providers providers, InputStream body) throws IOException {
        Upload file = Upload.read(headers, providers, body, fileName, ListingService.MAX_IMAGE_BYTES);
        return Response.status(Response.Status.CREATED)
                .entity(listings.upload(caller, id, ListingFile.Purpose.IMAGE, null, file.fileName(), file.content())).build();
    }

    @POST
    @Path("{id}/documents")
    @Consumes(MediaType.WILDCARD)
    @Allow(Access.SELLING)
    @RequestBody(description = Upload.DESCRIPTION, required = true, content = {@Content(mediaType = MediaType.MULTIPART_FORM_DATA),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM)})
    @APIResponse(responseCode = "201", description = "The document", content = @Content(schema = @Schema(ref = "FileView")))
    @Operation(operationId = "uploadListingDocument", summary = "Add a document, e.g. kind=DANGEROUS_GOODS_DECLARATION (a form with the part 'file', or the raw body; PDF, JPEG or PNG, at most 5 MB)")
    public Response document(@PathParam("id") String id, @QueryParam("kind") String kind,
                             @QueryParam("fileName") String fileName, @Context HttpHeaders headers,
                             @Context Providers providers, InputStream body) throws IOException {
        Upload file = Upload.read(headers, providers, body, fileName, ListingService.MAX_DOCUMENT_BYTES);
        return Response.status(Response.Status.CREATED).entity(listings.upload(caller, id, ListingFile.Purpose.DOCUMENT,
                kind(kind), file.fileName(), file.content())).build();
    }

    @GET
    @Path("{id}/files/{fileId}")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @Operation(operationId = "getListingFile", summary = "Download one image or document")
    public Response file(@PathParam("id") String id, @PathParam("fileId") String fileId) {
        ListingFile file = listings.file(caller, id, fileId);
        return Downloads.attachment(file);
    }

    @DELETE
    @Path("{id}/files/{fileId}")
    @Allow(Access.SELLING)
    @APIResponse(responseCode = "204", description = "Removed")
    @Operation(operationId = "deleteListingFile", summary = "Remove an image or document that the catalog does not show")
    public Response deleteFile(@PathParam("id") String id, @PathParam("fileId") String fileId) {
        listings.deleteFile(caller, id, fileId);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/submit")
    @Allow(Access.SELLING)
    @APIResponse(responseCode = "200", description = "The listing as submitted", content = @Content(schema = @Schema(ref = "ListingView")))
    @APIResponse(responseCode = "400", description = "The listing is not complete (validation): errors names each missing or invalid field")
    @Operation(operationId = "submitListing", summary = "Submit the listing to review: automatic checks, then published, rejected or sent to an officer")
    public ListingView submit(@PathParam("id") String id) {
        return listings.submit(caller, id);
    }

    /** Why a listing is taken down (required from an officer). */
    public static class TakeDown {
        private String note;
        private String message;

        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
        public String getMessage() { return message; }
        public void setMessage(String message) { this.message = message; }
    }

    @POST
    @Path("{id}/unpublish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "unpublishListing", summary = "Take the listing out of the catalog: its seller at any time; an officer with an internal note"
            + " (staff only) and optionally the message the seller reads")
    public ListingView unpublish(@PathParam("id") String id, TakeDown takeDown) {
        return listings.unpublish(caller, id, takeDown == null ? null : takeDown.getNote(),
                takeDown == null ? null : takeDown.getMessage());
    }

    /** One submitted revision: when, what the checks found and how its review ended. */
    public record RevisionView(int revision, Instant submittedAt, String verdict, Instant checkedAt, String outcome,
                               Instant decidedAt, ProductDetails product) {
    }

    @GET
    @Path("{id}/revisions")
    @Operation(operationId = "listListingRevisions", summary = "Every submitted revision, newest first: the product as submitted, the checks' verdict and how"
            + " the review ended")
    public List<RevisionView> revisions(@PathParam("id") String id) {
        return listings.revisions(caller, id).stream().map(r -> new RevisionView(r.revision(), r.submittedAt(),
                r.verdict() == null ? null : r.verdict().name(), r.checkedAt(),
                r.outcome() == null ? null : r.outcome().name(), r.decidedAt(), r.product())).toList();
    }

    /** One check result of a revision. */
    public record CheckView(String code, ListingCheck.Outcome outcome, RiskCategory riskCategory, String detail,
                            int revision, Instant checkedAt) {
    }

    @GET
    @Path("{id}/checks")
    @Operation(operationId = "listListingChecks", summary = "The automatic checks of a revision (default: the latest submitted), each with its outcome, risk"
            + " category and reason; none when every check passed")
    public List<CheckView> checks(@PathParam("id") String id, @QueryParam("revision") Integer revision) {
        return listings.checks(caller, id, revision).stream().map(c -> new CheckView(c.code(), c.outcome(), c.riskCategory(),
                c.detail(), c.revision(), c.checkedAt())).toList();
    }

    @GET
    @Path("{id}/history")
    @Operation(operationId = "getListingHistory", summary = "The listing's history: every edit, check and decision for compliance staff; for the seller,"
            + " what it did and what it was told")
    public List<HistoryEntry> history(@PathParam("id") String id) {
        listings.get(caller, id);
        return audit.history(caller, ListingWorkflow.CASE_TYPE, id);
    }

    private static ProductDetails body(ProductDetails data) {
        if (data == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        return data;
    }

    private static ListingDocumentKind kind(String kind) {
        try {
            return kind == null ? null : ListingDocumentKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CaravelException.invalid("kind", "error.document.kind");
        }
    }
}
