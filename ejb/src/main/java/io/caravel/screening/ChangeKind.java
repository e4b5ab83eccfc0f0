package io.caravel.screening;

/** How an entry of a list release differs from the release before it. */
public enum ChangeKind { ADDED, REMOVED, CHANGED }
