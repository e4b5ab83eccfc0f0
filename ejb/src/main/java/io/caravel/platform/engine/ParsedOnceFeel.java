package io.caravel.platform.engine;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.feel.context.Context;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * The decision tables' FEEL as Camunda's Scala FEEL engine evaluates it, each expression parsed once: the engine
 * parses an input entry at every evaluation (a recording put half of a risk assessment's time in the parser).
 * A parsed expression is an immutable syntax tree, so one serves every thread; the decisions' expressions are a
 * fixed set, and the cache is bounded all the same.
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

    /** The engine {@link ScalaFeelEngine} builds (no external functions), with the parsed expressions kept. */
    private static final class Engine extends org.camunda.feel.FeelEngine {
        private final Cache<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> unaryTests =
                Caffeine.newBuilder().maximumSize(EXPRESSIONS).build();
        private final Cache<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> expressions =
                Caffeine.newBuilder().maximumSize(EXPRESSIONS).build();

        Engine(CustomFunctionTransformer functions, ValueMapper values) {
            super(functions, values, new org.camunda.feel.FeelEngine.Configuration(false),
                    org.camunda.feel.FeelEngine.defaultClock());
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

        @SuppressWarnings("unchecked")
        private Either<org.camunda.feel.FeelEngine.Failure, Object> evaluate(
                Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> parsed, Context context) {
            return parsed instanceof Right<?, ?> right ? eval((ParsedExpression) right.value(), context)
                    : (Either<org.camunda.feel.FeelEngine.Failure, Object>) (Either<?, ?>) parsed;
        }
    }
}
