package io.caravel.shipping;

/**
 * What Caravel needs from a carrier: a waybill for a parcel. A real carrier's client sits behind
 * this interface the way the built-in {@link SimulatedCarrier} does.
 */
public interface Carrier {

    /** The carrier's code, stored with each waybill. */
    String code();

    /** Books the parcel and answers its waybill number. */
    String book(Parcel parcel);

    /** A parcel to book: the order, who receives it where, and its weight. */
    record Parcel(String orderId, String consigneeName, String consigneeAddress, String destinationCountry, int weightGrams) {
    }
}
