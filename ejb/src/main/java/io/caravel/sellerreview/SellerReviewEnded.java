package io.caravel.sellerreview;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A review of a seller's account ended with a verdict on the seller (CDI event, fired in the review's
 * transaction): no action needed, or the seller suspended with a lead's approval.
 *
 * @param sellerId the seller
 * @param outcome  what the review found
 * @param note     the officer's reason (no action) or the message the seller was sent (suspension)
 * @param by       who decided: the officer, or the lead who approved the suspension
 */
public record SellerReviewEnded(String sellerId, Outcome outcome, String note, String by) {

    /** What a review found about the seller. */
    @Schema(name = "SellerReviewOutcome")
    public enum Outcome { NO_ACTION, SUSPENDED }
}
