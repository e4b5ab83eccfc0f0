package io.caravel.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * The settings Caravel must not start without outside demo mode. The defaults file
 * ({@code META-INF/microprofile-config.properties}, ordinal 100) points at an embedded H2 database,
 * which suits a demo; a production server that silently ran on it would lose its data with its
 * working folder, so there every database setting must come from the operator (environment, JVM
 * option, password alias, ...).
 */
public final class RequiredSettings {

    static final String DEMO = "caravel.demo.enabled";
    static final List<String> DATABASE = List.of("caravel.ds.class", "caravel.ds.url", "caravel.ds.user", "caravel.ds.password");
    static final String SANCTIONS_DIR = "caravel.screening.ofac-dir";

    /** The ordinal of the application's defaults file: a value from there was not configured. */
    private static final int DEFAULTS_ORDINAL = 100;

    private RequiredSettings() {
    }

    /** Fails with one message naming every missing setting; does nothing in demo mode. */
    public static void check(Config config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Caravel cannot start: demo mode is off and " + String.join("; ", problems)
                    + ". Set them as environment variables or JVM options (docs/operations.md, Configuration),"
                    + " or set caravel.demo.enabled=true for a demo on an embedded database.");
        }
    }

    /** What is missing, one sentence per setting; empty when Caravel may start. */
    static List<String> problems(Config config) {
        if (config.getOptionalValue(DEMO, Boolean.class).orElse(false)) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (String key : DATABASE) {
            if (!configured(config.getConfigValue(key))) {
                problems.add(describe(key) + " is not set");
            }
        }
        ConfigValue sanctions = config.getConfigValue(SANCTIONS_DIR);
        if (!configured(sanctions)) {
            problems.add(describe(SANCTIONS_DIR) + " is not set (the folder with the OFAC SDN list: sdn.csv, alt.csv, add.csv)");
        } else if (!Files.isRegularFile(Path.of(sanctions.getValue(), "sdn.csv"))) {
            problems.add(describe(SANCTIONS_DIR) + " is " + sanctions.getValue() + ", which holds no sdn.csv");
        }
        return problems;
    }

    private static boolean configured(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank()
                && value.getSourceOrdinal() > DEFAULTS_ORDINAL;
    }

    /** The key with the name of its environment variable, as the operations guide lists them. */
    static String describe(String key) {
        return key + " (environment variable " + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_') + ")";
    }
}
