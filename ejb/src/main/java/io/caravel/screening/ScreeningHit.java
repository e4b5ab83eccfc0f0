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
 * @param score       similarity of the names from 0 (nothing in common) to 1 (same name after
 *                    normalization), rounded to 3 decimals
 * @param partyType   the entry's type
 * @param programs    the entry's sanctions programs
 * @param listVersion {@link SanctionsList#version()} of the list that was screened against
 * @param finalScore  the score after the party's date of birth and nationality were compared with the
 *                    entry's (the name score when nothing could be compared), 0..1
 * @param adjustments what raised or lowered the score, and why
 * @param discounted  whether the adjustments took the hit below the threshold: reported, not alerted on
 * @param explanation why the names matched: their forms and word pairs (null where not known)
 */
public record ScreeningHit(ListSource list, long entNum, String listedName, String matchedName, boolean alternate, double score,
                           PartyType partyType, List<String> programs, String listVersion, double finalScore,
                           List<IdentifierCheck.Adjustment> adjustments, boolean discounted, Explanation explanation) {

    public ScreeningHit {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(listedName, "listedName");
        Objects.requireNonNull(matchedName, "matchedName");
        Objects.requireNonNull(partyType, "partyType");
        Objects.requireNonNull(listVersion, "listVersion");
        programs = List.copyOf(programs);
        adjustments = List.copyOf(adjustments);
    }

    /** A hit on the name alone. */
    public ScreeningHit(ListSource list, long entNum, String listedName, String matchedName, boolean alternate, double score,
                        PartyType partyType, List<String> programs, String listVersion, Explanation explanation) {
        this(list, entNum, listedName, matchedName, alternate, score, partyType, programs, listVersion, score, List.of(), false,
                explanation);
    }

    /** This hit with the adjustments a party's identifiers make, judged against the threshold. */
    public ScreeningHit adjusted(List<IdentifierCheck.Adjustment> changes, double threshold) {
        double adjusted = score;
        for (IdentifierCheck.Adjustment change : changes) {
            adjusted += change.delta();
        }
        adjusted = NameScreener.round(Math.max(0, Math.min(1, adjusted)));
        return new ScreeningHit(list, entNum, listedName, matchedName, alternate, score, partyType, programs, listVersion,
                adjusted, changes, adjusted < threshold, explanation);
    }
}
