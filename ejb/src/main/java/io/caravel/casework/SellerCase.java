package io.caravel.casework;

/** A case a seller owns (an application, a listing, later an order or a dispute): its id, seller and version. */
public interface SellerCase {

    String id();

    String sellerId();

    int version();
}
