package io.caravel.hs;

/** A chapter, heading or subheading on the way to a code: its digits and official description. */
public record HsNode(String code, String description) {
}
