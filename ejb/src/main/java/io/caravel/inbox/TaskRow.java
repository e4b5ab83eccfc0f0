package io.caravel.inbox;

import java.time.Instant;
import org.camunda.bpm.engine.task.Task;

/** What a task list shows of an engine task: read by the list's own query, or taken from the engine's task. */
record TaskRow(String id, String key, String name, String processDefinitionId, String processInstanceId, String assignee,
               Instant created, Instant due) {

    static TaskRow of(Task task) {
        return new TaskRow(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getProcessDefinitionId(),
                task.getProcessInstanceId(), task.getAssignee(), task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant());
    }
}
