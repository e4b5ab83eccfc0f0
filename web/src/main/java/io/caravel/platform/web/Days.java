package io.caravel.platform.web;

import io.caravel.platform.CaravelException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A day a person or client types (YYYY-MM-DD), within years any report or run can mean; anything else a 400 naming the field. */
public final class Days {

    private Days() {
    }

    public static LocalDate parse(String field, String text) {
        return parse(field, text, "error.risk.day");
    }

    public static LocalDate parse(String field, String text, String messageKey) {
        try {
            LocalDate day = LocalDate.parse(text.trim());
            if (day.getYear() >= 2000 && day.getYear() <= 2200) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // below
        }
        throw CaravelException.invalid(field, messageKey);
    }
}
