package io.caravel.screening;

import java.util.List;
import java.util.Objects;

/**
 * A sanctions list entry whose name is similar enough to a screened name to need a human decision.
 *
 * @param list        the list the entry is on
 * @param entNum      the matched entry's identifier on the list
 * @param listedName  the entry's primary name
 * @param matchedName the name of the entry that matched best: the primary or an alternate name
 * @param alternate   whether {@code matchedName} is an alternate (a.k.a./f.k.a./n.k.a.) name
 * @param score       similarity from 0 (nothing in common) to 1 (same name after normalization),
 *                    rounded to 3 decimals
 * @param partyType   the entry's type
 * @param programs    the entry's sanctions programs
 * @param listVersion {@link SanctionsList#version()} of the list that was screened against
 */
public record ScreeningHit(ListSource list, long entNum, String listedName, String matchedName, boolean alternate, double score,
                           PartyType partyType, List<String> programs, String listVersion) {

    public ScreeningHit {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(listedName, "listedName");
        Objects.requireNonNull(matchedName, "matchedName");
        Objects.requireNonNull(partyType, "partyType");
        Objects.requireNonNull(listVersion, "listVersion");
        programs = List.copyOf(programs);
    }
}
