package io.caravel.payment;

import io.caravel.platform.Money;
import java.util.Optional;

/**
 * What Caravel needs from a payment provider; a real provider's client sits behind this interface
 * the way the built-in {@link SimulatedPaymentProvider} does. The provider reports outcomes later
 * through a signed webhook.
 */
public interface PaymentProvider {

    /** The provider's name, also the last segment of its webhook URL. */
    String name();

    /** Whether the provider takes payments here (configured; a simulator only where it may be used). */
    boolean available();

    /** Opens a payment at the provider; answers its reference and where the buyer pays. */
    Opened open(String paymentId, Money amount);

    /** Whether a webhook body carries the provider's valid signature. */
    boolean verify(String signatureHeader, String body);

    /** Reads a verified webhook body; empty when it is not a payment outcome Caravel handles. */
    Optional<PaymentOutcome> read(String body);

    /**
     * Refunds part or all of a completed payment; answers the provider's refund id. The refund key is
     * sent as the provider's idempotency key: a retried refund with the same key pays once.
     */
    String refund(String providerRef, Money amount, String refundKey);

    /** Reads a verified webhook body reporting a chargeback (a card dispute and its stages); empty when it is none. */
    Optional<ChargebackReport> readChargeback(String body);

    /** Accepts a chargeback: the cardholder keeps the money the bank took back. */
    void acceptChargeback(String disputeRef);

    /** Contests a chargeback with the merchant's evidence (representment), before the provider's due date. */
    void contestChargeback(String disputeRef, String evidence);

    /** A payment opened at the provider. */
    record Opened(String providerRef, String payUrl) {
    }
}
