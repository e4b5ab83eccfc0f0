package io.caravel.casework;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A kind of human task, named by its BPMN task id (stable API): the decisions it accepts, the
 * process variable its decision is written to, and whether it is a second approval: offered to
 * everyone in its group except the person who decided the first review ({@link CaseVariables#REVIEWED_BY}),
 * so four eyes see the case.
 */
public record TaskKind(String key, String decisionVariable, List<Outcome> outcomes, boolean secondApproval) {

    public TaskKind {
        outcomes = List.copyOf(outcomes);
    }

    public static TaskKind of(String key, String decisionVariable, Outcome... outcomes) {
        return new TaskKind(key, decisionVariable, Arrays.asList(outcomes), false);
    }

    /** The same kind of task as a second approval: never offered to the first reviewer. */
    public TaskKind asSecondApproval() {
        return new TaskKind(key, decisionVariable, outcomes, true);
    }

    public Optional<Outcome> outcome(String code) {
        return outcomes.stream().filter(o -> o.code().equals(code)).findFirst();
    }

    public List<String> outcomeCodes() {
        return outcomes.stream().map(Outcome::code).toList();
    }
}
