package io.caravel.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
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
import java.util.ResourceBundle;

/** The sign-in form: checks the credentials, then sends the user where they were going or to their home page. */
@Named
@RequestScoped
public class LoginBean {

    @Inject
    private SecurityContext securityContext;

    private String username;
    private String password;
    private String next;

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, new Password(password == null ? "" : password)))
                        .newAuthentication(true));
        switch (status) {
            // the start page sends the now signed-in user to the home page of their role
            case SUCCESS -> external.redirect(external.getRequestContextPath() + (isSafe(next) ? next : "/"));
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
                Object wait = external.getRequestMap().get(CaravelAuthenticationMechanism.SIGN_IN_WAIT);
                String text = wait == null ? msg.getString("login.failed")
                        : java.text.MessageFormat.format(msg.getString("login.throttled"), wait);
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
            }
        }
    }

    /** Only paths inside this application: no scheme, no host, no protocol-relative URL. */
    static boolean isSafe(String target) {
        return target != null && target.startsWith("/") && !target.startsWith("//") && !target.contains("\\")
                && !target.contains(":");
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
