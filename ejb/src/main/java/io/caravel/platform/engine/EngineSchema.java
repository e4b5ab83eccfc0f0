package io.caravel.platform.engine;

import io.caravel.platform.Database;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Full Unicode for the workflow engine's tables on MySQL/MariaDB. Camunda's own MySQL scripts create
 * its tables as {@code utf8} (3-byte: no emoji, no CJK Extension B such as 𠮷), and MariaDB cannot
 * convert them later because of their foreign keys. So on an empty database this class runs the
 * engine's scripts itself, as shipped in the engine's jar, with {@code utf8mb4}, before the engine
 * starts; the engine then finds its tables and creates none. H2 stores Unicode as it is.
 */
final class EngineSchema {

    private static final Logger LOG = Logger.getLogger(EngineSchema.class.getName());

    /** Camunda's components in the order it creates them itself (engine first: the others refer to it). */
    private static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine",
            "case.history", "decision.engine", "decision.history");
    private static final String SCRIPT = "org/camunda/bpm/engine/db/create/activiti.mysql.create.%s.sql";

    private EngineSchema() {
    }

    /** On MySQL/MariaDB without the engine's tables: creates them in utf8mb4. Answers whether it did. */
    static boolean createInFullUnicode(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!Database.isMySql(connection) || engineTablesExist(connection)) {
                return false;
            }
            int statements = 0;
            try (Statement statement = connection.createStatement()) {
                for (String component : COMPONENTS) {
                    for (String sql : statements(String.format(SCRIPT, component))) {
                        statement.execute(sql);
                        statements++;
                    }
                }
            }
            int count = statements;
            LOG.info(() -> "Workflow engine tables created in utf8mb4 (" + count + " statements)");
            return true;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot create the workflow engine's tables: " + e.getMessage(), e);
        }
    }

    /** Tables of the current database that cannot hold 4-byte characters (not utf8mb4), for a warning. */
    static List<String> narrowTables(DataSource dataSource) {
        List<String> narrow = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            if (!Database.isMySql(connection)) {
                return narrow;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select TABLE_NAME from information_schema.TABLES"
                         + " where TABLE_SCHEMA = database() and TABLE_TYPE = 'BASE TABLE'"
                         + " and TABLE_COLLATION not like 'utf8mb4%' order by TABLE_NAME")) {
                while (rows.next()) {
                    narrow.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            LOG.warning(() -> "Cannot check the tables' character sets: " + e.getMessage());
        }
        return narrow;
    }

    private static boolean engineTablesExist(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, "ACT_GE_PROPERTY", null)) {
            if (tables.next()) {
                return true;
            }
        }
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, "act_ge_property", null)) {
            return tables.next();
        }
    }

    /** The statements of one of the engine's scripts, each ending at a semicolon at a line's end, in utf8mb4. */
    static List<String> statements(String resource) throws IOException {
        String script;
        try (InputStream in = ProcessEngine.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the engine has no script " + resource);
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.substring(0, current.lastIndexOf(";")).trim();
                statements.add(sql.replace("CHARSET=utf8 COLLATE utf8_bin", "CHARSET=utf8mb4 COLLATE utf8mb4_bin"));
                current.setLength(0);
            }
        }
        return statements;
    }
}
