package io.caravel.platform.web.health;

import io.caravel.platform.Database;
import io.caravel.platform.engine.WorkflowEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers and the workflow engine runs; {@code /health/ready} is 503 otherwise. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    private Database database;

    @Inject
    private WorkflowEngine engine;

    @Override
    public HealthCheckResponse call() {
        boolean databaseUp = database.isReachable();
        boolean engineUp = engine.isRunning();
        return HealthCheckResponse.named("caravel")
                .status(databaseUp && engineUp)
                .withData("database", databaseUp ? "UP" : "DOWN")
                .withData("workflowEngine", engineUp ? "UP" : "DOWN")
                .build();
    }
}
