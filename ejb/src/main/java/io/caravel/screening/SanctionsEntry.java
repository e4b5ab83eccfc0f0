package io.caravel.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of a sanctions list: the listed party with its names, programs and countries.
 *
 * @param entNum         the list's own identifier of the entry (OFAC {@code ent_num})
 * @param primaryName    the name the entry is listed under, as written on the list
 *                       (individuals as "LAST, First Middle")
 * @param type           individual, entity, vessel or aircraft
 * @param programs       the sanctions programs, e.g. {@code SDGT}, {@code IRAN}
 * @param alternateNames the a.k.a., f.k.a. and n.k.a. names
 * @param countries      the distinct countries of the listed addresses, in list order
 * @param remarks        the list's remarks (dates of birth, identity documents, ...), empty when none
 */
public record SanctionsEntry(long entNum, String primaryName, PartyType type, List<String> programs,
                             List<String> alternateNames, List<String> countries, String remarks) {

    public SanctionsEntry {
        Objects.requireNonNull(primaryName, "primaryName");
        Objects.requireNonNull(type, "type");
        programs = List.copyOf(programs);
        alternateNames = List.copyOf(alternateNames);
        countries = List.copyOf(countries);
        remarks = remarks == null ? "" : remarks;
    }

    /**
     * A digest of everything the entry says (names, type, programs, countries, remarks): the same for
     * the same entry in two releases, different once anything of it changed. A cleared hit is
     * remembered against it, so a changed entry alerts again.
     */
    public String fingerprint() {
        return SanctionsList.digest(toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 32);
    }

    private static final Pattern DOB = Pattern.compile("\\b(?:alt\\. )?DOB ([^;]+?)\\s*(?:;|\\.$|$)");
    private static final Pattern NATIONALITY = Pattern.compile("\\b(?:nationality|citizen) ([^;]+?)\\s*(?:;|\\.$|$)");

    /** The dates of birth the remarks give ("DOB 10 Dec 1948", "alt. DOB 1950"), as written. */
    public List<String> datesOfBirth() {
        return all(DOB);
    }

    /** The nationalities and citizenships the remarks give, as written. */
    public List<String> nationalities() {
        return all(NATIONALITY);
    }

    private List<String> all(Pattern pattern) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(remarks);
        while (matcher.find()) {
            if (!found.contains(matcher.group(1))) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }
}
