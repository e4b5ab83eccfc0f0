package io.caravel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.caravel.identity.IdentityService;
import io.caravel.platform.Caller;
import io.caravel.platform.PageRequest;
import io.caravel.platform.Roles;
import io.caravel.platform.engine.ProcessModels;
import io.caravel.platform.engine.WorkflowEngine;
import io.caravel.webhook.WebhookDeliveries;
import io.caravel.webhook.WebhookEventType;
import io.caravel.webhook.Webhooks;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server: the workflow engine shares the container's JTA transactions with JPA, deploys
 * the process models without duplicating versions, and readiness follows the engine's state.
 */
@ExtendWith(ArquillianExtension.class)
class EngineIT {

    private static final String PROBE = "transaction-probe";

    @Deployment
    static WebArchive deployment() {
        return Deployments.caravel(EngineIT.class);
    }

    @Resource
    private UserTransaction transaction;

    @Inject
    private IdentityService identity;

    @Inject
    private RuntimeService runtime;

    @Inject
    private RepositoryService repository;

    @Inject
    private WorkflowEngine engine;

    @Inject
    private ProcessModels processModels;

    @Inject
    private Webhooks webhooks;

    @Inject
    private WebhookDeliveries deliveries;

    @ArquillianResource
    private URL base;

    @BeforeEach
    void deployProbe() {
        repository.createDeployment().name("it-probe").enableDuplicateFiltering(true)
                .addModelInstance(PROBE + ".bpmn", Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("wait").endEvent().done())
                .deploy();
    }

    @Test
    void aFailedTransactionKeepsNeitherTheEntityNorTheProcessInstance() throws Exception {
        String name = "tx-" + UUID.randomUUID().toString().substring(0, 8);
        transaction.begin();
        try {
            assertThrows(IllegalStateException.class, () -> writeBothThenFail(name));
        } finally {
            transaction.rollback();
        }
        assertTrue(identity.user(name).isEmpty(), "the user row was rolled back");
        assertEquals(0, runtime.createProcessInstanceQuery().processInstanceBusinessKey(name).count(),
                "the process instance was rolled back");
    }

    @Test
    void aCommittedTransactionKeepsBoth() throws Exception {
        String name = "tx-" + UUID.randomUUID().toString().substring(0, 8);
        transaction.begin();
        identity.createDemoUser(name, "irrelevant-password", "Probe", null, Set.of(Roles.BUYER));
        runtime.startProcessInstanceByKey(PROBE, name);
        transaction.commit();
        assertTrue(identity.user(name).isPresent());
        assertEquals(1, runtime.createProcessInstanceQuery().processInstanceBusinessKey(name).count());
    }

    @Test
    void aWebhookEventOfARolledBackChangeIsNeverSent() throws Exception {
        Caller admin = new Caller("admin", Set.of(Roles.ADMIN), null);
        String probe = UUID.randomUUID().toString();
        String subscription = webhooks.subscribe(admin, new Webhooks.Request("https://example.com/hooks/" + probe, null,
                List.of("order.paid"), null)).subscription().id();
        try {
            transaction.begin();
            webhooks.raise(WebhookEventType.ORDER_PAID, null, UUID.randomUUID().toString(), Webhooks.data("probe", "rolled back"));
            transaction.rollback();
            transaction.begin();
            webhooks.raise(WebhookEventType.ORDER_PAID, null, UUID.randomUUID().toString(), Webhooks.data("probe", "committed"));
            transaction.commit();

            List<String> sent = webhooks.deliveries(admin, subscription, null, PageRequest.of(50, null)).items().stream()
                    .map(delivery -> webhooks.delivery(admin, delivery.id()).payload()).toList();
            assertEquals(1, sent.stream().filter(body -> body.contains("\"probe\":\"committed\"")).count(), sent.toString());
            assertTrue(sent.stream().noneMatch(body -> body.contains("rolled back")), sent.toString());
        } finally {
            webhooks.change(admin, subscription, new Webhooks.Request(null, null, null, false));
        }
    }

    @Test
    void finishedWebhookDeliveriesLeaveTheLogWhenOld() {
        Caller admin = new Caller("admin", Set.of(Roles.ADMIN), null);
        String subscription = webhooks.subscribe(admin, new Webhooks.Request("https://example.com/prune/" + UUID.randomUUID(),
                null, List.of("order.paid"), false)).subscription().id();
        // paused: the dispatcher leaves it alone; the test takes it and records the receiver's answer as the dispatcher would
        String delivery = webhooks.ping(admin, subscription).id();
        WebhookDeliveries.Claim claim = java.util.stream.IntStream.rangeClosed(0, 2)
                .mapToObj(version -> deliveries.claim(delivery, version)).flatMap(java.util.Optional::stream)
                .findFirst().orElseThrow();
        deliveries.record(claim, new WebhookDeliveries.Outcome(java.time.Instant.now(), 5, 204, null, ""), "test");
        assertEquals("DELIVERED", webhooks.delivery(admin, delivery).status());

        assertEquals(0, deliveries.prune(java.time.Instant.now().minus(java.time.Duration.ofDays(1))));
        assertTrue(deliveries.prune(java.time.Instant.now().plusSeconds(60)) >= 1);
        assertTrue(webhooks.deliveries(admin, subscription, null, PageRequest.of(50, null)).items().isEmpty());
    }

    @Test
    void redeployingUnchangedModelsCreatesNoNewVersion() {
        List<String> resources = processModels.resources();
        assertFalse(resources.isEmpty(), "the bpmn module lists its models");
        long deployments = repository.createDeploymentQuery().deploymentName(ProcessModels.DEPLOYMENT_NAME).count();
        long definitions = repository.createProcessDefinitionQuery().count();
        long decisions = repository.createDecisionDefinitionQuery().count();
        processModels.deploy(repository);
        assertEquals(deployments, repository.createDeploymentQuery().deploymentName(ProcessModels.DEPLOYMENT_NAME).count());
        assertEquals(definitions, repository.createProcessDefinitionQuery().count());
        assertEquals(decisions, repository.createDecisionDefinitionQuery().count());
        assertTrue(repository.createProcessDefinitionQuery().processDefinitionKey("seller-onboarding").count() >= 1,
                "seller-onboarding is deployed");
    }

    @Test
    void readinessIsDownWhileTheEngineIsStopped() throws Exception {
        assertEquals(200, readiness().statusCode());
        engine.stop();
        try {
            HttpResponse<String> down = readiness();
            assertEquals(503, down.statusCode());
            assertTrue(down.body().contains("\"workflowEngine\":\"DOWN\""), down.body());
        } finally {
            engine.start();
        }
        assertEquals(200, readiness().statusCode());
    }

    private void writeBothThenFail(String name) {
        identity.createDemoUser(name, "irrelevant-password", "Probe", null, Set.of(Roles.BUYER));
        runtime.startProcessInstanceByKey(PROBE, name);
        assertTrue(identity.user(name).isPresent(), "visible inside the transaction");
        throw new IllegalStateException("simulated failure after both writes");
    }

    private HttpResponse<String> readiness() throws Exception {
        URI ready = URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/health/ready");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());
    }
}
