package io.caravel.privacy;

/** Where a data request stands. */
public enum DataRequestStatus {
    /** A compliance officer handles it before the due date. */
    OPEN,
    /** Done: the export is ready, or the data is erased (what had to be kept is listed). */
    FULFILLED,
    /** Refused, with the reason the requester reads (e.g. identity not verified). */
    REFUSED
}
