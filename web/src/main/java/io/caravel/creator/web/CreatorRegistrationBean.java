package io.caravel.creator.web;

import io.caravel.creator.CreatorRegistration;
import io.caravel.creator.Creators;
import io.caravel.platform.web.ui.FacesMessages;
import io.caravel.platform.web.ui.SignInAfterRegistration;
import io.caravel.platform.CaravelException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
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
        SignInAfterRegistration.signInAndGo(securityContext, registration.getUsername(), registration.getPassword(),
                "/creator/index.xhtml");
    }
}
