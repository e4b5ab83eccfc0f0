package io.caravel.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which build is running: the version, the commit it was built from (with {@code dirty} when the
 * working tree had changes) and when it was built, as the build wrote them to
 * {@code caravel/build.properties}. A build outside a Git checkout knows its version only.
 */
public record BuildInfo(String version, String commit, String commitTime, String builtAt, boolean dirty) {

    private static final BuildInfo CURRENT = read();

    public static BuildInfo current() {
        return CURRENT;
    }

    private static BuildInfo read() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream("caravel/build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // an unreadable file says as little as a missing one
        }
        String version = properties.getProperty("git.build.version", BuildInfo.class.getPackage().getImplementationVersion());
        return new BuildInfo(version == null ? "unknown" : version, properties.getProperty("git.commit.id.abbrev", "unknown"),
                properties.getProperty("git.commit.time"), properties.getProperty("git.build.time"),
                Boolean.parseBoolean(properties.getProperty("git.dirty", "false")));
    }
}
