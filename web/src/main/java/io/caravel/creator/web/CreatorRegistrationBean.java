package io.caravel.creator.web;

import io.caravel.creator.CreatorRegistration;
import io.caravel.creator.Creators;
import io.caravel.platform.web.ui.FacesMessages;
import io.caravel.platform.CaravelException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The public sign-up page of creators: the account, screened, then signed in and on to the creator's page. */
@Named
@RequestScoped
public class CreatorRegistrationBean {

    @Inject
    private Creators creators;

    @Inject
    private SecurityContext securityContext;

    private final CreatorRegistration registration = new CreatorRegistration();

    public CreatorRegistration getRegistration() {
        return registration;
    }

    public void register() throws IOException {
        try {
            creators.register(registration);
        } catch (CaravelException e) {
            FacesMessages.error(e, "register:");
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        AuthenticationStatus status = securityContext.authenticate((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(), AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(registration.getUsername(),
                                new Password(registration.getPassword()))));
        external.redirect(external.getRequestContextPath()
                + (status == AuthenticationStatus.SUCCESS ? "/creator/index.xhtml" : "/login.xhtml"));
    }
}
