package io.caravel.platform.web;

import io.caravel.platform.engine.WorkflowEngine;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Application metrics of the workflow engine on {@code /metrics}: open incidents, failed jobs (no
 * retries left), open user tasks and running process instances. Operators alert on the first two.
 */
@ApplicationScoped
public class EngineMetrics {

    static final List<String> NAMES = List.of("caravel_engine_open_incidents", "caravel_engine_failed_jobs",
            "caravel_engine_open_tasks", "caravel_engine_running_instances");

    @Inject
    private WorkflowEngine engine;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    private MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        gauge("caravel_engine_open_incidents", "Open incidents of the workflow engine",
                () -> engine.isRunning() ? engine.engine().getRuntimeService().createIncidentQuery().count() : -1);
        gauge("caravel_engine_failed_jobs", "Jobs with no retries left",
                () -> engine.isRunning() ? engine.engine().getManagementService().createJobQuery().noRetriesLeft().count() : -1);
        gauge("caravel_engine_open_tasks", "Open user tasks",
                () -> engine.isRunning() ? engine.engine().getTaskService().createTaskQuery().count() : -1);
        gauge("caravel_engine_running_instances", "Running process instances",
                () -> engine.isRunning() ? engine.engine().getRuntimeService().createProcessInstanceQuery().active().count() : -1);
    }

    @PreDestroy
    void unregister() {
        for (String name : NAMES) {
            registry.remove(new MetricID(name));
        }
    }

    private void gauge(String name, String description, java.util.function.Supplier<Long> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), value::get);
    }
}
