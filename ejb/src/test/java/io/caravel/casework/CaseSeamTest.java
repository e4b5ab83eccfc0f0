package io.caravel.casework;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravel.listing.ListingWorkflow;
import io.caravel.onboarding.OnboardingWorkflow;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every workflow keeps its side of the case seam: its process exists, each of its human tasks is a
 * declared task kind (and nothing else is), each decision is one its BPMN routes on, and each message
 * template exists in English and Chinese. A new workflow is added to {@link #workflows()}.
 */
class CaseSeamTest {

    static Stream<CaseWorkflow> workflows() {
        return Stream.of(new OnboardingWorkflow(), new ListingWorkflow());
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void everyHumanTaskOfTheProcessIsADeclaredTaskKindAndNothingElse(CaseWorkflow workflow) throws IOException {
        BpmnModelInstance model = model(workflow);
        List<String> userTasks = model.getModelElementsByType(UserTask.class).stream().map(UserTask::getId).toList();
        assertThat(workflow.taskKinds()).extracting(TaskKind::key).containsExactlyInAnyOrderElementsOf(userTasks);
        assertThat(model.getModelElementsByType(Process.class)).extracting(Process::getId).contains(workflow.processKey());
        assertThat(workflow.casePage()).startsWith("/inbox/cases/").endsWith(".xhtml");
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void everyDecisionIsOneTheProcessRoutesOn(CaseWorkflow workflow) throws IOException {
        List<String> conditions = model(workflow).getModelElementsByType(ConditionExpression.class).stream()
                .map(ConditionExpression::getTextContent).toList();
        for (TaskKind kind : workflow.taskKinds()) {
            for (Outcome outcome : kind.outcomes()) {
                assertThat(conditions).as(kind.key() + " " + outcome.code())
                        .anyMatch(c -> c.contains(kind.decisionVariable()) && c.contains("'" + outcome.code() + "'"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void everyMessageTemplateExistsInBothLanguagesWithALabel(CaseWorkflow workflow) throws IOException {
        Properties en = bundle("i18n/templates.properties");
        Properties zh = bundle("i18n/templates_zh.properties");
        assertThat(zh.keySet()).isEqualTo(en.keySet());
        workflow.taskKinds().stream().flatMap(k -> k.outcomes().stream()).flatMap(o -> o.templates().stream())
                .forEach(code -> {
                    assertThat(en).containsKeys(code, "label." + code);
                    assertThat(MessageTemplates.text(code)).contains(en.getProperty(code), zh.getProperty(code));
                });
    }

    @Test
    void onlySecondApprovalsAreWithheldFromTheFirstReviewer() {
        assertThat(workflows().flatMap(w -> w.taskKinds().stream()).filter(TaskKind::secondApproval))
                .extracting(TaskKind::key).containsExactly(OnboardingWorkflow.LEAD_APPROVAL);
    }

    @Test
    void theCaseHeaderIsWrittenAndReadAsProcessVariables() {
        CaseHeader header = new CaseHeader("listing", "l-1", "Silk scarf", "s-1", Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(CaseHeader.of(header.variables())).isEqualTo(header);
        assertThat(header.variables()).containsKeys(CaseVariables.CASE_TYPE, CaseVariables.CASE_ID,
                CaseVariables.CASE_TITLE, CaseVariables.SELLER_ID, CaseVariables.CASE_DUE);
    }

    private static BpmnModelInstance model(CaseWorkflow workflow) throws IOException {
        String path = "caravel/processes/" + workflow.processKey() + "/" + workflow.processKey() + ".bpmn";
        try (InputStream in = CaseSeamTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return Bpmn.readModelFromStream(in);
        }
    }

    private static Properties bundle(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = CaseSeamTest.class.getClassLoader().getResourceAsStream(path)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
