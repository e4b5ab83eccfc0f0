package io.caravel.audit;

import io.caravel.platform.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An audit line's detail as words to be written in the reader's language: parts, each a message key
 * ({@code history.detail.KEY} in the page bundle) with its arguments, either text as it was written
 * (a name, a note) or codes shown by their labels ({@code kind.CODE}: document, risk, reason,
 * decision, task). The entry keeps its English detail beside it as evidence and for the API.
 */
public record Detail(List<Part> parts) {

    /** The kinds of argument that are not codes: a moment, a span of time (ISO-8601) and money (amount, currency). */
    public static final String TIME = "time";
    public static final String SPAN = "span";
    public static final String MONEY = "money";

    /** Nothing to add in words: the line's action says it all (its English detail stays as evidence). */
    public static final Detail NONE = new Detail(List.of());

    public Detail {
        parts = List.copyOf(parts);
    }

    /** A detail of one part. */
    public static Detail of(String key, Arg... args) {
        return new Detail(List.of(new Part(key, List.of(args))));
    }

    /**
     * This detail with one more part (shown after the others); a part with nothing to say (a blank text or no codes
     * as an argument) is left out.
     */
    public Detail and(String key, Arg... args) {
        for (Arg arg : args) {
            if (arg.values().isEmpty() || arg.kind() == null && arg.values().get(0).isBlank()) {
                return this;
            }
        }
        return andIf(true, key, args);
    }

    /** This detail with one more part when the condition holds. */
    public Detail andIf(boolean condition, String key, Arg... args) {
        if (!condition) {
            return this;
        }
        List<Part> more = new ArrayList<>(parts);
        more.add(new Part(key, List.of(args)));
        return new Detail(more);
    }

    /** One part: the message key and its arguments, in the order of the message's placeholders. */
    public record Part(String key, List<Arg> args) {
        public Part {
            args = List.copyOf(args);
        }
    }

    /**
     * An argument: text as written ({@code kind} null, one value), a moment, a span or money (kinds {@link #TIME},
     * {@link #SPAN}, {@link #MONEY}), or codes of one kind, shown by their labels.
     */
    public record Arg(String kind, List<String> values) {

        public Arg {
            values = List.copyOf(values);
        }

        public static Arg text(Object text) {
            return new Arg(null, List.of(text == null ? "" : text.toString()));
        }

        public static Arg code(String kind, Object code) {
            return new Arg(kind, code == null ? List.of() : List.of(code.toString()));
        }

        public static Arg codes(String kind, Collection<?> codes) {
            return new Arg(kind, codes.stream().map(Object::toString).toList());
        }

        /** A moment, shown in the reader's time zone and language. */
        public static Arg time(Instant at) {
            return new Arg(TIME, at == null ? List.of() : List.of(at.toString()));
        }

        /** A span of time as ISO-8601 (PT48H, P3D), shown in the largest unit that fits ("2 days"). */
        public static Arg span(String iso) {
            return new Arg(SPAN, iso == null ? List.of() : List.of(iso));
        }

        /** An amount with its currency, shown in the reader's number format. */
        public static Arg money(BigDecimal amount, String currency) {
            return new Arg(MONEY, amount == null ? List.of() : List.of(amount.toPlainString(), currency));
        }
    }

    /**
     * The detail as stored, compact because every audit row carries it: an array of parts, each
     * {@code ["KEY", [kind, value...], ...]} with {@code null} as the kind of text, e.g.
     * {@code [["RISK_ASSESSED",["risk","MEDIUM"],["reason","FOOD"]]]}.
     */
    String toJson() {
        JsonArrayBuilder all = JsonP.PROVIDER.createArrayBuilder();
        for (Part part : parts) {
            JsonArrayBuilder stored = JsonP.PROVIDER.createArrayBuilder().add(part.key());
            for (Arg arg : part.args()) {
                JsonArrayBuilder values = JsonP.PROVIDER.createArrayBuilder();
                if (arg.kind() == null) {
                    values.addNull();
                } else {
                    values.add(arg.kind());
                }
                arg.values().forEach(values::add);
                stored.add(values);
            }
            all.add(stored);
        }
        return all.build().toString();
    }

    /** The detail read back; null for none or for text that is not a stored detail. */
    static Detail fromJson(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try (var reader = JsonP.PROVIDER.createReader(new StringReader(json))) {
            List<Part> parts = new ArrayList<>();
            for (JsonValue value : reader.readArray()) {
                JsonArray part = value.asJsonArray();
                List<Arg> args = new ArrayList<>();
                for (JsonValue a : part.subList(1, part.size())) {
                    JsonArray arg = a.asJsonArray();
                    args.add(new Arg(arg.isNull(0) ? null : arg.getString(0),
                            arg.subList(1, arg.size()).stream().map(v -> ((JsonString) v).getString()).toList()));
                }
                parts.add(new Part(part.getString(0), args));
            }
            return new Detail(parts);
        } catch (JsonException | ClassCastException | NullPointerException | IndexOutOfBoundsException
                 | IllegalArgumentException e) {
            return null;
        }
    }
}
