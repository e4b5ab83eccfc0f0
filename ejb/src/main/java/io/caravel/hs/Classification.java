package io.caravel.hs;

import java.util.List;

/**
 * What an HS code means: the code as given (digits only), its international root (the 2-, 4- or
 * 6-digit code the nomenclature describes), its level, its description, and the way to it from the
 * section through chapter, heading and subheading.
 */
public record Classification(String code, String hsCode, HsLevel level, String description, String edition,
                             HsSection section, List<HsNode> path) {

    public Classification {
        path = List.copyOf(path);
    }

    /** The chapter (2 digits) the code belongs to. */
    public HsNode chapter() {
        return path.get(0);
    }
}
