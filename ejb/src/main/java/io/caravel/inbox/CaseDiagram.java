package io.caravel.inbox;

import java.util.List;

/**
 * A case's process as a picture: its BPMN model (with the layout), the steps it waits at now and
 * the steps and flows it has passed, for a viewer to mark.
 */
public record CaseDiagram(String processKey, String bpmnXml, List<String> current, List<String> passed,
                          List<String> flowsTaken) {
}
