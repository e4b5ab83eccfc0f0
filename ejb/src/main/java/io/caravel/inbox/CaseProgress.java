package io.caravel.inbox;

import java.util.List;

/** Where a case's process stands: ended, or waiting at these steps (a person's task, the seller, a timer...). */
public record CaseProgress(boolean ended, List<Step> waitingAt) {

    /** One step the process waits at: its BPMN id, its name, and whether a person's task waits there. */
    public record Step(String activityId, String name, boolean userTask) {
    }
}
