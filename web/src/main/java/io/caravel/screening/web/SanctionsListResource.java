package io.caravel.screening.web;

import io.caravel.monitoring.Rescreening;
import io.caravel.platform.Access;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.web.Allow;
import io.caravel.platform.web.QueryValues;
import io.caravel.platform.web.RequestBodies;
import io.caravel.screening.ChangeKind;
import io.caravel.screening.ListSource;
import io.caravel.screening.ReleaseFiles;
import io.caravel.screening.SanctionsLists;
import io.caravel.screening.ScreeningService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sanctions lists screening checks: their releases, what each changed, and loading a new one. */
@Path("sanctions-lists")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "screening")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
public class SanctionsListResource {

    @Inject
    private ScreeningService screening;

    @Inject
    private SanctionsLists lists;

    @Inject
    private Rescreening rescreening;

    @Inject
    private Caller caller;

    /** A list with its active release (none when no release was loaded) and the files a release consists of. */
    public record ListView(ListSource list, List<String> files, SanctionsLists.VersionView active) {
    }

    @GET
    @Allow(Access.COMPLIANCE)
    @Operation(operationId = "listSanctionsLists", summary = "The sanctions lists (OFAC_SDN, UN_SC), each with its active release: version, checksum, entries, publication date, who loaded it when, and the delta against the release before")
    public List<ListView> lists() {
        Map<ListSource, String> active = lists.activeVersionIds();
        return Arrays.stream(ListSource.values())
                .map(source -> new ListView(source, source.files(),
                        active.containsKey(source) ? lists.version(source, active.get(source)) : null))
                .toList();
    }

    @GET
    @Path("rescreens")
    @Allow(Access.COMPLIANCE)
    @Operation(operationId = "listRescreens", summary = "The latest re-screens of every active seller against a new release (newest first, at most 20): list, version, status (RUNNING, DONE), sellersDone of sellersTotal, names screened, alerts raised; a run a stopped node left continues at its next start")
    public List<Rescreening.RunView> rescreens() {
        return rescreening.latest(20);
    }

    /** One page of the list: what the document names {@code SanctionsListVersionPage}; the JSON of {@link Page}. */
    public record SanctionsListVersionPage(List<SanctionsLists.VersionView> items, String nextCursor) {
        static SanctionsListVersionPage of(Page<SanctionsLists.VersionView> page) {
            return new SanctionsListVersionPage(page.items(), page.nextCursor());
        }
    }

    @GET
    @Path("{list}/versions")
    @Allow(Access.COMPLIANCE)
    @Operation(operationId = "listSanctionsListVersions", summary = "A list's releases, newest first; cursor paging")
    public SanctionsListVersionPage versions(@PathParam("list") String list, @QueryParam("limit") Integer limit,
                                                     @QueryParam("cursor") String cursor) {
        return SanctionsListVersionPage.of(lists.versions(source(list), PageRequest.of(limit, cursor)));
    }

    @GET
    @Path("{list}/versions/{id}")
    @Allow(Access.COMPLIANCE)
    @Operation(operationId = "getSanctionsListVersion", summary = "One release of a list")
    public SanctionsLists.VersionView version(@PathParam("list") String list, @PathParam("id") String id) {
        return lists.version(source(list), id);
    }

    /** One page of the list: what the document names {@code SanctionsListChangePage}; the JSON of {@link Page}. */
    public record SanctionsListChangePage(List<SanctionsLists.ChangeView> items, String nextCursor) {
        static SanctionsListChangePage of(Page<SanctionsLists.ChangeView> page) {
            return new SanctionsListChangePage(page.items(), page.nextCursor());
        }
    }

    @GET
    @Path("{list}/versions/{id}/changes")
    @Allow(Access.COMPLIANCE)
    @Operation(operationId = "listSanctionsListChanges", summary = "The entries a release added, removed or changed against the release before it, by entry number, optionally of one kind (change=ADDED, REMOVED or CHANGED); cursor paging")
    public SanctionsListChangePage changes(@PathParam("list") String list, @PathParam("id") String id,
                                                   @QueryParam("change") String change, @QueryParam("limit") Integer limit,
                                                   @QueryParam("cursor") String cursor) {
        return SanctionsListChangePage.of(lists.changes(source(list), id, QueryValues.oneOf(ChangeKind.class, "change", change), PageRequest.of(limit, cursor)));
    }

    @POST
    @Path("{list}/versions")
    @Consumes({"application/zip", MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM})
    @Allow(Access.ADMINISTRATION)
    @APIResponse(responseCode = "201", description = "The new active release and its delta", content = @Content(schema = @Schema(ref = "SanctionsListVersion")))
    @APIResponse(responseCode = "200", description = "The active release: the same files were loaded before", content = @Content(schema = @Schema(ref = "SanctionsListVersion")))
    @Operation(operationId = "loadSanctionsListVersion", summary = "Load a new release of a list from the files as published (OFAC_SDN: a ZIP archive of sdn.csv, alt.csv and add.csv; UN_SC: consolidated.xml, or a ZIP holding it; at most 64 MB), all or nothing: it becomes the active release and screening uses it at once; a malformed file is a 400 naming the file and line. 201 with the release and its delta; 200 with the active release when it is the same files")
    public Response load(@PathParam("list") String list, InputStream body, @Context UriInfo uri) throws IOException {
        ListSource source = source(list);
        byte[] content = RequestBodies.read(body, ReleaseFiles.MAX_BYTES);
        Map<String, byte[]> files;
        try {
            files = ReleaseFiles.ofBody(source, content);
        } catch (IllegalArgumentException e) {
            throw CaravelException.invalid("file", "error.sanctions.file", e.getMessage());
        }
        SanctionsLists.Recorded recorded = screening.load(source, files, caller);
        if (!recorded.created()) {
            return Response.ok(recorded.version()).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(recorded.version().id()).build())
                .entity(recorded.version()).build();
    }

    /** The list a path names; another name is not found. */
    private static ListSource source(String list) {
        try {
            return ListSource.valueOf(list.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CaravelException.notFound("sanctions list", list);
        }
    }
}
