package io.caravel.platform;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Who may do what: the one set of authorization rules. REST methods name the access they need
 * ({@code @Allow}), web pages are mapped to it by path (PageAccessFilter), menus ask it before they
 * show a link, so a page and its API never disagree. Finer rules (a seller sees only its own data,
 * four-eyes) stay in the services.
 */
public enum Access {

    /** Anyone, signed in or not: the public catalog, HS help, exchange rates. */
    PUBLIC(Set.of()),
    /** Any signed-in user, whatever the role. */
    SIGNED_IN(Set.of()),
    SELLING(Set.of(Roles.SELLER)),
    BUYING(Set.of(Roles.BUYER)),
    /** A creator's links, attributed orders and earnings. */
    CREATING(Set.of(Roles.CREATOR)),
    /** Orders: buyers their own, sellers those they sell or fulfil, warehouse staff those they ship, staff every order (the services filter). */
    ORDERS(Set.of(Roles.BUYER, Roles.SELLER, Roles.CUSTOMS_AGENT, Roles.DISPUTE_AGENT, Roles.COMPLIANCE_OFFICER,
            Roles.COMPLIANCE_LEAD, Roles.ADMIN, Roles.WAREHOUSE)),
    /** Shipping a paid order: its seller (or supplier), or the staff of the overseas warehouse every line ships from. */
    SHIPPING(Set.of(Roles.SELLER, Roles.WAREHOUSE)),
    /** The task inbox and the cases in it. */
    CASE_WORK(Set.of(Roles.COMPLIANCE_OFFICER, Roles.COMPLIANCE_LEAD, Roles.CUSTOMS_AGENT, Roles.DISPUTE_AGENT)),
    /** Correcting held customs declarations. */
    CUSTOMS(Set.of(Roles.CUSTOMS_AGENT)),
    /** Deciding disputes: setting what a split decision refunds. */
    DISPUTES(Set.of(Roles.DISPUTE_AGENT)),
    /** Screening a name by hand against the sanctions lists. */
    SCREENING(Set.of(Roles.COMPLIANCE_OFFICER, Roles.COMPLIANCE_LEAD)),
    /** Every seller's records, risk events and take-downs: compliance staff and administrators. */
    COMPLIANCE(Set.of(Roles.COMPLIANCE_OFFICER, Roles.COMPLIANCE_LEAD, Roles.ADMIN)),
    /** A seller's own records, and compliance staff on every seller's. */
    SELLER_RECORDS(Set.of(Roles.SELLER, Roles.COMPLIANCE_OFFICER, Roles.COMPLIANCE_LEAD, Roles.ADMIN)),
    /** Payouts and statements: a seller or creator its own, administrators everyone's (the service filters). */
    PAYOUTS(Set.of(Roles.SELLER, Roles.CREATOR, Roles.ADMIN)),
    /** Overseas warehouses, their stock and inbound shipments: sellers their own, warehouse staff their warehouses' (the services filter). */
    WAREHOUSES(Set.of(Roles.SELLER, Roles.WAREHOUSE, Roles.COMPLIANCE_OFFICER, Roles.COMPLIANCE_LEAD, Roles.ADMIN)),
    /** Counting inbound shipments in at a warehouse. */
    WAREHOUSE_WORK(Set.of(Roles.WAREHOUSE, Roles.ADMIN)),
    ADMINISTRATION(Set.of(Roles.ADMIN)),
    /** Webhook subscriptions: a seller's for its own events, an admin's for every seller's. */
    WEBHOOKS(Set.of(Roles.SELLER, Roles.ADMIN)),
    /** Metrics for monitoring. */
    OPERATIONS(Set.of(Roles.ADMIN, Roles.OPERATOR));

    private final Set<String> roles;

    Access(Set<String> roles) {
        this.roles = roles;
    }

    /** The roles that grant this access; empty for {@link #PUBLIC} and {@link #SIGNED_IN}. */
    public Set<String> roles() {
        return roles;
    }

    public boolean needsSignIn() {
        return this != PUBLIC;
    }

    /** Whether a caller, signed in or not, who has the roles {@code hasRole} accepts, has this access. */
    public boolean allows(boolean signedIn, Predicate<String> hasRole) {
        if (this == PUBLIC) {
            return true;
        }
        if (!signedIn) {
            return false;
        }
        return this == SIGNED_IN || roles.stream().anyMatch(hasRole);
    }
}
