package io.caravel.creator.web;

import io.caravel.creator.Creators;
import io.caravel.creator.LinkRequest;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.web.ui.FacesMessages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ResourceBundle;

/** The creator's page: where the account stands, the referral links with the link to share, a new link. */
@Named
@ViewScoped
public class CreatorBean implements Serializable {

    @Inject
    private transient Creators creators;

    @Inject
    private Caller caller;

    private final LinkRequest form = new LinkRequest();
    private transient Creators.View me;
    private transient List<Creators.LinkView> links;

    public Creators.View getMe() {
        if (me == null) {
            me = creators.me(caller);
        }
        return me;
    }

    public List<Creators.LinkView> getLinks() {
        if (links == null) {
            links = creators.links(caller);
        }
        return links;
    }

    public LinkRequest getForm() {
        return form;
    }

    public void save() {
        try {
            Creators.LinkView saved = creators.link(caller, form);
            links = null;
            FacesContext faces = FacesContext.getCurrentInstance();
            ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", faces.getViewRoot().getLocale());
            faces.addMessage(null, new FacesMessage(saved.disclosureMissing() ? FacesMessage.SEVERITY_WARN : FacesMessage.SEVERITY_INFO,
                    bundle.getString(saved.disclosureMissing() ? "creator.saved-undisclosed" : "creator.saved") + " " + saved.code(), null));
        } catch (CaravelException e) {
            FacesMessages.error(e, "link-form:");
        }
    }

    /** The storefront address that opens the product with the code (what the creator shares). */
    public String shareUrl(Creators.LinkView link) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String base = request.getRequestURL().toString().replace(request.getRequestURI(), "") + external.getRequestContextPath();
        return base + "/storefront/index.html?product=" + URLEncoder.encode(link.productId(), StandardCharsets.UTF_8)
                + "&ref=" + URLEncoder.encode(link.code(), StandardCharsets.UTF_8);
    }
}
