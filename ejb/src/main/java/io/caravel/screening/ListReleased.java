package io.caravel.screening;

/**
 * A new release of a list became active (CDI event, fired after its transaction committed): what was
 * screened against the release before is to be screened again.
 *
 * @param list              the list
 * @param versionId         the new release's id
 * @param version           the new release's version, e.g. {@code OFAC-SDN:73811511ab40:8976}
 * @param previousVersionId the release active until now (null for a list's first release: all of it is new)
 */
public record ListReleased(ListSource list, String versionId, String version, String previousVersionId) {
}
