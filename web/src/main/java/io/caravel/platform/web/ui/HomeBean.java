package io.caravel.platform.web.ui;

import io.caravel.identity.IdentityService;
import io.caravel.identity.UserView;
import io.caravel.identity.web.CallerProducer;
import io.caravel.platform.Caller;
import io.caravel.platform.Access;
import io.caravel.platform.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Each role's home page, the navigation that depends on roles, and signing out. */
@Named
@RequestScoped
public class HomeBean {

    @Inject
    private Caller caller;

    @Inject
    private IdentityService identity;

    /** The home page of the signed-in user's main role, relative to the context root. */
    public String homePath() {
        if (caller.hasRole(Roles.ADMIN)) {
            return "/admin/index.xhtml";
        }
        if (isInboxUser()) {
            return "/inbox/index.xhtml";
        }
        if (caller.hasRole(Roles.SELLER)) {
            return "/seller/index.xhtml";
        }
        if (caller.hasRole(Roles.BUYER)) {
            return "/buyer/index.xhtml";
        }
        if (caller.hasRole(Roles.CREATOR)) {
            return "/creator/index.xhtml";
        }
        if (caller.hasRole(Roles.WAREHOUSE)) {
            return "/warehouse/index.xhtml";
        }
        return "/login.xhtml";
    }

    /** The start page sends each user to their home, anonymous visitors to the sign-in page. */
    public void redirectHome() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + homePath());
    }

    public void logout() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
    }

    public boolean isSignedIn() {
        return !CallerProducer.ANONYMOUS.equals(caller.username());
    }

    public boolean isInboxUser() {
        return Access.CASE_WORK.allows(isSignedIn(), caller::hasRole);
    }

    public Caller getCaller() {
        return caller;
    }

    public UserView getUser() {
        return identity.user(caller.username()).orElse(null);
    }
}
