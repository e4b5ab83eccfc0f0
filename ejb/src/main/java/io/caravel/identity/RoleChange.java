package io.caravel.identity;

import jakarta.validation.constraints.NotEmpty;
import java.util.Set;

/** An administrator's new set of roles for a user (a seller user names its seller). */
public class RoleChange {

    @NotEmpty(message = "{caravel.user.roles.required}")
    private Set<String> roles;

    private String sellerId;

    public Set<String> getRoles() {
        return roles;
    }

    public void setRoles(Set<String> roles) {
        this.roles = roles;
    }

    public String getSellerId() {
        return sellerId;
    }

    public void setSellerId(String sellerId) {
        this.sellerId = sellerId;
    }
}
