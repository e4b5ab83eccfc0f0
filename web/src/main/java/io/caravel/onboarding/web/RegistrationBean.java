package io.caravel.onboarding.web;

import io.caravel.onboarding.OnboardingService;
import io.caravel.seller.OperatingModel;
import io.caravel.onboarding.Registration;
import io.caravel.platform.CaravelException;
import io.caravel.platform.web.ui.FacesMessages;
import io.caravel.platform.web.ui.SignInAfterRegistration;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
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
        SignInAfterRegistration.signInAndGo(securityContext, registration.getUsername(), registration.getPassword(),
                "/seller/application.xhtml");
    }
}
