package io.caravel.platform.engine;

import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * How Caravel sets up the workflow engine apart from its wiring to the container: what history it keeps, how it
 * takes ids, how decision tables evaluate. One place, so the onboarding benchmark's bare engine runs with the
 * product's settings and measures the product, not a difference of configuration.
 */
public final class EngineSettings {

    private EngineSettings() {
    }

    public static void apply(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomHistoryLevels(List.of(CaseHistory.LEVEL));
        configuration.setHistoryLevel(CaseHistory.LEVEL);
        // ids come from the database in blocks, each block a transaction of its own: blocks of 1,000 instead of
        // Camunda's 100 make those transactions ten times rarer
        configuration.setIdBlockSize(1_000);
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setEnforceHistoryTimeToLive(true);
        // the decision tables' FEEL parsed once per expression, not at every evaluation
        DefaultDmnEngineConfiguration decisions = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
                .createDefaultDmnEngineConfiguration();
        decisions.setFeelEngineFactory(new ParsedOnceFeel());
        configuration.setDmnEngineConfiguration(decisions);
    }
}
