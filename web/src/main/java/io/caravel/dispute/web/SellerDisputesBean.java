package io.caravel.dispute.web;

import io.caravel.dispute.Dispute;
import io.caravel.dispute.DisputeEvidence;
import io.caravel.dispute.DisputeService;
import io.caravel.dispute.DisputeView;
import io.caravel.dispute.SellerResponse;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.web.Downloads;
import io.caravel.platform.web.ui.FacesMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import org.primefaces.model.StreamedContent;

/**
 * The seller's disputes page: every dispute about the seller's orders, newest first, with where it
 * stands and until when; one opened beside the list shows the buyer's claim, the thread and the
 * evidence, and takes the seller's answer (accept with a full or partial refund, with or without a
 * return, or contest with a message and evidence), further messages and evidence, and an appeal.
 */
@Named
@ViewScoped
public class SellerDisputesBean implements Serializable {

    @Inject
    private transient DisputeService disputes;

    @Inject
    private Caller caller;

    private String cursor;
    private String id;
    private transient Page<DisputeView> page;
    private transient DisputeView dispute;

    private String answer = Dispute.Answer.ACCEPT.name();
    private BigDecimal refundAmount;
    private boolean returnRequired;
    private String message;
    private DisputeEvidence.Kind evidenceKind = DisputeEvidence.Kind.PHOTO;
    private transient Part evidence;
    private String appealReason;

    public Page<DisputeView> getPage() {
        if (page == null) {
            page = disputes.list(caller, null, null, PageRequest.of(PageRequest.DEFAULT_LIMIT, cursor));
        }
        return page;
    }

    /** The dispute named in the address (?id=...), or none; another seller's is "not found". */
    public DisputeView getDispute() {
        if (dispute == null && id != null && !id.isBlank()) {
            try {
                dispute = disputes.get(caller, id);
                if (refundAmount == null) {
                    refundAmount = dispute.claimed().amount();
                }
            } catch (CaravelException e) {
                id = null;
                FacesMessages.error(e, null);
            }
        }
        return dispute;
    }

    /** Sends the answer (uploading the evidence chosen with it first); the page then shows where the dispute stands. */
    public void respond() throws IOException {
        try {
            if (evidence != null && evidence.getSize() > 0) {
                upload();
            }
            SellerResponse response = new SellerResponse();
            response.setAnswer(Dispute.Answer.valueOf(answer));
            response.setRefundAmount(refundAmount);
            response.setReturnRequired(returnRequired);
            response.setMessage(message);
            dispute = disputes.respond(caller, id, dispute == null ? null : dispute.version(), response);
            message = null;
            page = null;
            FacesMessages.info("disputes.answered");
        } catch (CaravelException e) {
            FacesMessages.error(e, "disputes:");
        }
    }

    public void addEvidence() throws IOException {
        try {
            upload();
            FacesMessages.info("disputes.evidenceAdded");
        } catch (CaravelException e) {
            FacesMessages.error(e, "disputes:");
        }
    }

    public void sendMessage() {
        try {
            dispute = disputes.message(caller, id, message, false);
            message = null;
        } catch (CaravelException e) {
            FacesMessages.error(e, "disputes:");
        }
    }

    public void appeal() {
        try {
            dispute = disputes.appeal(caller, id, appealReason);
            appealReason = null;
            page = null;
            FacesMessages.info("disputes.appealed");
        } catch (CaravelException e) {
            FacesMessages.error(e, "disputes:");
        }
    }

    private void upload() throws IOException {
        if (evidence == null || evidence.getSize() == 0) {
            throw CaravelException.invalid("evidence", "error.document.empty");
        }
        byte[] content;
        try (InputStream in = evidence.getInputStream()) {
            content = in.readNBytes(DisputeService.MAX_EVIDENCE_BYTES + 1);
        }
        disputes.addEvidence(caller, id, evidenceKind, evidence.getSubmittedFileName(), content);
        evidence = null;
        dispute = disputes.get(caller, id);
    }

    public StreamedContent download(String evidenceId) {
        return Downloads.of(disputes.evidence(caller, id, evidenceId));
    }

    public boolean isAwaitingAnswer() {
        return getDispute() != null && "AWAITING_SELLER".equals(dispute.status());
    }

    public List<DisputeEvidence.Kind> getEvidenceKinds() {
        return List.of(DisputeEvidence.Kind.values());
    }

    public String getCursor() { return cursor; }
    public void setCursor(String cursor) { this.cursor = cursor; }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getAnswer() { return answer; }
    public void setAnswer(String answer) { this.answer = answer; }
    public BigDecimal getRefundAmount() { return refundAmount; }
    public void setRefundAmount(BigDecimal refundAmount) { this.refundAmount = refundAmount; }
    public boolean isReturnRequired() { return returnRequired; }
    public void setReturnRequired(boolean returnRequired) { this.returnRequired = returnRequired; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
    public DisputeEvidence.Kind getEvidenceKind() { return evidenceKind; }
    public void setEvidenceKind(DisputeEvidence.Kind evidenceKind) { this.evidenceKind = evidenceKind; }
    public Part getEvidence() { return evidence; }
    public void setEvidence(Part evidence) { this.evidence = evidence; }
    public String getAppealReason() { return appealReason; }
    public void setAppealReason(String appealReason) { this.appealReason = appealReason; }
}
