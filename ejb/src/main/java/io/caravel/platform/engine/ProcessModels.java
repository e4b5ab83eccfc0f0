package io.caravel.platform.engine;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;

/**
 * The BPMN and DMN models of the {@code bpmn} module, listed in {@code caravel/processes/index.txt}.
 * They are deployed at start-up with duplicate filtering: an unchanged file creates no new version,
 * a changed one becomes the next version while running instances stay on theirs.
 */
@ApplicationScoped
public class ProcessModels {

    public static final String DEPLOYMENT_NAME = "caravel";
    static final String ROOT = "caravel/processes/";

    private static final Logger LOG = Logger.getLogger(ProcessModels.class.getName());

    /** The resource names listed in the index, relative to the classpath root. */
    public List<String> resources() {
        try (InputStream index = resource(ROOT + "index.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> ROOT + line)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the process model index", e);
        }
    }

    /** Deploys the listed models; unchanged resources create no new version. */
    public void deploy(RepositoryService repository) {
        List<String> resources = resources();
        if (resources.isEmpty()) {
            LOG.warning("No process models listed in " + ROOT + "index.txt");
            return;
        }
        DeploymentBuilder builder = repository.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("caravel-bpmn")
                .enableDuplicateFiltering(true);
        for (String name : resources) {
            // read and closed here: the engine does not close what it is given, and a stream left
            // open on the application's jars keeps them open until the class loader goes
            try (InputStream model = resource(name)) {
                builder.addInputStream(name, new ByteArrayInputStream(model.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the process model " + name, e);
            }
        }
        Deployment deployment = builder.deploy();
        LOG.info(() -> "Process models deployed: " + resources.size() + " resources, deployment " + deployment.getId());
    }

    private static InputStream resource(String name) {
        InputStream stream = ProcessModels.class.getClassLoader().getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException("Process model resource not found on the classpath: " + name);
        }
        return stream;
    }
}
