package io.caravel.screening;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a screened person's date of birth and nationality with a listed entry's, as the list writes
 * them ("DOB 10 Dec 1948", "alt. DOB 1950", "DOB 1968 to 1970", "circa 1971"; "nationality Iraq"), and says
 * what that does to the hit's score:
 * <ul>
 *   <li>the same full date of birth {@value #DOB_SAME} more, the same year (±1 where the list says
 *       "circa" or gives only a year) {@value #DOB_YEAR} more; a year more than
 *       {@value #DOB_TOLERANCE} away from every listed one {@value #DOB_OTHER} less;</li>
 *   <li>the same nationality {@value #NATIONALITY_SAME} more; another one than every listed one
 *       {@value #NATIONALITY_OTHER} less.</li>
 * </ul>
 * Where either side does not know a date or nationality nothing changes. A date of birth is a hard
 * identifier: a hit it discounts below the threshold is still reported, with the reason.
 */
public final class IdentifierCheck {

    static final double DOB_SAME = 0.05;
    static final double DOB_YEAR = 0.03;
    static final double DOB_OTHER = -0.15;
    static final int DOB_TOLERANCE = 1;
    static final double NATIONALITY_SAME = 0.02;
    static final double NATIONALITY_OTHER = -0.05;

    private static final Pattern YEAR = Pattern.compile("\\b(1[89]\\d\\d|20\\d\\d)\\b");
    private static final Pattern RANGE = Pattern.compile("\\b(1[89]\\d\\d|20\\d\\d)\\s*(?:to|-|–)\\s*(1[89]\\d\\d|20\\d\\d)\\b");
    private static final List<DateTimeFormatter> FULL_DATES = List.of(
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH), DateTimeFormatter.ISO_LOCAL_DATE);
    private static final Map<String, String> COUNTRIES = countries();

    private IdentifierCheck() {
    }

    /** One change to a hit's score and why, e.g. {@code DOB_OTHER -0.15 "1970 / 1948"}. */
    public record Adjustment(String code, double delta, String detail) {

        /** Adjustments as one text to store ("CODE|delta|detail" per line), null for none. */
        public static String format(List<Adjustment> adjustments) {
            if (adjustments.isEmpty()) {
                return null;
            }
            String text = String.join("\n", adjustments.stream()
                    .map(a -> a.code() + "|" + a.delta() + "|" + a.detail().replace('\n', ' ')).toList());
            return text.length() > 1000 ? text.substring(0, 1000) : text;
        }

        /** The adjustments {@link #format} wrote. */
        public static List<Adjustment> parse(String text) {
            List<Adjustment> adjustments = new ArrayList<>();
            if (text != null) {
                for (String line : text.split("\n")) {
                    String[] parts = line.split("\\|", 3);
                    if (parts.length == 3) {
                        adjustments.add(new Adjustment(parts[0], Double.parseDouble(parts[1]), parts[2]));
                    }
                }
            }
            return adjustments;
        }
    }

    /** The adjustments a party's identifiers make to a hit on this entry; empty when nothing can be compared. */
    public static List<Adjustment> adjustments(Identifiers party, SanctionsEntry entry) {
        List<Adjustment> adjustments = new ArrayList<>();
        if (party == null || party.isEmpty() || entry.type() != PartyType.INDIVIDUAL) {
            return adjustments;
        }
        Integer year = party.year();
        List<String> births = entry.datesOfBirth();
        if (year != null && !births.isEmpty()) {
            String listed = String.join("; ", births);
            if (party.dateOfBirth() != null && births.stream().map(IdentifierCheck::fullDate).anyMatch(party.dateOfBirth()::equals)) {
                adjustments.add(new Adjustment("DOB_SAME", DOB_SAME, party.dateOfBirth() + " / " + listed));
            } else {
                Set<Integer> years = years(births);
                if (years.contains(year)) {
                    adjustments.add(new Adjustment("DOB_YEAR", DOB_YEAR, year + " / " + listed));
                } else if (!years.isEmpty() && years.stream().allMatch(y -> Math.abs(y - year) > DOB_TOLERANCE)) {
                    adjustments.add(new Adjustment("DOB_OTHER", DOB_OTHER, year + " / " + listed));
                }
            }
        }
        if (party.nationality() != null && !entry.nationalities().isEmpty()) {
            Set<String> listed = new LinkedHashSet<>();
            entry.nationalities().forEach(n -> {
                String code = country(n);
                if (code != null) {
                    listed.add(code);
                }
            });
            if (listed.contains(party.nationality())) {
                adjustments.add(new Adjustment("NATIONALITY_SAME", NATIONALITY_SAME, party.nationality()));
            } else if (!listed.isEmpty()) {
                adjustments.add(new Adjustment("NATIONALITY_OTHER", NATIONALITY_OTHER,
                        party.nationality() + " / " + String.join(", ", entry.nationalities())));
            }
        }
        return adjustments;
    }

    /** The years a list's dates of birth cover: each year written, every year of a range, ±1 around "circa". */
    static Set<Integer> years(List<String> births) {
        Set<Integer> years = new LinkedHashSet<>();
        for (String birth : births) {
            Matcher range = RANGE.matcher(birth);
            if (range.find()) {
                for (int y = Integer.parseInt(range.group(1)); y <= Integer.parseInt(range.group(2)); y++) {
                    years.add(y);
                }
                continue;
            }
            Matcher year = YEAR.matcher(birth);
            while (year.find()) {
                int y = Integer.parseInt(year.group(1));
                years.add(y);
                if (birth.toLowerCase(Locale.ROOT).contains("circa")) {
                    years.add(y - 1);
                    years.add(y + 1);
                }
            }
        }
        return years;
    }

    /** A full date as the list writes it ("10 Dec 1948", "1948-12-10"), null for a year or a range. */
    static LocalDate fullDate(String birth) {
        String text = birth.trim();
        for (DateTimeFormatter format : FULL_DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next layout
            }
        }
        return null;
    }

    /** The ISO code of a country as lists name it ("Iraq", "Korea, North", "Russia"), null when unknown. */
    static String country(String name) {
        return COUNTRIES.get(key(name));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    private static Map<String, String> countries() {
        Map<String, String> map = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            map.put(key(new Locale("", code).getDisplayCountry(Locale.ENGLISH)), code);
            map.put(key(code), code);
        }
        String[][] aliases = {
                {"Korea, North", "KP"}, {"North Korea", "KP"}, {"Democratic People's Republic of Korea", "KP"},
                {"Korea, South", "KR"}, {"Republic of Korea", "KR"}, {"Russia", "RU"}, {"Russian Federation", "RU"},
                {"Iran", "IR"}, {"Iran (Islamic Republic of)", "IR"}, {"Syria", "SY"}, {"Syrian Arab Republic", "SY"},
                {"Democratic Republic of the Congo", "CD"}, {"Congo, Democratic Republic of the", "CD"},
                {"Republic of the Congo", "CG"}, {"Venezuela", "VE"}, {"Bolivia", "BO"}, {"Tanzania", "TZ"},
                {"United Republic of Tanzania", "TZ"}, {"Viet Nam", "VN"}, {"Vietnam", "VN"}, {"Laos", "LA"},
                {"Lao People's Democratic Republic", "LA"}, {"Burma", "MM"}, {"Myanmar", "MM"}, {"Libya", "LY"},
                {"Palestinian", "PS"}, {"Palestine", "PS"}, {"West Bank", "PS"}, {"Gaza", "PS"}, {"Turkey", "TR"},
                {"Turkiye", "TR"}, {"Türkiye", "TR"}, {"United States", "US"}, {"United Kingdom", "GB"},
                {"Moldova", "MD"}, {"Republic of Moldova", "MD"}, {"Macedonia", "MK"}, {"North Macedonia", "MK"},
                {"Cote d'Ivoire", "CI"}, {"Ivory Coast", "CI"}, {"Sudan", "SD"}, {"South Sudan", "SS"},
                {"Kosovo", "XK"}, {"Taiwan", "TW"}, {"Brunei", "BN"}, {"Cape Verde", "CV"}, {"Swaziland", "SZ"},
                {"Eswatini", "SZ"}, {"Czech Republic", "CZ"}, {"Czechia", "CZ"}, {"Bosnia and Herzegovina", "BA"},
                {"Saint Kitts and Nevis", "KN"}, {"Micronesia", "FM"}, {"Vatican", "VA"}};
        for (String[] alias : aliases) {
            map.put(key(alias[0]), alias[1]);
        }
        return Map.copyOf(map);
    }
}
