package io.caravel.platform.engine;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.jdk.javaapi.CollectionConverters;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.EvaluationFailureCollector;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * The decision tables' FEEL as Camunda's Scala FEEL engine evaluates it, each expression parsed once and FEEL's
 * built-in functions made once: the engine parses an input entry at every evaluation (a recording put half of a
 * risk assessment's time in the parser) and makes every built-in function anew for it. A parsed expression is an
 * immutable syntax tree, so one serves every thread; the decisions' expressions are a fixed set, and the cache is
 * bounded all the same. {@code ParsedOnceFeelTest} holds its answers and failures to the engine's own.
 */
final class ParsedOnceFeel implements FeelEngineFactory {

    private static final int EXPRESSIONS = 10_000;

    @Override
    public FeelEngine createInstance() {
        return new ScalaFeelEngine(List.of()) {
            @Override
            protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer functions,
                                                                  ValueMapper.CompositeValueMapper values) {
                return new Engine(functions, values);
            }
        };
    }

    /**
     * The engine {@link ScalaFeelEngine} builds (no external functions), with the parsed expressions kept, and FEEL's
     * built-in functions made once: the engine makes all of them anew for every expression it evaluates (a recording
     * put a third of a decision's time there). Evaluating is the engine's own, step by step.
     */
    private static final class Engine extends org.camunda.feel.FeelEngine {
        private final Cache<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> unaryTests =
                Caffeine.newBuilder().maximumSize(EXPRESSIONS).build();
        private final Cache<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> expressions =
                Caffeine.newBuilder().maximumSize(EXPRESSIONS).build();
        private final FeelInterpreter interpreter;
        /** The built-in functions and the engine's own; they keep nothing of an evaluation, so one serves every thread. */
        private final FunctionProvider functions;

        Engine(CustomFunctionTransformer functions, ValueMapper values) {
            super(functions, values, new org.camunda.feel.FeelEngine.Configuration(false),
                    org.camunda.feel.FeelEngine.defaultClock());
            this.interpreter = new FeelInterpreter(values);
            this.functions = new FunctionProvider.CompositeFunctionProvider(CollectionConverters.asScala(
                    List.<FunctionProvider>of(new BuiltinFunctions(clock(), values), functions)).toList());
        }

        /** As the engine's own: the tests' result read as a boolean. */
        @Override
        public Either<org.camunda.feel.FeelEngine.Failure, Object> evalUnaryTests(String expression, Context context) {
            Either<org.camunda.feel.FeelEngine.Failure, Object> result =
                    evaluate(unaryTests.get(expression, this::parseUnaryTests), context);
            return result instanceof Right<?, ?> right ? new Right<>(BoxesRunTime.unboxToBoolean(right.value())) : result;
        }

        @Override
        public Either<org.camunda.feel.FeelEngine.Failure, Object> evalExpression(String expression, Context context) {
            return evaluate(expressions.get(expression, this::parseExpression), context);
        }

        /**
         * What the engine's {@code eval} does once an expression is parsed and validated (parsing validates it): the
         * interpreter in a context of the built-in functions and the given variables, then an assertion failure, an
         * error value or the value.
         */
        @SuppressWarnings("unchecked")
        private Either<org.camunda.feel.FeelEngine.Failure, Object> evaluate(
                Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> parsed, Context context) {
            if (!(parsed instanceof Right<?, ?> right)) {
                return (Either<org.camunda.feel.FeelEngine.Failure, Object>) (Either<?, ?>) parsed;
            }
            ParsedExpression expression = (ParsedExpression) right.value();
            try {
                EvalContext scope = new EvalContext(valueMapper(), VariableProvider.EmptyVariableProvider$.MODULE$,
                        functions, new EvaluationFailureCollector()).merge(context);
                Val value = interpreter.eval(expression.expression(), scope);
                for (EvaluationFailure failure : CollectionConverters.asJava(scope.failureCollector().failures())) {
                    if (failure.failureType() == EvaluationFailureType.ASSERT_FAILURE$.MODULE$) {
                        return failed("Assertion failure on evaluate the expression '" + expression.text() + "': "
                                + failure.failureMessage());
                    }
                }
                String error = value instanceof ValError e ? e.error() : value instanceof ValFatalError e ? e.error() : null;
                return error != null ? failed("failed to evaluate expression '" + expression.text() + "': " + error)
                        : new Right<>(valueMapper().unpackVal(value));
            } catch (RuntimeException e) {
                return failed("failed to evaluate expression '" + expression.text() + "' : " + e);
            }
        }

        private static Either<org.camunda.feel.FeelEngine.Failure, Object> failed(String message) {
            return new Left<>(new org.camunda.feel.FeelEngine.Failure(message));
        }
    }
}
