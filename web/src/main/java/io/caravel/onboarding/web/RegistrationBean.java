package io.caravel.onboarding.web;

import io.caravel.onboarding.OnboardingService;
import io.caravel.seller.OperatingModel;
import io.caravel.onboarding.Registration;
import io.caravel.platform.CaravelException;
import io.caravel.platform.web.ui.FacesMessages;
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

/** The public sign-up page: a new seller company and its first user, then straight to the application form. */
@Named
@RequestScoped
public class RegistrationBean {

    @Inject
    private OnboardingService onboarding;

    @Inject
    private SecurityContext securityContext;

    private final Registration registration = new Registration();

    public Registration getRegistration() {
        return registration;
    }

    public OperatingModel[] getOperatingModels() {
        return OperatingModel.values();
    }

    public void register() throws IOException {
        try {
            onboarding.register(registration);
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
                + (status == AuthenticationStatus.SUCCESS ? "/seller/application.xhtml" : "/login.xhtml"));
    }
}
