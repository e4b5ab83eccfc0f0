package io.caravel.platform.web;

import io.caravel.platform.CaravelException.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks a JSON request body against the Java type it is bound to, before JSON-B binds it, and names
 * every field that does not fit with what is allowed: a whole number out of its range (JSON-B would
 * wrap it around), an amount with an absurd exponent, an unknown enum value (with the allowed ones),
 * a null inside a list, a wrong JSON type, a malformed date. Field paths read like
 * {@code parties[0].role}. Business rules stay in Bean Validation and the services.
 */
final class JsonShape {

    /** Amounts and other decimals: at most this many digits before and after the point. */
    static final int MAX_INTEGER_DIGITS = 15;
    static final int MAX_FRACTION_DIGITS = 6;
    private static final int MAX_DEPTH = 16;

    private static final Map<Class<?>, Map<String, Type>> PROPERTIES = new ConcurrentHashMap<>();

    private final List<FieldError> errors = new ArrayList<>();

    private JsonShape() {
    }

    static List<FieldError> check(JsonValue value, Type type) {
        JsonShape shape = new JsonShape();
        shape.value(value, type, "body", 0);
        return shape.errors;
    }

    private void value(JsonValue value, Type type, String path, int depth) {
        Class<?> raw = raw(type);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (raw.isPrimitive()) {
                error(path, "error.json.required");
            }
            return;
        }
        if (depth > MAX_DEPTH) {
            error(path, "error.json.too-deep", MAX_DEPTH);
            return;
        }
        if (raw == Object.class || JsonValue.class.isAssignableFrom(raw)) {
            return;
        }
        if (raw == String.class) {
            expect(value, JsonValue.ValueType.STRING, path, "error.json.text");
        } else if (raw == boolean.class || raw == Boolean.class) {
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                error(path, "error.json.boolean");
            }
        } else if (raw == int.class || raw == Integer.class) {
            whole(value, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else if (raw == long.class || raw == Long.class) {
            whole(value, path, Long.MIN_VALUE, Long.MAX_VALUE);
        } else if (raw == short.class || raw == Short.class) {
            whole(value, path, Short.MIN_VALUE, Short.MAX_VALUE);
        } else if (raw == BigDecimal.class || raw == double.class || raw == Double.class
                || raw == float.class || raw == Float.class) {
            decimal(value, path);
        } else if (raw.isEnum()) {
            enumValue(value, raw, path);
        } else if (raw == LocalDate.class) {
            temporal(value, path, "error.json.date", LocalDate::parse);
        } else if (raw == Instant.class || raw == OffsetDateTime.class) {
            temporal(value, path, "error.json.instant", OffsetDateTime::parse);
        } else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            array(value, elementType(type, raw), path, depth);
        } else if (Map.class.isAssignableFrom(raw)) {
            if (expect(value, JsonValue.ValueType.OBJECT, path, "error.json.object")) {
                Type valueType = typeArgument(type, 1);
                for (Map.Entry<String, JsonValue> entry : value.asJsonObject().entrySet()) {
                    value(entry.getValue(), valueType, path + "." + entry.getKey(), depth + 1);
                }
            }
        } else if (expect(value, JsonValue.ValueType.OBJECT, path, "error.json.object")) {
            JsonObject object = value.asJsonObject();
            for (Map.Entry<String, Type> property : properties(raw).entrySet()) {
                if (object.containsKey(property.getKey())) {
                    String field = "body".equals(path) ? property.getKey() : path + "." + property.getKey();
                    value(object.get(property.getKey()), property.getValue(), field, depth + 1);
                }
            }
        }
    }

    private void array(JsonValue value, Type elementType, String path, int depth) {
        if (!expect(value, JsonValue.ValueType.ARRAY, path, "error.json.array")) {
            return;
        }
        JsonArray array = value.asJsonArray();
        for (int i = 0; i < array.size(); i++) {
            String element = path + "[" + i + "]";
            if (array.isNull(i)) {
                error(element, "error.json.null-element");
            } else {
                value(array.get(i), elementType, element, depth + 1);
            }
        }
    }

    private void whole(JsonValue value, String path, long min, long max) {
        BigDecimal number = number(value);
        if (number == null || !isWhole(number)) {
            error(path, "error.json.whole-number", String.valueOf(min), String.valueOf(max));
            return;
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            error(path, "error.json.whole-number", String.valueOf(min), String.valueOf(max));
        }
    }

    private void decimal(JsonValue value, String path) {
        BigDecimal number = number(value);
        if (number == null) {
            error(path, "error.json.number", MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS);
            return;
        }
        // long arithmetic: 1e2147483647 has scale -2147483647
        long integerDigits = (long) number.precision() - number.scale();
        if (integerDigits > MAX_INTEGER_DIGITS || number.scale() > MAX_FRACTION_DIGITS
                && number.stripTrailingZeros().scale() > MAX_FRACTION_DIGITS) {
            error(path, "error.json.number", MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS);
        }
    }

    private void enumValue(JsonValue value, Class<?> type, String path) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", "));
        if (!(value instanceof JsonString text)
                || Arrays.stream(type.getEnumConstants()).noneMatch(c -> ((Enum<?>) c).name().equals(text.getString()))) {
            error(path, "error.json.enum", shortText(value), allowed);
        }
    }

    private void temporal(JsonValue value, String path, String key, java.util.function.Function<String, ?> parser) {
        if (!(value instanceof JsonString text)) {
            error(path, key);
            return;
        }
        try {
            parser.apply(text.getString());
        } catch (DateTimeParseException e) {
            error(path, key);
        }
    }

    private boolean expect(JsonValue value, JsonValue.ValueType type, String path, String key) {
        if (value.getValueType() != type) {
            error(path, key);
            return false;
        }
        return true;
    }

    private void error(String path, String key, Object... arguments) {
        errors.add(new FieldError(path, key, arguments));
    }

    private static BigDecimal number(JsonValue value) {
        return value instanceof JsonNumber number ? number.bigDecimalValue() : null;
    }

    private static boolean isWhole(BigDecimal number) {
        if (number.scale() <= 0) {
            return true;
        }
        // 5.0 is whole; a huge scale is not (and stripping it would be slow)
        return number.scale() <= 64 && number.stripTrailingZeros().scale() <= 0;
    }

    private static String shortText(JsonValue value) {
        String text = value instanceof JsonString s ? s.getString() : value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** The JSON properties of a bound class: record components, or fields (as JSON-B names them). */
    private static Map<String, Type> properties(Class<?> type) {
        return PROPERTIES.computeIfAbsent(type, t -> {
            Map<String, Type> properties = new LinkedHashMap<>();
            if (t.isRecord()) {
                for (RecordComponent component : t.getRecordComponents()) {
                    JsonbProperty name = component.getAccessor().getAnnotation(JsonbProperty.class);
                    properties.put(name != null ? name.value() : component.getName(), component.getGenericType());
                }
                return properties;
            }
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)
                            || field.isAnnotationPresent(JsonbTransient.class) || field.isSynthetic()) {
                        continue;
                    }
                    JsonbProperty name = field.getAnnotation(JsonbProperty.class);
                    properties.putIfAbsent(name != null ? name.value() : field.getName(), field.getGenericType());
                }
            }
            return properties;
        });
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        return Object.class;
    }

    private static Type elementType(Type type, Class<?> raw) {
        return raw.isArray() ? raw.getComponentType() : typeArgument(type, 0);
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
