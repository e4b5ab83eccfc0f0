package io.caravel.onboarding;

/** Where a seller's application stands, as the seller sees it. */
public enum ApplicationStatus {
    /** Being filled in by the seller; not yet submitted. */
    DRAFT,
    /** Submitted; automatic checks or a compliance review are under way. */
    IN_REVIEW,
    /** The compliance team asked the seller for more information. */
    INFORMATION_REQUESTED,
    APPROVED,
    REJECTED,
    /** The seller did not answer a request for information in time. */
    ABANDONED,
    /** An approved seller suspended at recertification. */
    SUSPENDED;

    /** Whether the seller may change the application now: a draft, or while information is asked for. */
    public boolean editable() {
        return this == DRAFT || this == INFORMATION_REQUESTED;
    }

    /** Whether the application is decided for good. */
    public boolean closed() {
        return this == REJECTED || this == ABANDONED || this == SUSPENDED;
    }
}
