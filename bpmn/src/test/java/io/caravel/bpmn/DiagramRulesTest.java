package io.caravel.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build's check on the process diagrams: every BPMN file the engine deploys keeps the {@link DiagramRules},
 * and each rule is shown to fail on a small broken diagram in {@code diagram-rules/}.
 */
class DiagramRulesTest {

    private static final String PROCESSES = "caravel/processes/";

    static Stream<String> deployedDiagrams() {
        return new String(read(PROCESSES + "index.txt"), StandardCharsets.UTF_8).lines()
                .map(String::strip)
                .filter(line -> line.endsWith(".bpmn"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployedDiagrams")
    void everyDeployedDiagramKeepsTheRules(String resource) {
        assertThat(DiagramRules.check(read(PROCESSES + resource))).as("layout problems in %s", resource).isEmpty();
    }

    /** Case pages in Chinese show the diagram with these names: every named element has one, nothing else does. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("deployedDiagrams")
    void everyNamedElementHasItsChineseName(String resource) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(read(PROCESSES + resource)));
        Set<String> named = model.getModelElementsByType(FlowElement.class).stream()
                .filter(e -> e.getName() != null && !e.getName().isBlank()).map(FlowElement::getId)
                .collect(Collectors.toSet());
        Properties zh = new Properties();
        zh.load(new InputStreamReader(new ByteArrayInputStream(read(PROCESSES + resource.replace(".bpmn", "_zh.properties"))),
                StandardCharsets.UTF_8));
        assertThat(zh.stringPropertyNames()).as("Chinese names of %s", resource).isEqualTo(named);
    }

    @Test
    void theIndexListsDiagrams() {
        assertThat(deployedDiagrams()).isNotEmpty();
    }

    @Test
    void aDiagramThatKeepsEveryRulePasses() {
        assertThat(DiagramRules.check(read("diagram-rules/valid.bpmn"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing-shape.bpmn       | end has no shape in the diagram
            missing-edge.bpmn        | toEnd has no edge in the diagram
            flow-without-target.bpmn | toEnd has no target
            fake-join.bpmn           | work joins 2 incoming flows; only a gateway may join flows
            overlapping-shapes.bpmn  | shapes work and end overlap
            edge-off-border.bpmn     | toWork does not end on the border of its target work (ends at (176,120))
            diagonal-edge.bpmn       | toEnd has a diagonal segment (286,120) to (339,108); edges bend at right angles
            edge-through-shape.bpmn  | shortcut passes through work
            label-over-shape.bpmn    | the label of end overlaps shape work
            """)
    void eachRuleReportsItsBrokenDiagram(String file, String problem) {
        assertThat(DiagramRules.check(read("diagram-rules/" + file))).containsExactly(problem);
    }

    private static byte[] read(String resource) {
        try (InputStream in = DiagramRulesTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
