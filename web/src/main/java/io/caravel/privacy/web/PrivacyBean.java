package io.caravel.privacy.web;

import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.web.Downloads;
import io.caravel.platform.web.ui.FacesMessages;
import io.caravel.privacy.DataRequestKind;
import io.caravel.privacy.DataRequests;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.ResourceBundle;
import org.primefaces.model.StreamedContent;

/** My personal data (any signed-in user): ask for a copy or the erasure, follow the requests, download the copy. */
@Named
@ViewScoped
public class PrivacyBean implements Serializable {

    @Inject
    private transient DataRequests requests;

    @Inject
    private Caller caller;

    private String note;
    private transient List<DataRequests.View> mine;

    public List<DataRequests.View> getMine() {
        if (mine == null) {
            mine = requests.mine(caller);
        }
        return mine;
    }

    public void requestExport() {
        request(DataRequestKind.EXPORT);
    }

    public void requestErasure() {
        request(DataRequestKind.ERASURE);
    }

    private void request(DataRequestKind kind) {
        try {
            requests.request(caller, kind, note);
            mine = null;
            note = null;
            FacesContext faces = FacesContext.getCurrentInstance();
            String text = ResourceBundle.getBundle("i18n.messages", faces.getViewRoot().getLocale()).getString("privacy.requested");
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
        } catch (CaravelException e) {
            FacesMessages.error(e, "privacy-form:");
        }
    }

    public StreamedContent export(String id) {
        return Downloads.of(requests.export(caller, id), "application/json", "personal-data-" + caller.username() + ".json");
    }

    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
