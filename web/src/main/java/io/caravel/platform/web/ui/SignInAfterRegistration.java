package io.caravel.platform.web.ui;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** After a sign-up page made an account: signs the new user in and goes to their first page (or to sign-in). */
public final class SignInAfterRegistration {

    private SignInAfterRegistration() {
    }

    public static void signInAndGo(SecurityContext security, String username, String password, String page) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        AuthenticationStatus status = security.authenticate((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(), AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username, new Password(password))));
        external.redirect(external.getRequestContextPath() + (status == AuthenticationStatus.SUCCESS ? page : "/login.xhtml"));
    }
}
