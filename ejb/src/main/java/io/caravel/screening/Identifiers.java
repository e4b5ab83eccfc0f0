package io.caravel.screening;

import java.time.LocalDate;

/**
 * What is known of a screened party besides its name, compared with a listed entry's (see
 * {@link IdentifierCheck}): a person's date of birth (full, or only the year) and nationality.
 *
 * @param dateOfBirth the full date of birth, if known
 * @param birthYear   the year of birth, if only the year is known (ignored when {@code dateOfBirth} is given)
 * @param nationality the nationality as an ISO 3166 alpha-2 code (e.g. {@code DE}), if known
 */
public record Identifiers(LocalDate dateOfBirth, Integer birthYear, String nationality) {

    /** Nothing known besides the name. */
    public static final Identifiers NONE = new Identifiers(null, null, null);

    public Identifiers {
        nationality = nationality == null || nationality.isBlank() ? null : nationality.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Identifiers as a person types them: a date of birth as {@code 1970-01-31} or only the year
     * {@code 1970}, a nationality as an ISO 3166 alpha-2 code; blank is unknown, anything else a
     * validation problem naming the field.
     */
    public static Identifiers parse(String dateOfBirth, String nationality) {
        LocalDate date = null;
        Integer year = null;
        if (dateOfBirth != null && !dateOfBirth.isBlank()) {
            String text = dateOfBirth.trim();
            try {
                if (text.matches("\\d{4}")) {
                    year = Integer.valueOf(text);
                } else {
                    date = LocalDate.parse(text);
                }
            } catch (java.time.format.DateTimeParseException e) {
                throw io.caravel.platform.CaravelException.invalid("dateOfBirth", "error.screening.date-of-birth");
            }
            int born = date != null ? date.getYear() : year;
            if (born < 1850 || born > LocalDate.now().getYear()) {
                throw io.caravel.platform.CaravelException.invalid("dateOfBirth", "error.screening.date-of-birth");
            }
        }
        String country = nationality == null || nationality.isBlank() ? null : nationality.trim().toUpperCase(java.util.Locale.ROOT);
        if (country != null && !java.util.Set.of(java.util.Locale.getISOCountries()).contains(country)) {
            throw io.caravel.platform.CaravelException.invalid("nationality", "error.screening.nationality");
        }
        return new Identifiers(date, year, country);
    }

    /** The year of birth, from the full date or the year alone. */
    public Integer year() {
        return dateOfBirth != null ? Integer.valueOf(dateOfBirth.getYear()) : birthYear;
    }

    public boolean isEmpty() {
        return year() == null && nationality == null;
    }
}
