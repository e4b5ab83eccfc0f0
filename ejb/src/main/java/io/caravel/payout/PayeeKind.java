package io.caravel.payout;

/** Who a payout pays: a marketplace seller, or a creator for the orders they referred. */
public enum PayeeKind {
    SELLER("sellerId"),
    CREATOR("creatorId");

    private final String attribute;

    PayeeKind(String attribute) {
        this.attribute = attribute;
    }

    /** The payout's attribute naming this kind of payee (JPQL). */
    String attribute() {
        return attribute;
    }
}
