package io.caravel.screening;

import java.util.List;

/**
 * A sanctions list Caravel screens against, with the files one release of it consists of as its
 * publisher puts them out. Every active list is checked by every screening.
 */
public enum ListSource {
    /** US Treasury OFAC Specially Designated Nationals list, its CSV set (sdn.csv, alt.csv, add.csv). */
    OFAC_SDN("OFAC-SDN", List.of(SanctionsList.SDN_FILE, SanctionsList.ALT_FILE, SanctionsList.ADD_FILE)),
    /** United Nations Security Council Consolidated List, its XML file. */
    UN_SC("UN-SC", List.of(UnConsolidatedList.FILE));

    private final String code;
    private final List<String> files;

    ListSource(String code, List<String> files) {
        this.code = code;
        this.files = files;
    }

    /** The short name a list version starts with, e.g. {@code OFAC-SDN}. */
    public String code() {
        return code;
    }

    /** The names of the files one release consists of. */
    public List<String> files() {
        return files;
    }

    /** The list a version string ({@code <code>:<checksum>:<entries>}) belongs to; OFAC for versions before lists had codes. */
    public static ListSource ofVersion(String version) {
        for (ListSource source : values()) {
            if (version != null && version.startsWith(source.code + ":")) {
                return source;
            }
        }
        return OFAC_SDN;
    }
}
