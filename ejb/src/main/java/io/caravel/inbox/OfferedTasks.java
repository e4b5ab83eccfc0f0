package io.caravel.inbox;

import io.caravel.casework.CaseVariables;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The active tasks a caller may act on, read by plain SQL from the engine's task, candidate and
 * variable tables: held by the caller, or unclaimed and offered to one of the caller's groups; a
 * second approval only when the case was reviewed by someone else (four-eyes). The engine's task
 * query says the same, but builds its SQL from a mapping of several hundred conditions and maps each
 * row through its general mapping on every call, which cost the inbox more than the database did (a
 * flight recording of the task list under load). Only lists are read this way; claiming and deciding
 * go through the engine. Groups, users and values are bound parameters, never SQL text.
 */
final class OfferedTasks {

    /** A variable of the task's case: on the process instance, not on a task. */
    private static final String CASE_VARIABLE = "select 1 from ACT_RU_VARIABLE V where V.NAME_ = ? and V.TASK_ID_ is null"
            + " and V.PROC_INST_ID_ = RES.PROC_INST_ID_";

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    /**
     * @param user       the caller: tasks they hold are theirs
     * @param groups     the caller's groups: unclaimed tasks offered to one of them (none: only held tasks)
     * @param firstLooks the task kinds that are not second approvals
     */
    OfferedTasks(String user, List<String> groups, List<String> firstLooks) {
        where("RES.SUSPENSION_STATE_ = 1");
        if (groups.isEmpty()) {
            where("RES.ASSIGNEE_ = ?", user);
        } else {
            where("(RES.ASSIGNEE_ = ? or (RES.ASSIGNEE_ is null and exists (select 1 from ACT_RU_IDENTITYLINK I"
                    + " where I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate' and I.GROUP_ID_ in (" + EngineSql.marks(groups.size()) + "))))",
                    user, groups);
        }
        where("(" + (firstLooks.isEmpty() ? "1 = 0" : "RES.TASK_DEF_KEY_ in (" + EngineSql.marks(firstLooks.size()) + ")")
                + " or exists (" + CASE_VARIABLE + " and not (V.TYPE_ = 'string' and V.TEXT_ is not null and V.TEXT_ = ?)))",
                firstLooks, CaseVariables.REVIEWED_BY, user);
    }

    /** Only tasks of this kind. */
    OfferedTasks taskType(String key) {
        return where("RES.TASK_DEF_KEY_ = ?", key);
    }

    /** Only tasks whose case has this text variable with this value. */
    OfferedTasks caseVariable(String name, String value) {
        return where("exists (" + CASE_VARIABLE + " and V.TYPE_ = 'string' and V.TEXT_ = ?)", name, value);
    }

    /** Only tasks due before this moment. */
    OfferedTasks dueBefore(Instant moment) {
        return where("RES.DUE_DATE_ < ?", Timestamp.from(moment));
    }

    /** Only tasks nobody holds. */
    OfferedTasks unassigned() {
        return where("RES.ASSIGNEE_ is null");
    }

    /** A page of them by due date (no due date first, as the engine's query orders), then id. */
    List<TaskRow> page(EntityManager em, int offset, int size) {
        Query query = EngineSql.query(em, "select RES.ID_, RES.TASK_DEF_KEY_, RES.NAME_, RES.PROC_DEF_ID_, RES.PROC_INST_ID_,"
                + " RES.ASSIGNEE_, RES.CREATE_TIME_, RES.DUE_DATE_ from ACT_RU_TASK RES where " + String.join(" and ", conditions)
                + " order by RES.DUE_DATE_ asc, RES.ID_ asc limit " + size + " offset " + offset, parameters);
        List<TaskRow> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            rows.add(new TaskRow((String) c[0], (String) c[1], (String) c[2], (String) c[3], (String) c[4], (String) c[5],
                    instant(c[6]), instant(c[7])));
        }
        return rows;
    }

    long count(EntityManager em) {
        return ((Number) EngineSql.query(em, "select count(*) from ACT_RU_TASK RES where " + String.join(" and ", conditions),
                parameters).getSingleResult()).longValue();
    }

    private OfferedTasks where(String condition, Object... values) {
        conditions.add(condition);
        for (Object value : values) {
            if (value instanceof List<?> list) {
                parameters.addAll(list);
            } else {
                parameters.add(value);
            }
        }
        return this;
    }

    /** A time column as the driver returns it (H2: a timestamp; MySQL Connector/J: a local date-time, as the engine wrote it). */
    private static Instant instant(Object value) {
        if (value instanceof LocalDateTime local) {
            return local.atZone(ZoneId.systemDefault()).toInstant();
        }
        return value instanceof Date date ? date.toInstant() : null;
    }
}
