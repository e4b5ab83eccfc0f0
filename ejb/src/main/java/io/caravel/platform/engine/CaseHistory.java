package io.caravel.platform.engine;

import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The workflow history Caravel keeps: all of Camunda's {@code full} level (process, activity and task instances,
 * each variable's value, decisions with their inputs and outputs, incidents, job and operation logs) but the row
 * {@code full} adds for every single change of a variable ({@code ACT_HI_DETAIL}). Nothing in Caravel reads those
 * rows (a case's story is its audit trail and its activity history), and they were the largest part of what a
 * workflow step wrote: each with a dozen indexes, one per variable set.
 * <p>
 * It has {@code full}'s id, so a database an earlier Caravel ran with {@code full} starts as it is, and tools that
 * read the level from the database see {@code full}.
 */
final class CaseHistory extends AbstractHistoryLevel {

    static final CaseHistory LEVEL = new CaseHistory();

    private CaseHistory() {
    }

    @Override
    public int getId() {
        return HistoryLevel.HISTORY_LEVEL_FULL.getId();
    }

    @Override
    public String getName() {
        return "caravel-full-without-variable-details";
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL;
    }
}
