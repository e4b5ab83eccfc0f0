package io.caravel.hs;

/** How deep a code goes in the Harmonized System: chapter, heading, subheading, or a national tariff line. */
public enum HsLevel {
    /** Two digits, for example 85. */
    CHAPTER,
    /** Four digits, for example 8507. */
    HEADING,
    /** Six digits, the most detailed international level, for example 850760. */
    SUBHEADING,
    /** Eight or ten digits of a national tariff (EU CN/TARIC, US HTS, China) under a six-digit subheading. */
    NATIONAL
}
