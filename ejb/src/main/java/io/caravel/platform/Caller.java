package io.caravel.platform;

import java.util.Set;

/**
 * Who is calling a business service: the user name, roles and, for sellers, the seller account the
 * user belongs to. The web layer builds it from the authenticated principal; services use it to
 * decide what the caller may see (a seller only its own data).
 */
public record Caller(String username, Set<String> roles, String sellerId) implements java.io.Serializable {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Compliance officers, leads and administrators, who reach every seller's cases. */
    public boolean isComplianceStaff() {
        return roles.contains(Roles.COMPLIANCE_OFFICER) || roles.contains(Roles.COMPLIANCE_LEAD) || isAdmin();
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }
}
