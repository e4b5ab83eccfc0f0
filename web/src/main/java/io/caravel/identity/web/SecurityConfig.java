package io.caravel.identity.web;

import io.caravel.identity.PasswordHasher;
import io.caravel.platform.Database;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Users and roles come from the application database (Jakarta Security's database identity store,
 * PBKDF2 hashes written by {@link PasswordHasher}). Disabled accounts cannot sign in.
 */
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = Database.JNDI_NAME,
        callerQuery = "select password_hash from caravel_user where username = ? and enabled = TRUE",
        groupsQuery = "select r.role_name from caravel_user_role r join caravel_user u on u.id = r.user_id"
                + " where u.username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        hashAlgorithmParameters = {
                "Pbkdf2PasswordHash.Algorithm=" + PasswordHasher.ALGORITHM,
                "Pbkdf2PasswordHash.Iterations=120000",
                "Pbkdf2PasswordHash.SaltSizeBytes=32",
                "Pbkdf2PasswordHash.KeySizeBytes=32"})
@DeclareRoles({"seller", "buyer", "creator", "compliance-officer", "compliance-lead", "customs-agent", "dispute-agent", "admin", "operator", "warehouse"})
@ApplicationScoped
public class SecurityConfig {
}
