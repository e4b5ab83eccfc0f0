package io.caravel.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Loads the demo data at start-up when {@code caravel.demo.enabled} is true. */
@Singleton
@Startup
@DependsOn("WorkflowEngine")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoMode {

    private static final Logger LOG = Logger.getLogger(DemoMode.class.getName());

    @Inject
    @ConfigProperty(name = "caravel.demo.enabled", defaultValue = "false")
    private boolean enabled;

    @Inject
    private DemoData demoData;

    @PostConstruct
    void start() {
        if (enabled) {
            demoData.load();
            LOG.info("Demo mode: demo users and data are loaded (password '" + DemoData.PASSWORD + "')");
        }
    }

    public boolean enabled() {
        return enabled;
    }
}
