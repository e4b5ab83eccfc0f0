package io.caravel.bpmn;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/** The one in-memory engine all process tests share; each test puts its stand-in delegates into {@link #BEANS}. */
public final class TestEngine {

    public static final Map<Object, Object> BEANS = new HashMap<>();
    public static final ProcessEngine ENGINE = build();

    private TestEngine() {
    }

    private static ProcessEngine build() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:caravel-process-tests;DB_CLOSE_DELAY=-1");
        configuration.setJobExecutorActivate(false);
        configuration.setHistory("full");
        configuration.setBeans(BEANS);
        configuration.setJavaSerializationFormatEnabled(false);
        return configuration.buildProcessEngine();
    }
}
