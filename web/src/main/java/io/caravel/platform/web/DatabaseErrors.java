package io.caravel.platform.web;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Recognises, wherever the exception was wrapped (EJB, JTA rollback, JPA, the workflow engine), the
 * database errors a caller can act on: the two ways a race on one record ends — a lost optimistic
 * lock (someone changed the record since it was read) and a unique key taken at the same moment (two
 * registrations of one name), both a 409 — and a database that cannot be reached (a 503: try again).
 */
public final class DatabaseErrors {

    private static final String UNIQUE_VIOLATION = "23505"; // H2 and the SQL standard
    private static final int MYSQL_DUPLICATE_KEY = 1062;

    private DatabaseErrors() {
    }

    static boolean isConcurrentChange(Throwable error) {
        return anyCause(error, t -> {
            String name = t.getClass().getSimpleName();
            return name.equals("OptimisticLockException") || name.equals("OptimisticLockingException");
        });
    }

    static boolean isDuplicate(Throwable error) {
        return anyCause(error, t -> t instanceof SQLException sql
                && (UNIQUE_VIOLATION.equals(sql.getSQLState()) || sql.getErrorCode() == MYSQL_DUPLICATE_KEY));
    }

    public static boolean isConflict(Throwable error) {
        return isConcurrentChange(error) || isDuplicate(error);
    }

    /** No connection to the database: SQL state class 08, or the pool could not get one. */
    public static boolean isUnavailable(Throwable error) {
        return anyCause(error, t -> t instanceof java.sql.SQLTransientConnectionException
                || t instanceof java.sql.SQLNonTransientConnectionException
                || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                || t.getClass().getSimpleName().equals("PoolingException")
                || t.getClass().getSimpleName().equals("ResourceException")
                        && String.valueOf(t.getMessage()).contains("allocating a connection"));
    }

    private static boolean anyCause(Throwable error, java.util.function.Predicate<Throwable> test) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        java.util.ArrayDeque<Throwable> pending = new java.util.ArrayDeque<>();
        if (error != null) {
            pending.add(error);
        }
        while (!pending.isEmpty()) {
            Throwable t = pending.poll();
            if (seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            if (test.test(t)) {
                return true;
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                pending.add(suppressed);
            }
        }
        return false;
    }
}
