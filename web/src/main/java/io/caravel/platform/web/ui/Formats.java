package io.caravel.platform.web.ui;

import io.caravel.audit.AuditEntry;
import io.caravel.audit.Detail;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Currency;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * How pages show what people read (as {@code fmt} in EL): times in the reader's time zone and
 * language ("25 Nov 2026, 14:05 CET"), how long until or since a moment ("due in 2 days", "overdue
 * by 3 hours"), money with its currency and its minor units, and stable codes (reasons, checks,
 * statuses) in words. The browser tells its time zone in a cookie (set by caravel.js); until it
 * has, times are in UTC and say so.
 */
@Named("fmt")
@RequestScoped
public class Formats {

    static final String TIME_ZONE_COOKIE = "caravel-tz";

    @Inject
    private LocaleBean locale;

    private ZoneId zone;

    /** A moment in the reader's zone, with the zone named. */
    public String time(Instant at) {
        return zoned(at, FormatStyle.SHORT);
    }

    /** A moment to the second in the reader's zone, with the zone named: for what happens within minutes (a retry). */
    public String moment(Instant at) {
        return zoned(at, FormatStyle.MEDIUM);
    }

    private String zoned(Instant at, FormatStyle timeStyle) {
        if (at == null) {
            return "";
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, timeStyle)
                .withLocale(locale.getLocale()).withZone(zone());
        return format.format(at) + " " + zone().getDisplayName(TextStyle.SHORT, locale.getLocale());
    }

    /** "in 2 days" or "3 hours ago". */
    public String relative(Instant at) {
        if (at == null) {
            return "";
        }
        Duration left = Duration.between(Instant.now(), at);
        return text(left.isNegative() ? "time.ago" : "time.in", span(left.abs()));
    }

    /** "due in 2 days" or "overdue by 3 hours". */
    public String due(Instant at) {
        if (at == null) {
            return "";
        }
        Duration left = Duration.between(Instant.now(), at);
        return text(left.isNegative() ? "time.overdueBy" : "time.dueIn", span(left.abs()));
    }

    public boolean overdue(Instant at) {
        return at != null && at.isBefore(Instant.now());
    }

    /** A share as a percentage in the page's language: 0.0525 → "5.25%". */
    public String percent(BigDecimal fraction) {
        if (fraction == null) {
            return "";
        }
        NumberFormat number = NumberFormat.getPercentInstance(locale.getLocale());
        number.setMaximumFractionDigits(2);
        return number.format(fraction);
    }

    /** An amount with its currency, in the currency's minor units: "1,299.00 EUR". */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        int digits = 2;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException e) {
            // an unknown code still shows two decimals
        }
        NumberFormat number = NumberFormat.getNumberInstance(locale.getLocale());
        number.setMinimumFractionDigits(digits);
        number.setMaximumFractionDigits(digits);
        return number.format(amount.setScale(digits, RoundingMode.HALF_EVEN)) + (currency == null ? "" : " " + currency);
    }

    /**
     * A stable code in words, from the page bundle's {@code kind.CODE} entry (e.g. reason.SANCTIONS_HIT),
     * or the code itself made readable ("PRICE_ANOMALY" → "Price anomaly") when the bundle has none.
     */
    public String label(String kind, Object code) {
        if (code == null || code.toString().isBlank()) {
            return "";
        }
        String key = kind + "." + code;
        try {
            return bundle().getString(key);
        } catch (MissingResourceException e) {
            String words = code.toString().replace('_', ' ').toLowerCase(Locale.ROOT);
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
    }

    /**
     * An audit line's detail in the reader's language: its parts ({@code history.detail.KEY}) with codes in words,
     * joined by " · "; a line recorded without words shows its detail as it was written.
     */
    public String detail(AuditEntry entry) {
        Detail words = entry.words();
        if (words == null) {
            return entry.detail() == null ? "" : entry.detail();
        }
        return words.parts().stream().map(this::part).filter(text -> !text.isBlank()).collect(Collectors.joining(" · "));
    }

    private String part(Detail.Part part) {
        String separator = bundle().getString("list.separator");
        Object[] arguments = part.args().stream().map(arg -> argument(arg, separator)).toArray();
        String key = "history.detail." + part.key();
        return bundle().containsKey(key) ? text(key, arguments)
                : Arrays.stream(arguments).map(String::valueOf).collect(Collectors.joining(" "));
    }

    private String argument(Detail.Arg arg, String separator) {
        if (arg.kind() == null || arg.values().isEmpty()) {
            return String.join(separator, arg.values());
        }
        return switch (arg.kind()) {
            case Detail.TIME -> time(Instant.parse(arg.values().get(0)));
            case Detail.SPAN -> span(arg.values().get(0));
            case Detail.MONEY -> money(new BigDecimal(arg.values().get(0)), arg.values().get(1));
            default -> arg.values().stream().map(code -> label(arg.kind(), code)).collect(Collectors.joining(separator));
        };
    }

    /** Who acted: a person's user name as it is, the workflow and the platform in words. */
    public String actor(String name) {
        if (name == null) {
            return "";
        }
        return bundle().containsKey("actor." + name) ? bundle().getString("actor." + name) : name;
    }

    /** A span written as ISO-8601 in words ("P3D": "3 days"); one in months or years as written. */
    private String span(String iso) {
        try {
            return span(Duration.parse(iso));
        } catch (DateTimeParseException calendar) {
            return iso;
        }
    }

    /** How long a span is, in the largest unit that fits: "2 days", "5 hours", "12 minutes". */
    String span(Duration span) {
        if (span.toDays() >= 1) {
            return text("time.days", span.toDays());
        }
        if (span.toHours() >= 1) {
            return text("time.hours", span.toHours());
        }
        return text("time.minutes", Math.max(1, span.toMinutes()));
    }

    private String text(String key, Object... arguments) {
        return new MessageFormat(bundle().getString(key), locale.getLocale()).format(arguments);
    }

    private ResourceBundle bundle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg");
    }

    /** The reader's time zone, from the browser's cookie; UTC until the browser has told it. */
    ZoneId zone() {
        if (zone == null) {
            zone = ZoneOffset.UTC;
            FacesContext faces = FacesContext.getCurrentInstance();
            Object cookie = faces == null ? null : faces.getExternalContext().getRequestCookieMap().get(TIME_ZONE_COOKIE);
            if (cookie instanceof Cookie c && c.getValue() != null) {
                try {
                    zone = ZoneId.of(java.net.URLDecoder.decode(c.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                } catch (DateTimeException e) {
                    // a forged or unknown zone: keep UTC
                }
            }
        }
        return zone;
    }
}
