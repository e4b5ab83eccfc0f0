package io.caravel.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * One Payara Micro with the built WAR for every black-box test class of a test run: started by the
 * first class that asks for it, kept for the following ones, stopped when the JVM ends or before a
 * test starts a server of its own (an Arquillian deployment, see {@link Deployments}, or a {@link ServerProcess}), so two
 * servers never share the data directory or the database. Test classes already share the data (the
 * same H2 files or MariaDB database), so each test makes its own names and looks for its own rows.
 *
 * <p>Use: annotate the class {@code @SharedServer.Use} and a {@code URL} field {@code @SharedServer.Base}.
 * {@link FirstOrderer} (junit-platform.properties) runs those classes first, so the server starts once.
 */
public final class SharedServer {

    private static ServerProcess server;

    private SharedServer() {
    }

    /** The test class runs against the shared server. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(Extension.class)
    @interface Use {
    }

    /** The server's base URL (ends with a slash) is set into this field before each test. */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Base {
    }

    static synchronized URL url() throws Exception {
        if (server == null) {
            Path data = Paths.get(System.getProperty("caravel.it.dataDir", "target/it-data"));
            Files.createDirectories(data);
            server = ServerProcess.start(ServerProcess.freePort(), data, "shared");
            Runtime.getRuntime().addShutdownHook(new Thread(SharedServer::stopQuietly, "shared-server-stop"));
        }
        return base(server.port);
    }

    static synchronized void stop() throws InterruptedException {
        if (server != null) {
            ServerProcess running = server;
            server = null;
            running.close();
        }
    }

    /** Before a test starts a server of its own (any label but the shared server's). */
    static void stopUnless(String label) throws InterruptedException {
        if (!"shared".equals(label)) {
            stop();
        }
    }

    private static void stopQuietly() {
        try {
            stop();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static URL base(int port) throws MalformedURLException {
        return new URL("http://localhost:" + port + "/");
    }

    static final class Extension implements TestInstancePostProcessor {
        @Override
        public void postProcessTestInstance(Object instance, ExtensionContext context) throws Exception {
            URL url = url();
            for (Class<?> type = instance.getClass(); type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (field.isAnnotationPresent(Base.class)) {
                        field.setAccessible(true);
                        field.set(instance, url);
                    }
                }
            }
        }
    }

    /** The classes on the shared server first (by name), then the ones that start servers of their own. */
    public static final class FirstOrderer implements ClassOrderer {
        @Override
        public void orderClasses(ClassOrdererContext context) {
            context.getClassDescriptors().sort(Comparator
                    .comparing((ClassDescriptor descriptor) -> !descriptor.isAnnotated(Use.class))
                    .thenComparing(descriptor -> descriptor.getTestClass().getName()));
        }
    }
}
