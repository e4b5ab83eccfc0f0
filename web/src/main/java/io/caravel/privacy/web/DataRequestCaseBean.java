package io.caravel.privacy.web;

import io.caravel.inbox.web.TaskCase;
import io.caravel.privacy.DataRequests;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/**
 * The case page of a personal data request beside its task: who asks for what and by when, what an
 * export holds or what an erasure must keep and why; the decision (fulfil, or refuse with the reason
 * the requester reads) is the template's.
 */
@Named
@ViewScoped
public class DataRequestCaseBean extends TaskCase {

    @Inject
    private DataRequests requests;

    private transient DataRequests.View request;
    private transient Map<String, Object> preview;

    @Override
    protected void loadCase() {
        getRequest();
    }

    public DataRequests.View getRequest() {
        if (request == null) {
            request = requests.get(caller, getTask().caseId());
        }
        return request;
    }

    public Map<String, Object> getPreview() {
        if (preview == null) {
            preview = requests.preview(caller, getTask().caseId());
        }
        return preview;
    }

    @SuppressWarnings("unchecked")
    public List<DataRequests.Kept> getKept() {
        return (List<DataRequests.Kept>) getPreview().get("kept");
    }
}
