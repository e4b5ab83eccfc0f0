package io.caravel.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** Caravel's FEEL answers exactly as Camunda's own engine: the same values, and the same failures. */
class ParsedOnceFeelTest {

    private final FeelEngine camunda = new ScalaFeelEngine(List.of());
    private final FeelEngine caravel = new ParsedOnceFeel().createInstance();

    private final VariableMap variables = Variables.createVariables().putValue("country", "IR")
            .putValue("mainCategory", "HEALTH").putValue("expectedYearlySalesEur", 250_000L)
            .putValue("screeningTopScore", 0.93).putValue("screeningHit", false).putValue("missingFields", 2)
            .putValue("nothing", null);

    @Test
    void inputEntriesOfDecisionTables() {
        String[][] tests = {
            {"\"KP\",\"IR\",\"MM\"", "country"}, {"\"RU\",\"BY\"", "country"}, {"not(\"HEALTH\")", "mainCategory"},
            {"\"HEALTH\",\"FOOD\"", "mainCategory"}, {"> 100000", "expectedYearlySalesEur"},
            {"[100000..500000]", "expectedYearlySalesEur"}, {"< 100000", "expectedYearlySalesEur"},
            {">= 0.9", "screeningTopScore"}, {"true", "screeningHit"}, {"false", "screeningHit"}, {"> 1", "missingFields"},
            {"string length(?) > 3", "mainCategory"}, {"null", "nothing"}, {"> 3", "nothing"},
            {"> \"a\"", "expectedYearlySalesEur"}, {"unknown function(?)", "country"}, {"[1..", "missingFields"},
        };
        for (String[] test : tests) {
            VariableMap withInput = Variables.fromMap(variables).putValue("cellInput", variables.get(test[1]));
            assertSame(test[0] + " for " + test[1],
                    () -> camunda.evaluateSimpleUnaryTests(test[0], "cellInput", withInput.asVariableContext()),
                    () -> caravel.evaluateSimpleUnaryTests(test[0], "cellInput", withInput.asVariableContext()));
        }
    }

    @Test
    void expressionsOfInputsAndOutputs() {
        for (String expression : new String[] {"country", "\"HIGH\"", "expectedYearlySalesEur * 2", "upper case(mainCategory)",
                "if screeningHit then \"HIGH\" else \"LOW\"", "date(\"2026-11-28\") + duration(\"P1D\")",
                "count([1, 2, missingFields])", "nothing", "nothing + 1", "substring(country, 5)", "no such function(1)",
                "country +", "{a: 1}.b", "error(\"boom\")", "assert(1, false)", "assert(1, false, \"must hold\")", "date(\"x\")",
                "abs(\"x\")", "1 / 0"}) {
            assertSame(expression, () -> camunda.evaluateSimpleExpression(expression, variables.asVariableContext()),
                    () -> caravel.evaluateSimpleExpression(expression, variables.asVariableContext()));
        }
    }

    @Test
    void aSecondEvaluationOfAnExpressionAnswersAsTheFirst() {
        for (String country : new String[] {"IR", "DE", "KP"}) {
            VariableMap input = Variables.createVariables().putValue("cellInput", country);
            assertThat(caravel.evaluateSimpleUnaryTests("\"KP\",\"IR\"", "cellInput", input.asVariableContext()))
                    .isEqualTo(!country.equals("DE"));
        }
    }

    private static void assertSame(String what, Supplier<Object> expected, Supplier<Object> actual) {
        Object want;
        try {
            want = expected.get();
        } catch (RuntimeException failure) {
            try {
                Object got = actual.get();
                throw new AssertionError(what + ": Camunda's engine fails (" + failure.getMessage() + "), Caravel's answers " + got);
            } catch (RuntimeException same) {
                assertThat(same).as(what).isExactlyInstanceOf(failure.getClass()).hasMessage(failure.getMessage());
                return;
            }
        }
        assertThat(actual.get()).as(what).isEqualTo(want);
    }
}
