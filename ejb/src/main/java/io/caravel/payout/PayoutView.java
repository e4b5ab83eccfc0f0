package io.caravel.payout;

import io.caravel.platform.Money;
import java.time.Instant;
import java.util.List;

/**
 * A payout as its payee (a seller, or a creator for the orders they referred) and the platform's
 * administrators see it: the period, each figure with its
 * currency, where it stands and (when asked for one payout) its entries. The net is what is paid;
 * negative, it is carried into the next payout.
 */
public record PayoutView(String id, PayeeKind payeeKind, String payeeId, String payeeName, String currency, Instant periodFrom, Instant periodTo,
                         Money sales, Money refunds, Money commission, Money fees, Money creatorFees, Money penalties,
                         Money supplierCosts, Money taxesCollected, Money reserveHeld,
                         Money reserveReleased, Money carriedForward, Money net, String status, String commissionRules,
                         Instant createdAt, Instant paidAt, String paidReference, List<Entry> entries, int version) {

    /** One line of the statement; net = amount − commission − fee. */
    public record Entry(int no, String kind, String orderId, Instant occurredAt, String description, Money amount,
                        Money commission, Money fee, Money taxes, Money net, String rate) {
    }
}
