package io.caravel.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Lets one node of a cluster at a time do a piece of work: the caller holds a row lock in
 * {@code caravel_lock} (on a connection of a non-transactional pool, which no JTA transaction
 * enlists) while the work runs in its own transactions, and a second node waits for it. For start-up work only — creating the
 * workflow engine's tables, loading demo data — not for requests. The lock goes with the connection
 * when a node dies.
 */
@ApplicationScoped
public class NodeLocks {

    public static final String ENGINE_START = "engine-start";
    public static final String DEMO = "demo";
    public static final String FIRST_ADMIN = "first-admin";
    /** The hourly price-system scan (a scheduled job, not a request). */
    public static final String PRICE_SCAN = "price-scan";
    /** The daily seller account health scan. */
    public static final String HEALTH_SCAN = "health-scan";

    @Resource(lookup = Database.LOCKS_JNDI_NAME)
    private DataSource dataSource;

    /** Another node may hold the lock for the whole of its engine start: wait up to 10 minutes, not 50 s. */
    private static void waitLong(Connection connection) throws SQLException {
        if (Database.isMySql(connection)) {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION innodb_lock_wait_timeout = 600");
            }
        }
    }

    public <T> T exclusively(String lock, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            waitLong(connection);
            try (PreparedStatement select = connection.prepareStatement(
                    "select name from caravel_lock where name = ? for update")) {
                select.setString(1, lock);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("No node lock named " + lock);
                    }
                }
                T result = work.get();
                connection.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the node lock " + lock, e);
        }
    }
}
