package io.caravel.inbox.web;

import io.caravel.platform.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.camunda.bpm.engine.TaskService;

/** The inbox home: how many tasks wait for the user's groups and how many the user has claimed. */
@Named
@RequestScoped
public class InboxHomeBean {

    @Inject
    private Caller caller;

    @Inject
    private TaskService tasks;

    public long getOpenForMyGroups() {
        List<String> groups = List.copyOf(caller.roles());
        return groups.isEmpty() ? 0 : tasks.createTaskQuery().taskCandidateGroupIn(groups).taskUnassigned().count();
    }

    public long getClaimedByMe() {
        return tasks.createTaskQuery().taskAssignee(caller.username()).count();
    }
}
