package io.caravel.identity.web;

import io.caravel.identity.IdentityService;
import io.caravel.identity.UserView;
import io.caravel.platform.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The administrator's home: the first page of user accounts. */
@Named
@RequestScoped
public class UserAdminBean {

    @Inject
    private IdentityService identity;

    private List<UserView> users;

    public List<UserView> getUsers() {
        if (users == null) {
            users = identity.list(PageRequest.of(PageRequest.MAX_LIMIT, null)).items();
        }
        return users;
    }
}
