package io.caravel.listing;

/**
 * Where a listing's working copy stands. A listing that was published once may stay live in the
 * catalog (its {@code live} flag) while a change goes through review.
 */
public enum ListingStatus {
    DRAFT,
    PENDING,
    CHANGES_REQUIRED,
    REJECTED,
    PUBLISHED,
    UNPUBLISHED
}
