package io.caravel.sellerreview;

/**
 * A review of a seller's account ended, whatever its outcome (CDI event, fired in the transaction that
 * ended it; observe it after that commit to act once the review is over).
 *
 * @param sellerId the seller
 */
public record SellerReviewFinished(String sellerId) {
}
