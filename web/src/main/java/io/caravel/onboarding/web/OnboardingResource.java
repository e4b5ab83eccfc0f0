package io.caravel.onboarding.web;

import io.caravel.audit.AuditTrail;
import io.caravel.audit.HistoryEntry;
import io.caravel.onboarding.ApplicationData;
import io.caravel.onboarding.ApplicationDocument;
import io.caravel.onboarding.ApplicationView;
import io.caravel.onboarding.DocumentKind;
import io.caravel.onboarding.DocumentView;
import io.caravel.onboarding.OnboardingService;
import io.caravel.onboarding.OnboardingWorkflow;
import io.caravel.onboarding.Registration;
import io.caravel.onboarding.ScreeningMatch;
import io.caravel.platform.Access;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.ProblemType;
import io.caravel.platform.web.Allow;
import io.caravel.platform.web.Downloads;
import io.caravel.platform.web.Upload;
import io.caravel.platform.web.Versions;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.EntityTag;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Seller onboarding: registration (public), the seller's application, its documents and its case history. */
@Path("onboarding")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "onboarding")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
public class OnboardingResource {


    @Inject
    private OnboardingService onboarding;

    @Inject
    private AuditTrail audit;

    @Inject
    private Caller caller;

    @POST
    @Path("registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.PUBLIC)
    @SecurityRequirementsSet
    @APIResponse(responseCode = "201", description = "The draft application; ETag is its version", content = @Content(schema = @Schema(ref = "ApplicationView")))
    @Operation(operationId = "registerSeller", summary = "Register a new seller: company, first user and an empty draft application (no sign-in needed)")
    public Response register(@Valid Registration registration, @Context UriInfo uri) {
        if (registration == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        ApplicationView created = onboarding.register(registration);
        return Response.created(uri.getBaseUriBuilder().path("onboarding/applications").path(created.id()).build())
                .entity(created).tag(etag(created)).build();
    }

    @GET
    @Path("applications")
    @Allow(Access.SELLING)
    @Operation(operationId = "listMyApplications", summary = "The signed-in seller's applications, newest first")
    public List<ApplicationView> mine() {
        return onboarding.mine(caller);
    }

    @GET
    @Path("applications/{id}")
    @Allow(Access.SELLER_RECORDS)
    @APIResponse(responseCode = "200", description = "The application; ETag is its version", content = @Content(schema = @Schema(ref = "ApplicationView")))
    @Operation(operationId = "getApplication", summary = "One application with its status, risk and any request for information; ETag is its version")
    public Response get(@PathParam("id") String id) {
        ApplicationView view = onboarding.get(caller, id);
        return Response.ok(view).tag(etag(view)).build();
    }

    @PUT
    @Path("applications/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.SELLING)
    @APIResponse(responseCode = "200", description = "The application; ETag is its version", content = @Content(schema = @Schema(ref = "ApplicationView")))
    @Operation(operationId = "updateApplication", summary = "Save the application form (a draft may be incomplete); If-Match guards against lost updates")
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid ApplicationData data) {
        if (data == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        ApplicationView view = onboarding.update(caller, id, Versions.ifMatch(ifMatch), data);
        return Response.ok(view).tag(etag(view)).build();
    }

    @POST
    @Path("applications/{id}/documents")
    @Consumes(MediaType.WILDCARD)
    @Allow(Access.SELLING)
    @RequestBody(description = Upload.DESCRIPTION, required = true, content = {@Content(mediaType = MediaType.MULTIPART_FORM_DATA),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM)})
    @APIResponse(responseCode = "201", description = "The document", content = @Content(schema = @Schema(ref = "DocumentView")))
    @Operation(operationId = "uploadApplicationDocument", summary = "Upload a document (a form with the part 'file', or the raw body; PDF, JPEG or PNG checked from its bytes, at most 5 MB)")
    public Response upload(@PathParam("id") String id, @QueryParam("kind") String kind,
                           @QueryParam("fileName") String fileName, @Context HttpHeaders headers,
                           @Context Providers providers, InputStream body) throws IOException {
        Upload file = Upload.read(headers, providers, body, fileName, OnboardingService.MAX_DOCUMENT_BYTES);
        DocumentView document = onboarding.upload(caller, id, kind(kind), file.fileName(), file.content());
        return Response.status(Response.Status.CREATED).entity(document).build();
    }

    @GET
    @Path("applications/{id}/documents")
    @Allow(Access.SELLER_RECORDS)
    @Operation(operationId = "listApplicationDocuments", summary = "The application's documents")
    public List<DocumentView> documents(@PathParam("id") String id) {
        return onboarding.documents(caller, id);
    }

    @GET
    @Path("applications/{id}/documents/{documentId}")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @Allow(Access.SELLER_RECORDS)
    @Operation(operationId = "getApplicationDocument", summary = "Download one document")
    public Response document(@PathParam("id") String id, @PathParam("documentId") String documentId) {
        ApplicationDocument document = onboarding.document(caller, id, documentId);
        return Downloads.attachment(document);
    }

    @POST
    @Path("applications/{id}/submit")
    @Allow(Access.SELLING)
    @APIResponse(responseCode = "200", description = "The application as submitted", content = @Content(schema = @Schema(ref = "ApplicationView")))
    @APIResponse(responseCode = "400", description = "The application is not complete (validation): errors names each missing or invalid field")
    @Operation(operationId = "submitApplication", summary = "Submit a complete application; the onboarding workflow starts")
    public ApplicationView submit(@PathParam("id") String id) {
        return onboarding.submit(caller, id);
    }

    /** The seller's answer to a request for information. */
    @Schema(name = "InformationAnswer")
    public static class Answer {
        private String answer;

        public String getAnswer() { return answer; }
        public void setAnswer(String answer) { this.answer = answer; }
    }

    @POST
    @Path("applications/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.SELLING)
    @Operation(operationId = "answerInformationRequest", summary = "Answer the compliance team's request for information; the application is checked again")
    public ApplicationView answer(@PathParam("id") String id, Answer answer) {
        return onboarding.answer(caller, id, answer == null ? null : answer.getAnswer());
    }

    /** A screening match as evidence on the case, with an officer's verdict once given. */
    public record MatchView(String id, String screenedName, String partyRole, String list, long entNum, String listedName,
                            String matchedName, boolean alternate, double score, double finalScore,
                            java.util.List<io.caravel.screening.IdentifierCheck.Adjustment> adjustments, boolean discounted,
                            io.caravel.screening.Explanation explanation,
                            String programs, String listVersion,
                            Instant screenedAt, String disposition, String dispositionReason, String disposedBy,
                            Instant disposedAt) {

        static MatchView of(ScreeningMatch m) {
            return new MatchView(m.id(), m.screenedName(), m.partyRole().name(), m.listSource().name(), m.entNum(), m.listedName(),
                    m.matchedName(), m.alternateName(), m.score(), m.finalScore(), m.adjustments(), m.discounted(), m.explanation(), m.programs(), m.listVersion(), m.screenedAt(),
                    m.disposition() == null ? null : m.disposition().name(), m.dispositionReason(), m.disposedBy(),
                    m.disposedAt());
        }
    }

    /** An officer's verdict on a screening hit. */
    @Schema(name = "DispositionRequest")
    public static class Disposition {
        private String disposition;
        private String reason;

        public String getDisposition() { return disposition; }
        public void setDisposition(String disposition) { this.disposition = disposition; }
        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

    @POST
    @Path("applications/{id}/screening-matches/{matchId}/disposition")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.SCREENING)
    @Operation(operationId = "disposeScreeningMatch", summary = "Mark a screening hit as a true match or a false positive, with the reason (staff only)")
    public MatchView dispose(@PathParam("id") String id, @PathParam("matchId") String matchId, Disposition body) {
        if (body == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        ScreeningMatch.Disposition verdict;
        try {
            verdict = body.getDisposition() == null ? null
                    : ScreeningMatch.Disposition.valueOf(body.getDisposition().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CaravelException.invalid("disposition", "error.screening.disposition");
        }
        return MatchView.of(onboarding.dispose(caller, id, matchId, verdict, body.getReason()));
    }

    @GET
    @Path("applications/{id}/screening-matches")
    @Allow(Access.COMPLIANCE)
    @Operation(operationId = "listScreeningMatches", summary = "Sanctions list entries that matched names in the application")
    public List<MatchView> matches(@PathParam("id") String id) {
        return onboarding.matches(caller, id).stream().map(MatchView::of).toList();
    }

    @GET
    @Path("applications/{id}/history")
    @Allow(Access.SELLER_RECORDS)
    @Operation(operationId = "getApplicationHistory", summary = "The case's history: every step and decision for compliance staff; for the seller, what it did"
            + " and what it was told")
    public List<HistoryEntry> history(@PathParam("id") String id) {
        onboarding.get(caller, id);
        return audit.history(caller, OnboardingWorkflow.CASE_TYPE, id);
    }

    private static EntityTag etag(ApplicationView view) {
        return Versions.etag(view.version());
    }

    private static DocumentKind kind(String kind) {
        try {
            return kind == null ? null : DocumentKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CaravelException.invalid("kind", "error.document.kind");
        }
    }
}
