package io.caravel.screening;

import java.util.List;

/** The form of a name a hit was found in, on either side: as written, or one of the forms screening also compares. */
public enum NameForm {
    /** The name's words as written (accents, case, punctuation and legal forms aside). */
    WRITTEN,
    /** Particles joined to the next word: "Al Zawahiri" as "alzawahiri". */
    PARTICLES_JOINED,
    /** Short given-name parts joined: "Jong Un" as "jongun". */
    SYLLABLES_JOINED,
    /** A person's name without the middle names: "BOUT, Viktor Anatolijevitch" as "bout viktor". */
    WITHOUT_MIDDLE_NAMES,
    /** A name in another script in Latin letters: "Виктор Бут" as "viktor but". */
    TRANSLITERATED;

    /** Which form {@code form} is of a name whose written words are {@code written}. */
    static NameForm of(List<String> written, List<String> form) {
        if (form.equals(written)) {
            return WRITTEN;
        }
        if (!written.isEmpty() && form.stream().allMatch(w -> w.chars().allMatch(c -> c < 128))
                && written.stream().anyMatch(w -> w.chars().anyMatch(c -> c >= 128 && Character.isLetter(c)))) {
            return TRANSLITERATED;
        }
        if (form.size() < written.size() && written.containsAll(form)) {
            return WITHOUT_MIDDLE_NAMES;
        }
        return NameNormalizer.spellings(written).contains(form) ? PARTICLES_JOINED : SYLLABLES_JOINED;
    }
}
