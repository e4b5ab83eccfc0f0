package io.caravel.hs;

/** One of the 21 sections of the Harmonized System: its roman numeral (I–XXI) and name. */
public record HsSection(String numeral, String name) {
}
