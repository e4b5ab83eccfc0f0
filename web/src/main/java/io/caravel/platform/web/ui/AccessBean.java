package io.caravel.platform.web.ui;

import io.caravel.platform.Access;
import io.caravel.platform.web.RequestCallers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** Lets pages ask the authorization rules before they show a link: {@code #{access.allows('SCREENING')}}. */
@Named("access")
@RequestScoped
public class AccessBean {

    @Inject
    private HttpServletRequest request;

    public boolean allows(String access) {
        return Access.valueOf(access).allows(request.getUserPrincipal() != null, RequestCallers.roles(request));
    }
}
