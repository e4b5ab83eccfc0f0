package io.caravel.inbox;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.Collections;
import java.util.List;

/** Plain read-only SQL over the engine's tables, through the application's own connection and transaction. */
final class EngineSql {

    private EngineSql() {
    }

    /** The query of {@code sql} whose {@code ?} marks take {@code parameters} in order (always bound, never SQL text). */
    static Query query(EntityManager em, String sql, List<?> parameters) {
        StringBuilder numbered = new StringBuilder();
        int next = 1;
        for (char c : sql.toCharArray()) {
            numbered.append(c);
            if (c == '?') {
                numbered.append(next++);
            }
        }
        Query query = em.createNativeQuery(numbered.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    /** {@code count} marks for an {@code in (...)} list. */
    static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
