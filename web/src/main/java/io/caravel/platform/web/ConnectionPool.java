package io.caravel.platform.web;

import io.caravel.platform.Database;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The connection pool of the application's data source: sized by configuration and measured on
 * {@code /metrics}.
 * <ul>
 * <li>Sizing: a {@code @DataSourceDefinition} takes its pool sizes as constants only, so at start-up
 * this class sets the pool's steady and maximum size to {@code caravel.ds.pool.min} and
 * {@code caravel.ds.pool.max} (defaults 2 and 32, as in the annotation).</li>
 * <li>Figures: connections in use, free, the maximum, and requests waiting for a connection. Payara
 * does not publish the pool of an application-defined data source as a metric (and its monitoring
 * statistics are off by default), so the gauges read the pool itself.</li>
 * </ul>
 * Both go through Payara's connector runtime (the same on Payara Server and Payara Micro). Where that
 * is not possible (another server, a changed runtime) the pool keeps the annotation's sizes, the
 * gauges report -1, and one warning is logged at start.
 */
@ApplicationScoped
public class ConnectionPool {

    static final List<String> NAMES = List.of("caravel_db_pool_connections_in_use", "caravel_db_pool_connections_free",
            "caravel_db_pool_connections_max", "caravel_db_pool_waiting_requests");

    private static final Logger LOG = Logger.getLogger(ConnectionPool.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    private MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "caravel.ds.pool.min", defaultValue = "2")
    private int minSize;

    @Inject
    @ConfigProperty(name = "caravel.ds.pool.max", defaultValue = "32")
    private int maxSize;

    private volatile Pool pool;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (minSize < 0 || maxSize < 1 || minSize > maxSize) {
            throw new IllegalStateException("Need 0 <= caravel.ds.pool.min <= caravel.ds.pool.max and caravel.ds.pool.max >= 1, not "
                    + minSize + " and " + maxSize);
        }
        try {
            pool = Pool.of(dataSource);
            pool.resize(minSize, maxSize);
            LOG.info(() -> "Connection pool: " + minSize + " to " + maxSize + " connections");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warning(() -> "Connection pool sizing (caravel.ds.pool.*) and figures on /metrics are not available: " + e);
        }
        gauge(NAMES.get(0), "Connections of the application's pool in use", Pool::used);
        gauge(NAMES.get(1), "Open connections of the application's pool that are free", Pool::free);
        gauge(NAMES.get(2), "Most connections the application's pool opens", Pool::max);
        gauge(NAMES.get(3), "Requests waiting for a connection of the application's pool", Pool::waiting);
    }

    @PreDestroy
    void unregister() {
        NAMES.forEach(name -> registry.remove(new MetricID(name)));
        pool = null;
    }

    private void gauge(String name, String description, ToIntFunction<Pool> figure) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), () -> {
            Pool current = pool;
            try {
                return current == null ? -1 : figure.applyAsInt(current);
            } catch (RuntimeException e) {
                return -1;
            }
        });
    }

    /**
     * The pool behind a Payara data source: its {@code PoolInfo} from the data source's managed
     * connection factory, the {@code ResourcePool} from the server's {@code PoolManager}.
     */
    record Pool(Object resourcePool, Method statusOf, Method freeOf, Method usedOf, Method maxOf, Method waitQueueOf,
                Method lengthOf, Method setSteady, Method setMax) {

        static Pool of(DataSource dataSource) throws ReflectiveOperationException {
            Object poolInfo = invokeInherited(field(dataSource, "mcf"), "getPoolInfo");
            ClassLoader runtime = dataSource.getClass().getClassLoader();
            Class<?> globals = Class.forName("org.glassfish.internal.api.Globals", true, runtime);
            Object locator = globals.getMethod("getDefaultBaseServiceLocator").invoke(null);
            Class<?> poolManagerType = Class.forName("com.sun.enterprise.resource.pool.PoolManager", true, runtime);
            Object poolManager = locator.getClass().getMethod("getService", Class.class, java.lang.annotation.Annotation[].class)
                    .invoke(locator, poolManagerType, new java.lang.annotation.Annotation[0]);
            Class<?> poolInfoType = Class.forName("org.glassfish.resourcebase.resources.api.PoolInfo", true, runtime);
            Object resourcePool = poolManagerType.getMethod("getPool", poolInfoType).invoke(poolManager, poolInfo);
            if (resourcePool == null) {
                throw new IllegalStateException("no pool " + poolInfo);
            }
            Class<?> poolType = Class.forName("com.sun.enterprise.resource.pool.ResourcePool", true, runtime);
            Class<?> statusType = Class.forName("com.sun.enterprise.resource.pool.PoolStatus", true, runtime);
            Class<?> queueType = Class.forName("com.sun.enterprise.resource.pool.waitqueue.PoolWaitQueue", true, runtime);
            return new Pool(resourcePool, poolType.getMethod("getPoolStatus"), statusType.getMethod("getNumConnFree"),
                    statusType.getMethod("getNumConnUsed"), poolType.getMethod("getMaxPoolSize"),
                    poolType.getMethod("getPoolWaitQueue"), queueType.getMethod("getQueueLength"),
                    poolType.getMethod("setSteadyPoolSize", int.class), poolType.getMethod("setMaxPoolSize", int.class));
        }

        /** Maximum first: the pool refuses a steady size above its maximum. */
        void resize(int min, int max) throws ReflectiveOperationException {
            if (max >= min) {
                setMax.invoke(resourcePool, max);
                setSteady.invoke(resourcePool, min);
            }
        }

        private static Object field(Object target, String name) throws ReflectiveOperationException {
            for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
                try {
                    Field field = type.getDeclaredField(name);
                    field.setAccessible(true);
                    return field.get(target);
                } catch (NoSuchFieldException next) {
                    // look in the superclass
                }
            }
            throw new NoSuchFieldException(target.getClass().getName() + "." + name);
        }

        private static Object invokeInherited(Object target, String name) throws ReflectiveOperationException {
            for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
                try {
                    Method method = type.getDeclaredMethod(name);
                    method.setAccessible(true);
                    return method.invoke(target);
                } catch (NoSuchMethodException next) {
                    // look in the superclass
                }
            }
            throw new NoSuchMethodException(target.getClass().getName() + "." + name);
        }

        int used() {
            return (int) call(usedOf, call(statusOf, resourcePool));
        }

        int free() {
            return (int) call(freeOf, call(statusOf, resourcePool));
        }

        int max() {
            return (int) call(maxOf, resourcePool);
        }

        int waiting() {
            return (int) call(lengthOf, call(waitQueueOf, resourcePool));
        }

        private static Object call(Method method, Object target) {
            try {
                return method.invoke(target);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
