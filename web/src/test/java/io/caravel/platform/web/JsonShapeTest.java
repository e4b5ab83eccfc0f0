package io.caravel.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.caravel.platform.CaravelException.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonShapeTest {

    enum Colour { RED, GREEN }

    public static class Line {
        private String sku;
        private int quantity;
    }

    public static class Order {
        private String name;
        private Integer count;
        private long total;
        private BigDecimal price;
        private boolean gift;
        private Colour colour;
        private LocalDate delivery;
        private List<Line> lines;
        private Set<Colour> colours;
        private Map<String, Integer> extras;
        private static String ignored;
    }

    record Pair(String left, int right) {
    }

    @Test
    void aBodyThatFitsHasNoErrors() {
        assertThat(check("{\"name\":\"n\",\"count\":3,\"total\":9000000000,\"price\":19.99,\"gift\":true,\"colour\":\"RED\","
                + "\"delivery\":\"2026-12-01\",\"lines\":[{\"sku\":\"a\",\"quantity\":2}],\"colours\":[\"GREEN\"],"
                + "\"extras\":{\"x\":1},\"unknown\":[1,2]}", Order.class)).isEmpty();
        assertThat(check("{\"count\":5.0,\"price\":null,\"lines\":[]}", Order.class)).isEmpty();
        assertThat(check("{\"left\":\"l\",\"right\":1}", Pair.class)).isEmpty();
    }

    @Test
    void wholeNumbersOutOfRangeAreRefusedInsteadOfWrappingAround() {
        assertThat(check("{\"count\":-4294967286}", Order.class)).extracting(FieldError::field, FieldError::messageKey)
                .containsExactly(tuple("count", "error.json.whole-number"));
        assertThat(check("{\"count\":4294968296,\"total\":1e19,\"right\":1}", Order.class)).extracting(FieldError::field)
                .containsExactly("count", "total");
        assertThat(check("{\"count\":1.5}", Order.class)).extracting(FieldError::field).containsExactly("count");
        assertThat(check("{\"count\":\"3\"}", Order.class)).extracting(FieldError::field).containsExactly("count");
        assertThat(check("{\"right\":1e400}", Pair.class)).extracting(FieldError::field).containsExactly("right");
    }

    @Test
    void amountsWithAbsurdExponentsAreRefused() {
        assertThat(check("{\"price\":1e2147483647}", Order.class)).extracting(FieldError::field).containsExactly("price");
        assertThat(check("{\"price\":1e-2147483647}", Order.class)).extracting(FieldError::field).containsExactly("price");
        assertThat(check("{\"price\":1234567890123456}", Order.class)).extracting(FieldError::field).containsExactly("price");
        assertThat(check("{\"price\":123456789012345.123456}", Order.class)).isEmpty();
        assertThat(check("{\"price\":1.50000000000}", Order.class)).isEmpty();
    }

    @Test
    void unknownEnumValuesNameTheAllowedOnesAndNoJavaClass() {
        List<FieldError> errors = check("{\"colour\":\"BLUE\",\"colours\":[\"RED\",\"io.caravel.X\"]}", Order.class);
        assertThat(errors).extracting(FieldError::field).containsExactly("colour", "colours[1]");
        assertThat(errors.get(0).messageKey()).isEqualTo("error.json.enum");
        assertThat(errors.get(0).arguments()).containsExactly("BLUE", "RED, GREEN");
    }

    @Test
    void nullsInsideListsAndWrongJsonTypesAreNamedByPath() {
        assertThat(check("{\"lines\":[null,{\"quantity\":null}],\"colours\":[null]}", Order.class))
                .extracting(FieldError::field, FieldError::messageKey)
                .containsExactly(tuple("lines[0]", "error.json.null-element"),
                        tuple("lines[1].quantity", "error.json.required"),
                        tuple("colours[0]", "error.json.null-element"));
        assertThat(check("{\"name\":{},\"gift\":\"yes\",\"lines\":{},\"extras\":[],\"delivery\":\"1.12.2026\"}", Order.class))
                .extracting(FieldError::field).containsExactly("name", "gift", "delivery", "lines", "extras");
        assertThat(check("[1]", Order.class)).extracting(FieldError::field).containsExactly("body");
        assertThat(check("{\"extras\":{\"a\":\"b\"}}", Order.class)).extracting(FieldError::field).containsExactly("extras.a");
    }

    private static List<FieldError> check(String json, Class<?> type) {
        JsonValue value = Json.createReader(new StringReader(json)).readValue();
        return JsonShape.check(value, type);
    }

}
