package io.caravel.inbox;

import io.caravel.audit.AuditTrail;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The compliance inbox over the engine's human tasks: a user sees the tasks of their groups and
 * their own, claims one (exactly one of two concurrent claims wins), and completes it with a decision
 * that is written to the audit trail.
 */
@Stateless
public class InboxService {

    @Inject
    private TaskService tasks;

    @Inject
    private RepositoryService repository;

    @Inject
    private AuditTrail audit;

    /**
     * Tasks for the caller's groups or assigned to the caller, by due date; optionally one type, only
     * mine, or only those due before an instant (overdue: before now).
     */
    public Page<TaskView> list(Caller caller, String taskType, boolean claimedByMe, Instant dueBefore, PageRequest page) {
        TaskQuery query = tasks.createTaskQuery().active();
        if (claimedByMe) {
            query.taskAssignee(caller.username());
        } else {
            query.or().taskAssignee(caller.username()).taskCandidateGroupIn(List.copyOf(caller.roles())).endOr();
        }
        if (taskType != null && !taskType.isBlank()) {
            query.taskDefinitionKey(taskType);
        }
        if (dueBefore != null) {
            query.dueBefore(Date.from(dueBefore));
        }
        query.orderByDueDate().asc().orderByTaskId().asc();
        int offset = page.after() == null ? 0 : parseOffset(page.after());
        List<Task> rows = caller.roles().isEmpty() ? List.of() : query.listPage(offset, page.limit() + 1);
        List<TaskView> items = rows.stream().limit(page.limit()).map(this::view).toList();
        String next = rows.size() > page.limit() ? PageRequest.cursorAfter(Integer.toString(offset + page.limit())) : null;
        return new Page<>(items, next);
    }

    public TaskView get(Caller caller, String taskId) {
        return view(visible(caller, taskId));
    }

    /** Claims the task for the caller; 409 when someone else holds it or won a concurrent claim. */
    public TaskView claim(Caller caller, String taskId) {
        Task task = visible(caller, taskId);
        if (caller.username().equals(task.getAssignee())) {
            return view(task);
        }
        try {
            tasks.claim(taskId, caller.username());
        } catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
            throw CaravelException.conflict("error.task.claimed");
        }
        audit.record(caller.username(), "TASK_CLAIMED", "task", taskId, task.getTaskDefinitionKey());
        return view(tasks.createTaskQuery().taskId(taskId).singleResult());
    }

    public TaskView unclaim(Caller caller, String taskId) {
        Task task = visible(caller, taskId);
        if (!caller.username().equals(task.getAssignee())) {
            throw CaravelException.conflict("error.task.not-yours");
        }
        tasks.setAssignee(taskId, null);
        audit.record(caller.username(), "TASK_UNCLAIMED", "task", taskId, task.getTaskDefinitionKey());
        return view(tasks.createTaskQuery().taskId(taskId).singleResult());
    }

    /** Completes a task the caller holds with a decision valid for its kind. */
    public void complete(Caller caller, String taskId, Decision decision) {
        Task task = visible(caller, taskId);
        if (!caller.username().equals(task.getAssignee())) {
            throw CaravelException.conflict("error.task.claim-first");
        }
        Map<String, Object> variables = TaskDecisions.of(task.getTaskDefinitionKey()).variables(decision, caller.username());
        String caseId = caseId(task);
        String caseType = caseType(task);
        try {
            tasks.complete(taskId, variables);
        } catch (OptimisticLockingException e) {
            throw CaravelException.conflict("error.task.claimed");
        } catch (ProcessEngineException e) {
            // a listener's business rule (e.g. four-eyes) surfaces as itself, not as an engine error
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof CaravelException business) {
                    throw business;
                }
            }
            throw e;
        }
        audit.record(caller.username(), "DECISION_" + task.getTaskDefinitionKey(), caseType, caseId,
                variables.toString());
    }

    /** The outcomes a task of this kind accepts, e.g. APPROVE, REJECT, REQUEST_INFO. */
    public List<String> outcomes(String taskType) {
        return TaskDecisions.of(taskType).outcomes();
    }

    private Task visible(Caller caller, String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || !(caller.username().equals(task.getAssignee()) || inCandidateGroup(caller, taskId))) {
            throw CaravelException.notFound("task", taskId);
        }
        return task;
    }

    private boolean inCandidateGroup(Caller caller, String taskId) {
        return candidateGroups(taskId).stream().anyMatch(caller.roles()::contains);
    }

    private List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    private TaskView view(Task task) {
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        Object risk = tasks.getVariable(task.getId(), "riskLevel");
        String processKey = repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
        Object title = tasks.getVariable(task.getId(), "caseTitle");
        return new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(), processKey, caseId(task),
                title == null ? null : title.toString(),
                candidateGroups(task.getId()), task.getAssignee(), task.getCreateTime().toInstant(), due,
                due != null && due.isBefore(new Date().toInstant()), risk == null ? null : risk.toString());
    }

    /** The case a task is about: a listing's workflow names it caseId, onboarding applicationId. */
    private String caseId(Task task) {
        Object id = tasks.getVariable(task.getId(), "caseId");
        if (id == null) {
            id = tasks.getVariable(task.getId(), "applicationId");
        }
        return id == null ? null : id.toString();
    }

    /** The audit subject type of a task's case: "listing", or "application" for onboarding. */
    private String caseType(Task task) {
        Object type = tasks.getVariable(task.getId(), "caseType");
        return type == null ? "application" : type.toString();
    }

    private static int parseOffset(String after) {
        try {
            return Math.max(0, Integer.parseInt(after));
        } catch (NumberFormatException e) {
            throw CaravelException.invalid("cursor", "error.cursor");
        }
    }
}
