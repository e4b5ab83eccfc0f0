package io.caravel.dispute;

import java.math.BigDecimal;

/**
 * The seller's answer to a dispute: ACCEPT (refund the amount given, default what the buyer claimed;
 * with a return the buyer gets a return waybill) or CONTEST (with a message saying why; evidence is
 * uploaded beside it).
 */
public class SellerResponse {

    private Dispute.Answer answer;
    private BigDecimal refundAmount;
    private boolean returnRequired;
    private String message;

    public Dispute.Answer getAnswer() { return answer; }
    public void setAnswer(Dispute.Answer answer) { this.answer = answer; }
    public BigDecimal getRefundAmount() { return refundAmount; }
    public void setRefundAmount(BigDecimal refundAmount) { this.refundAmount = refundAmount; }
    public boolean isReturnRequired() { return returnRequired; }
    public void setReturnRequired(boolean returnRequired) { this.returnRequired = returnRequired; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
}
