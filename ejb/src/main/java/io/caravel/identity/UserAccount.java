package io.caravel.identity;

import io.caravel.platform.Ids;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** A person who signs in: credentials, roles and, for sellers, the seller account they act for. */
@Entity(name = "UserAccount")
@Table(name = "caravel_user")
public class UserAccount {

    @Id
    private String id;

    @Column(nullable = false, unique = true, updatable = false)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String email;

    @Column(name = "seller_id")
    private String sellerId;

    private boolean enabled;

    /** Set when an administrator reset the password: the user must choose a new one before anything else. */
    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    /** Counts the changes that end the user's open sessions (see {@link #endSessions()}). */
    @Column(name = "access_epoch", nullable = false)
    private int accessEpoch;

    /** Created by demo mode with the demo password. */
    @Column(nullable = false)
    private boolean demo;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "caravel_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role_name")
    private Set<String> roles = new TreeSet<>();

    @Version
    private int version;

    protected UserAccount() {
    }

    public UserAccount(String username, String passwordHash, String displayName, String email, String sellerId,
                       Set<String> roles, Instant createdAt) {
        this.id = Ids.newId();
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.email = email;
        this.sellerId = sellerId;
        this.roles = new TreeSet<>(roles);
        this.enabled = true;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public String sellerId() {
        return sellerId;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Set<String> roles() {
        return Set.copyOf(roles);
    }

    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    public int accessEpoch() {
        return accessEpoch;
    }

    public boolean demo() {
        return demo;
    }

    void markAsDemo() {
        this.demo = true;
    }

    /** Taken over for real use (a demo account's name for the first administrator). */
    void leaveDemo() {
        this.demo = false;
    }

    void disable() {
        this.enabled = false;
        endSessions();
    }

    /** A data subject's erasure: the name and e-mail are gone, the account cannot sign in; the user name stays for the records that name it. */
    void erase() {
        this.displayName = "Erased user";
        this.email = null;
        disable();
    }

    void enable() {
        this.enabled = true;
    }

    /** A password an administrator chose: the user must replace it at the next sign-in. */
    void resetPassword(String temporaryHash) {
        this.passwordHash = temporaryHash;
        this.passwordChangeRequired = true;
        endSessions();
    }

    /** The user's own new password. */
    void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.passwordChangeRequired = false;
        endSessions();
    }

    void changeRoles(Set<String> newRoles, String newSellerId) {
        this.roles = new TreeSet<>(newRoles);
        this.sellerId = newSellerId;
        endSessions();
    }

    /** Sessions signed in before this change are no longer valid (sign-in checks the epoch). */
    private void endSessions() {
        this.accessEpoch++;
    }
}
