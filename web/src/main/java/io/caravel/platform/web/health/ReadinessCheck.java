package io.caravel.platform.web.health;

import io.caravel.platform.Database;
import io.caravel.platform.engine.WorkflowEngine;
import io.caravel.screening.ScreeningService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers (readiness names it, not where it runs), the workflow engine runs and the sanctions list is loaded;
 * {@code /health/ready} is 503 otherwise.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    private Database database;

    @Inject
    private WorkflowEngine engine;

    @Inject
    private ScreeningService screening;

    @Override
    public HealthCheckResponse call() {
        boolean databaseUp = database.isReachable();
        boolean engineUp = engine.isRunning();
        boolean screeningUp = screening.isReady();
        return HealthCheckResponse.named("caravel")
                .status(databaseUp && engineUp && screeningUp)
                .withData("database", databaseUp ? "UP" : "DOWN")
                .withData("databaseName", database.info().map(Database.Info::name).orElse("unknown"))
                .withData("workflowEngine", engineUp ? "UP" : "DOWN")
                .withData("sanctionsList", screeningUp ? "UP" : "DOWN")
                .build();
    }
}
