package io.caravel.payment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A provider's report on a payment, with what China's payment message (CEB411) needs: the payer's
 * name and ID number, the provider's transaction id, amount, currency and time.
 */
public record PaymentOutcome(String eventId, String providerRef, boolean succeeded, BigDecimal amount, String currency,
                             String payerName, String payerIdNumber, String transactionId, Instant at,
                             String declineReason) {
}
