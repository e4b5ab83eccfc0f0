package io.caravel.identity.web;

import io.caravel.identity.ApiTokens;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.web.ui.FacesMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** My API tokens page: issue one (its secret shown this once), see when each was last used, revoke. */
@Named
@ViewScoped
public class ApiTokenBean implements Serializable {

    @Inject
    private transient ApiTokens tokens;

    @Inject
    private Caller caller;

    private String name;
    private Integer days = 90;
    private String secret;
    private transient List<ApiTokens.TokenView> mine;

    public List<ApiTokens.TokenView> getMine() {
        if (mine == null) {
            mine = tokens.list(caller, null);
        }
        return mine;
    }

    public void issue() {
        secret = null;
        try {
            secret = tokens.issue(caller, name, days).secret();
            name = null;
            mine = null;
        } catch (CaravelException e) {
            FacesMessages.error(e, "token-form:");
        }
    }

    public void revoke(String id) {
        try {
            tokens.revoke(caller, id);
            mine = null;
        } catch (CaravelException e) {
            FacesMessages.error(e, "token-form:");
        }
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Integer getDays() { return days; }
    public void setDays(Integer days) { this.days = days; }
    public String getSecret() { return secret; }
}
