package io.caravel.platform;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets the application's class loader go when the application stops (undeploy, redeploy, disable),
 * so a server that redeploys Caravel does not keep every earlier copy of its classes. What would hold
 * it lives outside the application, so the container does not release it:
 * <ul>
 * <li>the MySQL driver's abandoned-connection cleanup thread, started when the driver in the
 * application's libraries is first used, runs until told to stop;</li>
 * <li>JDBC drivers of the application's libraries registered with {@link DriverManager}, a JVM-wide
 * list (a driver registers itself when its class is loaded, for example by {@code ServiceLoader}).</li>
 * <li>Jackson's shared type cache ({@code TypeFactory.defaultInstance()}): on Payara the server's
 * Jackson comes first, and Flyway's plugin classes end up as keys in that JVM-wide cache.</li>
 * </ul>
 * Both are released here; neither is needed any more once the application stops, whatever the
 * order in which its components stop.
 */
@Singleton
@Startup
public class ClassLoaderCleanup {

    static final String MYSQL_CLEANUP_THREAD_CLASS = "com.mysql.cj.jdbc.AbandonedConnectionCleanupThread";
    static final String MYSQL_CLEANUP_THREAD_NAME = "mysql-cj-abandoned-connection-cleanup";

    /** The container's class loaders of deployed applications (Payara Server and Payara Micro). */
    private static final Set<String> APPLICATION_LOADERS = Set.of(
            "org.glassfish.javaee.full.deployment.EarClassLoader",
            "org.glassfish.javaee.full.deployment.EarLibClassLoader",
            "org.glassfish.web.loader.WebappClassLoader");

    private static final Logger LOG = Logger.getLogger(ClassLoaderCleanup.class.getName());

    @PreDestroy
    void release() {
        List<ClassLoader> ours = applicationLoaders(ClassLoaderCleanup.class.getClassLoader());
        List<String> released = new ArrayList<>();
        if (stopMysqlCleanupThread(ours)) {
            released.add("MySQL cleanup thread");
        }
        released.addAll(deregisterDrivers(ours));
        if (clearJacksonTypeCache(ours.get(0))) {
            released.add("Jackson type cache");
        }
        LOG.info(() -> "Released at stop: " + (released.isEmpty() ? "nothing" : String.join(", ", released))
                + " (class loaders " + ours.stream().map(loader -> loader.getClass().getSimpleName()).toList() + ")");
    }

    /** This application's class loader and its ancestors that belong to it (the EAR's library loader), not to the server. */
    static List<ClassLoader> applicationLoaders(ClassLoader own) {
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(own);
        for (ClassLoader parent = own.getParent(); parent != null; parent = parent.getParent()) {
            if (APPLICATION_LOADERS.contains(parent.getClass().getName())) {
                loaders.add(parent);
            }
        }
        return Collections.unmodifiableList(loaders);
    }

    private static boolean stopMysqlCleanupThread(List<ClassLoader> ours) {
        boolean running = Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> MYSQL_CLEANUP_THREAD_NAME.equals(thread.getName()));
        if (!running) {
            return false;
        }
        try {
            Class<?> cleanup = Class.forName(MYSQL_CLEANUP_THREAD_CLASS, false, ours.get(0));
            if (ours.contains(cleanup.getClassLoader())) {
                cleanup.getMethod("checkedShutdown").invoke(null);
                return true;
            }
        } catch (ClassNotFoundException notBundled) {
            // the MySQL driver is not part of this application
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.log(Level.WARNING, "Cannot stop the MySQL driver's cleanup thread", e);
        }
        return false;
    }

    private static boolean clearJacksonTypeCache(ClassLoader own) {
        try {
            Class<?> typeFactory = Class.forName("com.fasterxml.jackson.databind.type.TypeFactory", true, own);
            Object shared = typeFactory.getMethod("defaultInstance").invoke(null);
            typeFactory.getMethod("clearCache").invoke(shared);
            return true;
        } catch (ClassNotFoundException notVisible) {
            return false;
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.log(Level.WARNING, "Cannot clear Jackson's type cache", e);
            return false;
        }
    }

    private static List<String> deregisterDrivers(List<ClassLoader> ours) {
        List<String> released = new ArrayList<>();
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (ours.contains(driver.getClass().getClassLoader())) {
                try {
                    DriverManager.deregisterDriver(driver);
                    released.add("JDBC driver " + driver.getClass().getName());
                } catch (SQLException | SecurityException e) {
                    LOG.log(Level.WARNING, "Cannot deregister JDBC driver " + driver.getClass().getName(), e);
                }
            }
        }
        return released;
    }
}
