package io.caravel.screening;

import java.util.List;
import java.util.Objects;

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
}
