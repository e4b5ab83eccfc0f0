package io.caravel.dispute;

import java.math.BigDecimal;

/** What a buyer opens a dispute with: the order line, the reason, what happened, and the amount asked back (default: all the line cost). */
public class DisputeRequest {

    private String orderId;
    private Integer lineNo;
    private DisputeReason reason;
    private BigDecimal amount;
    private String description;

    public String getOrderId() { return orderId; }
    public void setOrderId(String orderId) { this.orderId = orderId; }
    public Integer getLineNo() { return lineNo; }
    public void setLineNo(Integer lineNo) { this.lineNo = lineNo; }
    public DisputeReason getReason() { return reason; }
    public void setReason(DisputeReason reason) { this.reason = reason; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
}
