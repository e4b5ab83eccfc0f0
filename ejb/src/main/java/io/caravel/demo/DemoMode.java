package io.caravel.demo;

import io.caravel.identity.IdentityService;
import io.caravel.platform.NodeLocks;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the demo data at start-up when {@code caravel.demo.enabled} is true, and the demo cases right
 * after the application has started (their workflows run on the engine's job executor, which serves
 * the application only once it is up). When it is false, demo accounts left in the database are disabled.
 */
@Singleton
@Startup
@DependsOn("WorkflowEngine")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoMode {

    private static final Logger LOG = Logger.getLogger(DemoMode.class.getName());
    private static final long CASES_AFTER_MILLIS = 1_000;

    @Inject
    @ConfigProperty(name = "caravel.demo.enabled", defaultValue = "false")
    private boolean enabled;

    @Inject
    private DemoData demoData;

    @Inject
    private DemoCases demoCases;

    @Resource
    private TimerService timers;

    @Inject
    private NodeLocks nodeLocks;

    @Inject
    private IdentityService identity;

    @PostConstruct
    void start() {
        if (enabled) {
            // two nodes starting together must not both create the demo users and sellers
            String sellerA = nodeLocks.exclusively(NodeLocks.DEMO, demoData::load);
            LOG.info("Demo mode: demo users and data are loaded (password '" + DemoData.PASSWORD + "')");
            timers.createSingleActionTimer(CASES_AFTER_MILLIS, new TimerConfig(sellerA, false));
        } else {
            // a database that once ran in demo mode keeps accounts whose password everybody knows
            List<String> locked = identity.disableDemoUsers();
            if (!locked.isEmpty()) {
                LOG.warning(() -> "Demo mode is off: the demo accounts " + locked + " are disabled."
                        + " Demo sellers and products stay: use a new database for production (docs/operations.md).");
            }
        }
    }

    @Timeout
    void loadCases(Timer timer) {
        try {
            nodeLocks.exclusively(NodeLocks.DEMO, () -> {
                demoCases.load((String) timer.getInfo());
                return null;
            });
        } catch (RuntimeException e) {
            // the demo cases are a convenience: the product works without them
            LOG.log(Level.WARNING, "Demo mode: the demo cases could not be loaded", e);
        }
    }

    public boolean enabled() {
        return enabled;
    }
}
