package io.caravel.screening;

import java.util.Locale;

/** The kind of party a sanctions list entry, or a screened name, describes. */
public enum PartyType {
    /** A natural person. */
    INDIVIDUAL,
    /** A company, organisation, government body or any other legal person. */
    ENTITY,
    /** A ship, listed under its name (the IMO number is in the remarks). */
    VESSEL,
    /** An aircraft, listed under its registration or name. */
    AIRCRAFT;

    /**
     * Maps the OFAC {@code SDN_Type} column: {@code individual}, {@code vessel}, {@code aircraft}, and
     * {@code -0-} (empty) for entities.
     *
     * @throws IllegalArgumentException for any other value
     */
    static PartyType fromOfac(String sdnType) {
        String value = sdnType == null ? "" : sdnType.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "individual":
                return INDIVIDUAL;
            case "vessel":
                return VESSEL;
            case "aircraft":
                return AIRCRAFT;
            case "":
            case "-0-":
            case "entity":
                return ENTITY;
            default:
                throw new IllegalArgumentException("unknown SDN type '" + sdnType + "'");
        }
    }
}
