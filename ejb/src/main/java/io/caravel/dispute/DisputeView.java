package io.caravel.dispute;

import io.caravel.platform.Money;
import java.time.Instant;
import java.util.List;

/**
 * A dispute as the caller may see it: its line and reason, the amounts (claimed, at most, settled,
 * refunded), where it stands and until when, the seller's answer, the decisions, the thread (staff-only
 * notes only for staff) and the evidence; a chargeback (line 0: the whole payment) names its stage and the
 * provider's due date. The buyer's account name is shown to staff only.
 */
public record DisputeView(String id, String orderId, int lineNo, String lineTitle, String source, String providerRef,
                          String stage, Instant providerDue, String reason,
                          String status, String buyer, String sellerId, Money claimed, Money maxAmount, Money settlement,
                          Money refunded, String sellerAnswer, String returnWaybill, String decision, String appealDecision,
                          Instant sellerDeadline, Instant appealDeadline, boolean appealable, Instant createdAt,
                          Instant resolvedAt, Instant closedAt, List<MessageView> messages, List<EvidenceView> evidence,
                          int ruleVersion, int version) {

    /** One message of the thread: who wrote it (a party, an agent, the platform) and whether only staff see it. */
    public record MessageView(String id, String party, String author, boolean staffOnly, String body, Instant createdAt) {
    }

    /** One file of evidence (download it from its own address). */
    public record EvidenceView(String id, String party, String kind, String fileName, String contentType, long sizeBytes,
                               String sha256, Instant uploadedAt) {
    }
}
