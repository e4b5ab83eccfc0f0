package io.caravel.payment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A chargeback as the payment provider reports it: the cardholder's bank disputes a payment. One
 * provider dispute goes through stages (an inquiry, the chargeback, pre-arbitration, arbitration),
 * each with the provider's due date for the merchant's answer, and ends won or lost.
 *
 * @param reason  the provider's reason code as sent (e.g. fraudulent, product_not_received)
 * @param outcome null while open; WON or LOST once the bank decided
 */
public record ChargebackReport(String eventId, String paymentRef, String disputeRef, Stage stage, String reason,
                               BigDecimal amount, String currency, Instant dueBy, Outcome outcome, Instant at) {

    /** The stages of a card dispute, in the order they come. */
    public enum Stage { INQUIRY, CHARGEBACK, PRE_ARBITRATION, ARBITRATION }

    @Schema(name = "ChargebackOutcome")
    public enum Outcome { WON, LOST }
}
