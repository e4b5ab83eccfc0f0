package io.caravel.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The application's one data source, defined by configuration (H2 file database by default,
 * MySQL/MariaDB by setting {@code caravel.ds.*}), and the Flyway migration of the application schema
 * that runs before anything else at start-up. The workflow engine keeps its own tables in the same
 * database, so one JTA transaction covers both.
 */
@DataSourceDefinition(
        // node locks only: its connections never join a JTA transaction, so a lock held across the
        // transactions of the work it guards stays held until the lock's own commit (see NodeLocks)
        name = Database.LOCKS_JNDI_NAME,
        className = "${MPCONFIG=caravel.ds.class}",
        url = "${MPCONFIG=caravel.ds.url}",
        user = "${MPCONFIG=caravel.ds.user}",
        password = "${MPCONFIG=caravel.ds.password}",
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        transactional = false,
        minPoolSize = 0,
        maxPoolSize = 4)
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "${MPCONFIG=caravel.ds.class}",
        url = "${MPCONFIG=caravel.ds.url}",
        user = "${MPCONFIG=caravel.ds.user}",
        password = "${MPCONFIG=caravel.ds.password}",
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        transactional = true,
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
                // a connection the database dropped (a restart, a failover) is found and replaced
                // before a request gets it, and one bad connection renews the whole pool
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=2",
                "fish.payara.fail-all-connections=true"})
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/caravel";
    public static final String LOCKS_JNDI_NAME = "java:app/jdbc/caravel-locks";

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Resource(lookup = JNDI_NAME)
    private DataSource dataSource;

    private volatile Info info;
    private volatile String id;

    @PostConstruct
    void migrate() {
        boolean mysql;
        try {
            RequiredSettings.check(ConfigProvider.getConfig());
            requireFullUnicode();
            mysql = isMySql();
        } catch (IllegalStateException e) {
            LOG.severe(e.getMessage());
            throw e;
        }
        // db/migration is every database's; the few changes SQL cannot say the same way in both sit in db/h2 and db/mysql
        MigrateResult result = Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration", mysql ? "classpath:db/mysql" : "classpath:db/h2")
                .table("caravel_schema_history")
                .baselineOnMigrate(false)
                .load()
                .migrate();
        // targetSchemaVersion is null when there was nothing to migrate: the version is then the initial one
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Application schema at version " + version
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    private boolean isMySql() {
        try (Connection connection = dataSource.getConnection()) {
            return isMySql(connection);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Caravel cannot start: the database does not answer: " + e.getMessage(), e);
        }
    }

    /**
     * On MySQL/MariaDB the database's default character set becomes every new table's: anything but
     * utf8mb4 would lose emoji and CJK Extension B names, so Caravel refuses to create tables in it.
     */
    private void requireFullUnicode() {
        try (Connection connection = dataSource.getConnection()) {
            if (!isMySql(connection)) {
                return;
            }
            try (var statement = connection.createStatement();
                 var row = statement.executeQuery("select @@character_set_database, database()")) {
                row.next();
                String charset = row.getString(1);
                if (!"utf8mb4".equalsIgnoreCase(charset)) {
                    throw new IllegalStateException("Caravel cannot start: database " + row.getString(2)
                            + " has the default character set " + charset + ", which cannot store every character;"
                            + " run ALTER DATABASE " + row.getString(2)
                            + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin (docs/operations.md, MySQL / MariaDB)");
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Caravel cannot start: the database does not answer: " + e.getMessage(), e);
        }
    }

    /**
     * Which database this is: its name (catalog) and product with version, e.g. {@code caravel},
     * {@code MariaDB}, {@code 10.11.19}; never the host or credentials. Read once, on first success.
     */
    /**
     * The random name this database was given when its tables were created (V27): the same on every
     * node that uses it and in a copy restored from a backup, another one in any other database.
     */
    public String id() {
        String known = id;
        if (known == null) {
            try (Connection connection = dataSource.getConnection();
                 var statement = connection.createStatement();
                 var row = statement.executeQuery("select id from caravel_database")) {
                if (!row.next()) {
                    throw new IllegalStateException("the database has no id (table caravel_database is empty)");
                }
                known = row.getString(1);
                id = known;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("the database's id cannot be read: " + e.getMessage(), e);
            }
        }
        return known;
    }

    public Optional<Info> info() {
        Info known = info;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                DatabaseMetaData meta = connection.getMetaData();
                String version = meta.getDatabaseProductVersion();
                String product = version.contains("MariaDB") ? "MariaDB" : meta.getDatabaseProductName();
                String catalog = connection.getCatalog();
                known = new Info(catalog == null ? "" : catalog.toLowerCase(Locale.ROOT), product,
                        version.split("[ -]")[0]);
                info = known;
            } catch (Exception e) {
                LOG.warning(() -> "Database not reachable: " + e.getMessage());
                return Optional.empty();
            }
        }
        return Optional.of(known);
    }

    /** The database's name, product and product version. */
    public record Info(String name, String product, String version) {

        /** For people: {@code caravel (MariaDB 10.11.19)}. */
        @Override
        public String toString() {
            return name + " (" + product + " " + version + ")";
        }
    }

    /** Whether the connection goes to MySQL or MariaDB (which need their own SQL here and there). */
    public static boolean isMySql(Connection connection) throws java.sql.SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("mysql") || product.contains("mariadb");
    }

    /** True when the database answers a trivial query within two seconds. */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (Exception e) {
            LOG.warning(() -> "Database not reachable: " + e.getMessage());
            return false;
        }
    }
}
