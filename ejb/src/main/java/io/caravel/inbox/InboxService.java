package io.caravel.inbox;

import io.caravel.audit.AuditTrail;
import io.caravel.audit.Detail;
import io.caravel.audit.Detail.Arg;
import io.caravel.casework.CaseHeader;
import io.caravel.casework.CaseVariables;
import io.caravel.casework.CaseWorkflow;
import io.caravel.casework.MessageTemplates;
import io.caravel.casework.Outcome;
import io.caravel.casework.TaskKind;
import io.caravel.platform.Caller;
import io.caravel.risk.RiskEvents;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.ProblemType;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The inbox over the engine's human tasks, for every workflow alike: a user sees the tasks of their
 * groups and their own (never a second approval of a case they reviewed themselves), filters them,
 * claims one (exactly one of two concurrent claims wins) and completes it with a decision that its
 * task kind accepts; the decision, with its internal note, goes to the audit trail. What a workflow
 * contributes comes through {@link CaseWorkflow}; nothing here names one.
 */
@Stateless
public class InboxService {

    @Inject
    private TaskService tasks;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private RuntimeService runtime;

    @Inject
    private RepositoryService repository;

    @Inject
    private HistoryService history;

    /** Deployed models never change: their XML is made once per process definition and language. */
    private static final Map<String, String> MODELS = new ConcurrentHashMap<>();
    /** Per process definition id, its key; per definition and task, the candidate groups of its model. */
    private static final Map<String, String> PROCESS_KEYS = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> CANDIDATE_GROUPS = new ConcurrentHashMap<>();
    /** The case header's text variables, which a task list shows (its due date is the task's). */
    private static final List<String> TEXT_HEADER = List.of(CaseVariables.CASE_TYPE, CaseVariables.CASE_ID,
            CaseVariables.CASE_TITLE, CaseVariables.SELLER_ID, CaseVariables.RISK_LEVEL, CaseVariables.RISK_REASONS);
    private static final List<String> HEADER_VARIABLES = List.of(CaseVariables.CASE_TYPE, CaseVariables.CASE_ID,
            CaseVariables.CASE_TITLE, CaseVariables.SELLER_ID, CaseVariables.CASE_DUE, CaseVariables.RISK_LEVEL,
            CaseVariables.RISK_REASONS);

    @Inject
    private AuditTrail audit;

    @Inject
    private RiskEvents risks;

    @Inject
    @Any
    private Instance<CaseWorkflow> workflows;

    /** What the task list is filtered by; every part is optional. */
    public record Filter(String taskType, String riskLevel, boolean claimedByMe, Instant dueBefore) {

        public static Filter none() {
            return new Filter(null, null, false, null);
        }
    }

    /** Tasks offered to the caller or held by the caller, by due date, filtered in the query (so paging sees them all). */
    public Page<TaskView> list(Caller caller, Filter filter, PageRequest page) {
        if (caller.roles().isEmpty()) {
            return new Page<>(List.of(), null);
        }
        OfferedTasks offered = offeredTo(caller, filter.claimedByMe());
        if (filter.taskType() != null && !filter.taskType().isBlank()) {
            offered.taskType(filter.taskType());
        }
        if (filter.riskLevel() != null && !filter.riskLevel().isBlank()) {
            offered.caseVariable(CaseVariables.RISK_LEVEL, filter.riskLevel().trim().toUpperCase(Locale.ROOT));
        }
        if (filter.dueBefore() != null) {
            offered.dueBefore(filter.dueBefore());
        }
        int offset = page.after() == null ? 0 : parseOffset(page.after());
        List<TaskRow> rows = offered.page(em, offset, page.limit() + 1);
        List<TaskView> items = views(rows.stream().limit(page.limit()).toList());
        String next = rows.size() > page.limit() ? PageRequest.cursorAfter(Integer.toString(offset + page.limit())) : null;
        return new Page<>(items, next);
    }

    /** How many unclaimed tasks are offered to the caller's groups, and how many the caller holds. */
    public Counts counts(Caller caller) {
        if (caller.roles().isEmpty()) {
            return new Counts(0, 0);
        }
        return new Counts(offeredTo(caller, false).unassigned().count(em),
                tasks.createTaskQuery().active().taskAssignee(caller.username()).count());
    }

    /** The inbox's two figures. */
    public record Counts(long openForMyGroups, long claimedByMe) {
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
        CaseHeader header = header(task);
        audit.record(caller.username(), "TASK_CLAIMED", header.caseType(), header.caseId(), task.getTaskDefinitionKey(),
                Detail.of("TASK", Arg.code("task", task.getTaskDefinitionKey())));
        return view(tasks.createTaskQuery().taskId(taskId).singleResult());
    }

    public TaskView unclaim(Caller caller, String taskId) {
        Task task = visible(caller, taskId);
        if (!caller.username().equals(task.getAssignee())) {
            throw CaravelException.conflict("error.task.not-yours");
        }
        tasks.setAssignee(taskId, null);
        CaseHeader header = header(task);
        audit.record(caller.username(), "TASK_RELEASED", header.caseType(), header.caseId(), task.getTaskDefinitionKey(),
                Detail.of("TASK", Arg.code("task", task.getTaskDefinitionKey())));
        return view(tasks.createTaskQuery().taskId(taskId).singleResult());
    }

    /**
     * Completes a task the caller holds with a decision its kind accepts, and says where the case
     * stands afterwards (e.g. waiting for a lead's second approval).
     */
    public CaseProgress complete(Caller caller, String taskId, Decision decision) {
        Task task = visible(caller, taskId);
        if (!caller.username().equals(task.getAssignee())) {
            throw CaravelException.conflict("error.task.claim-first");
        }
        TaskKind kind = kind(task);
        Map<String, Object> variables = variables(kind, decision, caller.username());
        CaseHeader header = header(task);
        try {
            tasks.complete(taskId, variables);
        } catch (OptimisticLockingException e) {
            throw CaravelException.conflict("error.task.claimed");
        } catch (ProcessEngineException e) {
            // a listener's business rule surfaces as itself, not as an engine error
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof CaravelException business) {
                    throw business;
                }
            }
            throw e;
        }
        Object note = variables.get(CaseVariables.NOTE);
        Object message = variables.get(CaseVariables.MESSAGE);
        var started = history.createHistoricProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        risks.decided(header.caseType(), header.caseId(), started == null ? null : started.getStartTime().toInstant(),
                String.valueOf(variables.get(kind.decisionVariable())), caller.username());
        audit.record(caller.username(), "TASK_DECIDED", header.caseType(), header.caseId(),
                kind.key() + ": " + variables.get(kind.decisionVariable())
                        + (note == null ? "" : " · note: " + note)
                        + (message == null ? "" : " · message to seller: " + message),
                Detail.of("TASK_DECIDED", Arg.code("task", kind.key()), Arg.code("decision", variables.get(kind.decisionVariable())))
                        .and("NOTE", Arg.text(note)).and("MESSAGE_TO_SELLER", Arg.text(message)));
        return progress(task.getProcessInstanceId());
    }

    /** The open task of a case, if it waits for a person now (the risk register's way into the case). */
    public java.util.Optional<TaskView> openTaskOf(String caseType, String caseId) {
        return tasks.createTaskQuery().active().processVariableValueEquals(CaseVariables.CASE_TYPE, caseType)
                .processVariableValueEquals(CaseVariables.CASE_ID, caseId).orderByTaskCreateTime().desc().listPage(0, 1)
                .stream().findFirst().map(this::view);
    }

    /** The kind of a task type (its decisions), from the workflow that declares it. */
    public TaskKind kind(String taskType) {
        return workflows.stream().flatMap(w -> w.taskKinds().stream()).filter(k -> k.key().equals(taskType))
                .findFirst().orElseThrow(() -> new IllegalStateException("No workflow declares the task " + taskType));
    }

    /** Every task type the inbox knows, in the workflows' order, for the type filter. */
    public List<String> taskTypes() {
        return workflows.stream().flatMap(w -> w.taskKinds().stream()).map(TaskKind::key).toList();
    }

    /**
     * The case's process of a task the caller may see, with where it stands and the way it came; its
     * elements named in the reader's language where the model has a translation beside it
     * ({@code <model>_zh.properties}).
     */
    public CaseDiagram diagram(Caller caller, String taskId, Locale locale) {
        Task task = visible(caller, taskId);
        String definitionId = task.getProcessDefinitionId();
        String xml = MODELS.computeIfAbsent(definitionId + "/" + locale.getLanguage(), key -> model(definitionId, locale));
        String instanceId = task.getProcessInstanceId();
        List<String> current = runtime.getActiveActivityIds(instanceId).stream().distinct().toList();
        List<String> passed = history.createHistoricActivityInstanceQuery().processInstanceId(instanceId).finished()
                .list().stream().map(HistoricActivityInstance::getActivityId).distinct().toList();
        var model = repository.getBpmnModelInstance(definitionId);
        List<String> flows = model.getModelElementsByType(SequenceFlow.class).stream()
                .filter(f -> passed.contains(f.getSource().getId())
                        && (passed.contains(f.getTarget().getId()) || current.contains(f.getTarget().getId())))
                .map(SequenceFlow::getId).toList();
        return new CaseDiagram(repository.getProcessDefinition(definitionId).getKey(), xml, current, passed, flows);
    }

    private String model(String definitionId, Locale locale) {
        String resource = repository.getProcessDefinition(definitionId).getResourceName();
        Properties names = new Properties();
        try (InputStream translation = getClass().getClassLoader().getResourceAsStream(
                resource.replace(".bpmn", "_" + locale.getLanguage() + ".properties"))) {
            if (translation != null) {
                names.load(new InputStreamReader(translation, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = repository.getProcessModel(definitionId)) {
            if (names.isEmpty()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            BpmnModelInstance model = Bpmn.readModelFromStream(in);
            for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
                String name = names.getProperty(element.getId());
                if (name != null) {
                    element.setName(name);
                }
            }
            return Bpmn.convertToString(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a case's process stands now: ended, or the steps it waits at. */
    public CaseProgress progress(String processInstanceId) {
        var instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            return new CaseProgress(true, List.of());
        }
        var model = repository.getBpmnModelInstance(instance.getProcessDefinitionId());
        List<CaseProgress.Step> steps = runtime.getActiveActivityIds(processInstanceId).stream().distinct().map(id -> {
            var element = model.getModelElementById(id);
            return new CaseProgress.Step(id, element == null ? id : Objects.toString(element.getAttributeValue("name"), id),
                    element != null && "userTask".equals(element.getElementType().getTypeName()));
        }).toList();
        return new CaseProgress(false, steps);
    }

    /** Tasks the caller may act on: held by them or offered to one of their groups, minus second approvals of their own reviews. */
    private OfferedTasks offeredTo(Caller caller, boolean onlyHeld) {
        List<String> firstLooks = workflows.stream().flatMap(w -> w.taskKinds().stream())
                .filter(k -> !k.secondApproval()).map(TaskKind::key).toList();
        return new OfferedTasks(caller.username(), onlyHeld ? List.of() : List.copyOf(caller.roles()), firstLooks);
    }

    /** The task, if it is offered to or held by the caller; "not found" otherwise. */
    private Task visible(Caller caller, String taskId) {
        Task task = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || !(caller.username().equals(task.getAssignee()) || inCandidateGroup(caller, taskId))) {
            throw CaravelException.notFound("task", taskId);
        }
        if (kind(task).secondApproval()
                && caller.username().equals(tasks.getVariable(taskId, CaseVariables.REVIEWED_BY))) {
            throw new CaravelException(ProblemType.FORBIDDEN, "error.four-eyes");
        }
        return task;
    }

    /** Whether the task is offered to one of the caller's groups (its identity links: the authority). */
    private boolean inCandidateGroup(Caller caller, String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).anyMatch(caller.roles()::contains);
    }

    /** The groups a task is offered to, as its process model names them (deployed models never change). */
    private List<String> candidateGroups(TaskRow task) {
        return CANDIDATE_GROUPS.computeIfAbsent(task.processDefinitionId() + "#" + task.key(), key -> {
            UserTask element = repository.getBpmnModelInstance(task.processDefinitionId()).getModelElementById(task.key());
            return element == null ? List.of() : List.copyOf(element.getCamundaCandidateGroupsList());
        });
    }

    /** Checks the decision against its task kind and turns it into the process variables the workflow reads. */
    static Map<String, Object> variables(TaskKind kind, Decision decision, String decidedBy) {
        String code = decision.getDecision() == null ? "" : decision.getDecision().trim().toUpperCase(Locale.ROOT);
        Outcome outcome = kind.outcome(code).orElseThrow(() -> CaravelException.invalid("decision",
                "error.decision.unknown", String.join(", ", kind.outcomeCodes())));
        String note = blankToNull(decision.getNote());
        if (outcome.noteRequired() && note == null) {
            throw CaravelException.invalid("note", "error.decision.note-required");
        }
        String template = blankToNull(decision.getMessageTemplate());
        if (template != null && !outcome.templates().contains(template)) {
            throw CaravelException.invalid("messageTemplate", "error.decision.template-unknown",
                    String.join(", ", outcome.templates()));
        }
        String message = blankToNull(decision.getMessage());
        if (message == null && template != null) {
            message = MessageTemplates.text(template);
        }
        if (outcome.message() == Outcome.Need.REQUIRED && message == null) {
            throw CaravelException.invalid("message", "error.decision.message-required");
        }
        if (outcome.message() == Outcome.Need.NONE) {
            message = null;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(kind.decisionVariable(), code);
        variables.put(CaseVariables.DECIDED_BY, decidedBy);
        variables.put(CaseVariables.NOTE, note);
        variables.put(CaseVariables.MESSAGE, message);
        variables.put(CaseVariables.MESSAGE_TEMPLATE, template);
        return variables;
    }

    private TaskKind kind(Task task) {
        return kind(task.getTaskDefinitionKey());
    }

    private CaseWorkflow workflow(String processKey) {
        return workflows.stream().filter(w -> w.processKey().equals(processKey)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No workflow " + processKey));
    }

    private CaseHeader header(Task task) {
        return CaseHeader.of(tasks.getVariables(task.getId()));
    }

    private TaskView view(Task task) {
        return view(TaskRow.of(task), tasks.getVariables(task.getId(), HEADER_VARIABLES));
    }

    /**
     * A page of tasks with their case headers read in one query (the case variables live on the
     * process instance) instead of one per task; a task whose case has none there is read alone.
     * The header's variables are all text, so they are read as the engine stores text (type
     * {@code string} in {@code TEXT_}) by plain SQL: the engine's variable query maps each row
     * through its general mapping, which cost the task list more than its database work.
     */
    private List<TaskView> views(List<TaskRow> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<String> processes = page.stream().map(TaskRow::processInstanceId).distinct().toList();
        List<Object> parameters = new ArrayList<>(processes);
        parameters.addAll(TEXT_HEADER);
        Query query = EngineSql.query(em, "select PROC_INST_ID_, NAME_, TYPE_, TEXT_ from ACT_RU_VARIABLE"
                + " where TASK_ID_ is null and EXECUTION_ID_ = PROC_INST_ID_ and PROC_INST_ID_ in ("
                + EngineSql.marks(processes.size()) + ") and NAME_ in (" + EngineSql.marks(TEXT_HEADER.size()) + ")", parameters);
        Map<String, Map<String, Object>> byProcess = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            Map<String, Object> variables = byProcess.computeIfAbsent((String) columns[0], k -> new HashMap<>());
            variables.put((String) columns[1], "string".equals(columns[2]) ? columns[3] : null);
        }
        return page.stream().map(task -> {
            Map<String, Object> variables = byProcess.get(task.processInstanceId());
            return variables != null && variables.get(CaseVariables.CASE_TYPE) != null ? view(task, variables)
                    : view(task, tasks.getVariables(task.id(), HEADER_VARIABLES));
        }).toList();
    }

    private TaskView view(TaskRow task, Map<String, Object> variables) {
        CaseHeader header = CaseHeader.of(variables);
        Instant due = task.due();
        String processKey = PROCESS_KEYS.computeIfAbsent(task.processDefinitionId(),
                id -> repository.getProcessDefinition(id).getKey());
        Object risk = variables.get(CaseVariables.RISK_LEVEL);
        return new TaskView(task.id(), task.key(), task.name(), processKey, header.caseType(),
                header.caseId(), header.title(), header.sellerId(), workflow(processKey).casePage(),
                candidateGroups(task), task.assignee(), task.created(), due,
                due != null && due.isBefore(Instant.now()), risk == null ? null : risk.toString(),
                reasons(variables.get(CaseVariables.RISK_REASONS)));
    }

    private static List<String> reasons(Object value) {
        if (value == null || value.toString().isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.toString().split(CaseVariables.REASON_SEPARATOR.trim()))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static int parseOffset(String after) {
        try {
            return Math.max(0, Integer.parseInt(after));
        } catch (NumberFormatException e) {
            throw CaravelException.invalid("cursor", "error.cursor");
        }
    }
}
