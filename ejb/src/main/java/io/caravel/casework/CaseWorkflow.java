package io.caravel.casework;

import java.util.Arrays;
import java.util.List;

/**
 * How a workflow plugs into the inbox, declared once per workflow as a CDI bean: its process key,
 * the kind of case it carries (also its audit-trail subject type), the page that shows one of its
 * cases beside a task, and its task kinds. Its process starts with a {@link CaseHeader}. The inbox
 * names no workflow: adding one adds a subclass of this, its BPMN, delegates and case page, and edits
 * none of the inbox.
 */
public abstract class CaseWorkflow {

    private final String processKey;
    private final String caseType;
    private final String casePage;
    private final List<TaskKind> taskKinds;

    /**
     * @param processKey the BPMN process key, e.g. "listing-review" (stable API)
     * @param caseType   the kind of case, e.g. "listing"
     * @param casePage   the Faces page that shows a case beside its task, e.g. "/inbox/cases/listing.xhtml"
     * @param taskKinds  the workflow's human tasks with their decisions
     */
    protected CaseWorkflow(String processKey, String caseType, String casePage, TaskKind... taskKinds) {
        this.processKey = processKey;
        this.caseType = caseType;
        this.casePage = casePage;
        this.taskKinds = Arrays.asList(taskKinds);
    }

    public String processKey() {
        return processKey;
    }

    public String caseType() {
        return caseType;
    }

    public String casePage() {
        return casePage;
    }

    public List<TaskKind> taskKinds() {
        return taskKinds;
    }
}
