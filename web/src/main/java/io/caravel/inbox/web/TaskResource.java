package io.caravel.inbox.web;

import io.caravel.platform.Access;
import io.caravel.platform.web.Allow;
import io.caravel.inbox.CaseProgress;
import io.caravel.inbox.Decision;
import io.caravel.inbox.InboxService;
import io.caravel.inbox.TaskView;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.ProblemType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The task inbox of compliance officers, leads and agents. */
@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "inbox")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Allow(Access.CASE_WORK)
public class TaskResource {

    @Inject
    private InboxService inbox;

    @Inject
    private Caller caller;

    @Context
    private HttpHeaders headers;

    /** One page of the list: what the document names {@code TaskPage}; the JSON of {@link Page}. */
    public record TaskPage(List<TaskView> items, String nextCursor) {
        static TaskPage of(Page<TaskView> page) {
            return new TaskPage(page.items(), page.nextCursor());
        }
    }

    @GET
    @Operation(operationId = "listTasks", summary = "Tasks offered to me or held by me, by due date: filter by type, risk level (LOW, MEDIUM,"
            + " HIGH), only those I claimed, or due before an ISO-8601 instant or date. A second approval is never"
            + " offered to the person who reviewed the case (four-eyes).")
    public TaskPage list(@QueryParam("type") String type, @QueryParam("risk") String risk,
                               @QueryParam("claimedByMe") boolean claimedByMe,
                               @QueryParam("dueBefore") String dueBefore, @QueryParam("limit") Integer limit,
                               @QueryParam("cursor") String cursor) {
        if (type != null && !type.isBlank() && !inbox.taskTypes().contains(type)) {
            throw CaravelException.invalid("type", "error.task.type", String.join(", ", inbox.taskTypes()));
        }
        if (risk != null && !risk.isBlank() && !RISK_LEVELS.contains(risk.trim().toUpperCase(Locale.ROOT))) {
            throw CaravelException.invalid("risk", "error.task.risk", String.join(", ", RISK_LEVELS));
        }
        return TaskPage.of(inbox.list(caller, new InboxService.Filter(type, risk, claimedByMe, instant(dueBefore)),
                PageRequest.of(limit, cursor)));
    }

    private static final List<String> RISK_LEVELS = List.of("LOW", "MEDIUM", "HIGH");
    private static final Instant EARLIEST_DUE = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST_DUE = Instant.parse("+10000-01-01T00:00:00Z");

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw CaravelException.invalid("dueBefore", "error.due-before");
        }
        if (instant.isBefore(EARLIEST_DUE) || !instant.isBefore(LATEST_DUE)) {
            throw CaravelException.invalid("dueBefore", "error.due-before");
        }
        return instant;
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getTask", summary = "One task")
    public TaskView get(@PathParam("id") String id) {
        return inbox.get(caller, id);
    }

    @POST
    @Path("{id}/claim")
    @Operation(operationId = "claimTask", summary = "Claim a task; 409 when someone else holds it")
    public TaskView claim(@PathParam("id") String id) {
        return inbox.claim(caller, id);
    }

    @POST
    @Path("{id}/unclaim")
    @Operation(operationId = "unclaimTask", summary = "Give a claimed task back to the group")
    public TaskView unclaim(@PathParam("id") String id) {
        return inbox.unclaim(caller, id);
    }

    @GET
    @Path("{id}/form")
    @Operation(operationId = "getTaskForm", summary = "The decisions this task accepts: for each, whether an internal note and a message to the"
            + " seller are required, and the message templates (English and Chinese) it offers")
    public DecisionForm form(@PathParam("id") String id) {
        return DecisionForm.of(inbox.kind(inbox.get(caller, id).taskType()), locale());
    }

    @POST
    @Path("{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "completeTask", summary = "Decide a task I hold: decision (e.g. APPROVE, REJECT, REQUEST_INFO), an internal note"
            + " (staff only) and the message to the seller (or a messageTemplate); answers where the case waits now")
    public CaseProgress complete(@PathParam("id") String id, @Valid Decision decision) {
        if (decision == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        return inbox.complete(caller, id, decision);
    }

    private Locale locale() {
        return headers.getAcceptableLanguages().stream().filter(l -> "zh".equals(l.getLanguage())).findFirst()
                .map(l -> Locale.CHINESE).orElse(Locale.ENGLISH);
    }
}
