package io.caravel.identity;

import io.caravel.audit.AuditTrail;
import io.caravel.seller.Seller;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.ProblemType;
import io.caravel.platform.Roles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** User accounts: who may sign in, with which roles, for which seller. */
@Stateless
public class IdentityService {

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private PasswordHasher passwordHasher;

    @Inject
    private AuditTrail audit;

    @Inject
    private Validator validator;

    private final Clock clock = Clock.systemUTC();

    /** Creates a user account; the user name must be new and a seller user must name an existing seller. */
    public UserView create(NewUser user, Caller actor) {
        // administrators create any user; anybody else only registers itself as a seller's user or a creator
        boolean selfRegistration = actor.username().equals(user.getUsername())
                && (Set.of(Roles.SELLER).equals(user.getRoles()) || Set.of(Roles.CREATOR).equals(user.getRoles()));
        if (!actor.isAdmin() && !selfRegistration) {
            throw CaravelException.forbidden();
        }
        validate(user);
        checkRoles(user.getRoles(), user.getSellerId());
        if (!selfRegistration && user.getRoles().contains(Roles.CREATOR)) {
            // a creator is screened when they register; an account made by hand would skip that
            throw CaravelException.invalid("roles", "error.user.creator-role");
        }
        checkPassword(user.getUsername(), user.getPassword(), "password");
        if (find(user.getUsername()).isPresent()) {
            throw CaravelException.conflict("error.user.exists", user.getUsername());
        }
        UserAccount account = new UserAccount(user.getUsername(), passwordHasher.hash(user.getPassword()),
                user.getDisplayName().trim(), user.getEmail(), user.getSellerId(), user.getRoles(), clock.instant());
        if (user.isPasswordChangeRequired()) {
            account.resetPassword(account.passwordHash());
        }
        em.persist(account);
        audit.record(actor.username(), "USER_CREATED", "user", account.username(), "roles=" + user.getRoles()
                + (user.isPasswordChangeRequired() ? ", must change password" : ""));
        return UserView.of(account);
    }

    /**
     * Creates the first administrator from the operator's start-up settings, once: when an enabled
     * administrator (other than a demo account) exists already, nothing happens and the answer is
     * false. A weak password is refused.
     */
    public boolean createFirstAdministrator(String username, String password) {
        if (administratorExists()) {
            return false;
        }
        if (!username.matches(NewUser.USERNAME_PATTERN)) {
            throw CaravelException.invalid("caravel.bootstrap.admin.username", "caravel.user.username.pattern");
        }
        checkPassword(username, password, "caravel.bootstrap.admin.password");
        Optional<UserAccount> existing = find(username);
        if (existing.isPresent()) {
            // a disabled or demo administrator, or a user of that name without the role: it becomes the administrator
            UserAccount account = existing.get();
            account.leaveDemo();
            account.changePassword(passwordHasher.hash(password));
            account.changeRoles(Set.of(Roles.ADMIN), null);
            account.enable();
        } else {
            em.persist(new UserAccount(username, passwordHasher.hash(password), "Administrator", null, null,
                    Set.of(Roles.ADMIN), clock.instant()));
        }
        audit.record("system", "ADMIN_BOOTSTRAPPED", "user", username, "first administrator from start-up settings");
        return true;
    }

    /** Whether an enabled administrator exists; a demo administrator (known password) does not count. */
    public boolean administratorExists() {
        return !em.createQuery("select u.id from UserAccount u join u.roles r"
                        + " where r = :admin and u.enabled = true and u.demo = false", String.class)
                .setParameter("admin", Roles.ADMIN).setMaxResults(1).getResultList().isEmpty();
    }

    /** Creates a demo user with a fixed password, bypassing the password policy (demo mode only). */
    public void createDemoUser(String username, String password, String displayName, String sellerId, Set<String> roles) {
        if (find(username).isEmpty()) {
            UserAccount account = new UserAccount(username, passwordHasher.hash(password), displayName, null, sellerId,
                    roles, clock.instant());
            account.markAsDemo();
            em.persist(account);
            audit.record("system", "USER_CREATED", "user", username, "demo user, roles=" + roles);
        }
    }

    /** Marks an account demo mode created through the ordinary paths (the demo applicants), so it is locked outside demo mode. */
    public void markAsDemo(String username) {
        existing(username).markAsDemo();
    }

    /**
     * Outside demo mode the demo accounts (known password) must not sign in: disables those still
     * enabled and answers their names.
     */
    public List<String> disableDemoUsers() {
        List<UserAccount> demoUsers = em.createQuery("select u from UserAccount u where u.demo = true and u.enabled = true",
                UserAccount.class).getResultList();
        for (UserAccount account : demoUsers) {
            account.disable();
            audit.record("system", "USER_DISABLED", "user", account.username(), "demo account, demo mode is off");
        }
        return demoUsers.stream().map(UserAccount::username).toList();
    }

    /** Disables an account: it cannot sign in, and its open sessions end. The last administrator stays. */
    public UserView disable(String username, Caller actor) {
        requireAdmin(actor);
        UserAccount account = existing(username);
        if (account.username().equals(actor.username())) {
            throw CaravelException.conflict("error.user.not-yourself");
        }
        if (account.enabled()) {
            keepAnAdministrator(account);
            account.disable();
            audit.record(actor.username(), "USER_DISABLED", "user", username, null);
        }
        return UserView.of(account);
    }

    /** Locks the account's row until the transaction ends (one of two concurrent requests of a user waits for the other). */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.MANDATORY)
    public void lock(String username) {
        em.lock(existing(username), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    /** Erases an account's personal fields (name, e-mail) and disables it, for a data subject's erasure request. */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.MANDATORY)
    public void erase(String username, String by) {
        UserAccount account = existing(username);
        account.erase();
        audit.record(by, "USER_ERASED", "user", username, "personal fields erased on the user's request");
    }

    public UserView enable(String username, Caller actor) {
        requireAdmin(actor);
        UserAccount account = existing(username);
        if (!account.enabled()) {
            account.enable();
            audit.record(actor.username(), "USER_ENABLED", "user", username, null);
        }
        return UserView.of(account);
    }

    /**
     * Gives the account a random one-time password (answered once, never stored in clear) that the
     * user must replace at the next sign-in; open sessions end.
     */
    public TemporaryPassword resetPassword(String username, Caller actor) {
        requireAdmin(actor);
        UserAccount account = existing(username);
        String temporary = PasswordPolicy.temporary();
        account.resetPassword(passwordHasher.hash(temporary));
        audit.record(actor.username(), "USER_PASSWORD_RESET", "user", username, "user must choose a new password");
        return new TemporaryPassword(account.username(), temporary);
    }

    /** Replaces the account's roles (and the seller a seller user acts for); open sessions end. */
    public UserView changeRoles(String username, Set<String> roles, String sellerId, Caller actor) {
        requireAdmin(actor);
        UserAccount account = existing(username);
        checkRoles(roles, sellerId);
        if (account.username().equals(actor.username()) && !roles.contains(Roles.ADMIN)) {
            throw CaravelException.conflict("error.user.not-yourself");
        }
        if (!roles.contains(Roles.ADMIN)) {
            keepAnAdministrator(account);
        }
        Set<String> before = account.roles();
        if (roles.contains(Roles.CREATOR) && !before.contains(Roles.CREATOR)) {
            throw CaravelException.invalid("roles", "error.user.creator-role");
        }
        if (!before.equals(roles) || !Objects.equals(account.sellerId(), sellerId)) {
            account.changeRoles(roles, sellerId);
            audit.record(actor.username(), "USER_ROLES_CHANGED", "user", username,
                    "roles " + new TreeSet<>(before) + " -> " + new TreeSet<>(roles)
                            + (sellerId == null ? "" : ", seller " + sellerId));
        }
        return UserView.of(account);
    }

    /** The signed-in user's own new password, after the current one (which a reset also asks for). */
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserAccount account = existing(username);
        if (currentPassword == null || !passwordHasher.matches(currentPassword, account.passwordHash())) {
            throw CaravelException.invalid("currentPassword", "error.password.current-wrong");
        }
        checkPassword(username, newPassword, "newPassword");
        if (newPassword.equals(currentPassword)) {
            throw CaravelException.invalid("newPassword", "error.password.unchanged");
        }
        account.changePassword(passwordHasher.hash(newPassword));
        audit.record(username, "USER_PASSWORD_CHANGED", "user", username, null);
    }

    /**
     * Whether a session signed in at this access epoch may go on, whether it must change its password first, and what a
     * verified password is valid with (any change of password, roles or status changes it); one query for all of it.
     */
    public Optional<SignInState> signInState(String username) {
        return find(username).map(u -> new SignInState(u.enabled(), u.passwordChangeRequired(), u.accessEpoch(), u.sellerId(),
                u.enabled() ? u.accessEpoch() + ":" + u.passwordHash() : null));
    }

    private void checkRoles(Set<String> roles, String sellerId) {
        if (roles == null || roles.isEmpty()) {
            throw CaravelException.invalid("roles", "caravel.user.roles.required");
        }
        for (String role : roles) {
            if (!Roles.ALL.contains(role)) {
                throw CaravelException.invalid("roles", "error.user.role-unknown", role);
            }
        }
        boolean seller = roles.contains(Roles.SELLER);
        if (seller && (sellerId == null || em.find(Seller.class, sellerId) == null)) {
            throw CaravelException.invalid("sellerId", "error.user.seller-required");
        }
        if (!seller && sellerId != null) {
            throw CaravelException.invalid("sellerId", "error.user.seller-only");
        }
    }

    private static void checkPassword(String username, String password, String field) {
        PasswordPolicy.violation(username, password).ifPresent(key -> {
            throw CaravelException.invalid(field, key, PasswordPolicy.MIN_LENGTH);
        });
    }

    /** Refuses a change that would leave no enabled administrator (nobody could manage users any more). */
    private void keepAnAdministrator(UserAccount changing) {
        if (!changing.roles().contains(Roles.ADMIN) || !changing.enabled()) {
            return;
        }
        Long others = em.createQuery("select count(u) from UserAccount u join u.roles r"
                        + " where r = :admin and u.enabled = true and u.id <> :id", Long.class)
                .setParameter("admin", Roles.ADMIN).setParameter("id", changing.id()).getSingleResult();
        if (others == 0) {
            throw CaravelException.conflict("error.user.last-admin");
        }
    }

    private UserAccount existing(String username) {
        return find(username).orElseThrow(() -> CaravelException.notFound("user", username));
    }

    /** The business rules check who acts, whatever page or resource called them. */
    private static void requireAdmin(Caller actor) {
        if (!actor.isAdmin()) {
            throw CaravelException.forbidden();
        }
    }

    /** The same checks for a new user on every path (the API validates the body too; a page builds it by hand). */
    private void validate(NewUser user) {
        List<CaravelException.FieldError> errors = validator.validate(user).stream()
                .sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new CaravelException.FieldError(v.getPropertyPath().toString(),
                        v.getMessageTemplate().replaceAll("^\\{|\\}$", "")))
                .toList();
        if (!errors.isEmpty()) {
            throw new CaravelException(ProblemType.VALIDATION, errors, "error.validation");
        }
    }

    /** The roles of an enabled account; empty for an unknown or disabled one. */
    public Optional<Set<String>> enabledRoles(String username) {
        return find(username).filter(UserAccount::enabled).map(u -> Set.copyOf(u.roles()));
    }

    public Optional<UserView> user(String username) {
        return find(username).map(UserView::of);
    }

    /** The caller's identity with the seller it acts for; unknown users have no seller. */
    public Caller caller(String username, Set<String> roles) {
        String sellerId = find(username).map(UserAccount::sellerId).orElse(null);
        return new Caller(username, roles, sellerId);
    }

    /** Users ordered by user name, one page at a time. */
    public Page<UserView> list(PageRequest page) {
        TypedQuery<UserAccount> query = page.after() == null
                ? em.createQuery("select u from UserAccount u order by u.username", UserAccount.class)
                : em.createQuery("select u from UserAccount u where u.username > :after order by u.username",
                        UserAccount.class).setParameter("after", page.after());
        List<UserAccount> rows = query.setMaxResults(page.limit() + 1).getResultList();
        List<UserView> items = rows.stream().limit(page.limit()).map(UserView::of).toList();
        String next = rows.size() > page.limit() ? PageRequest.cursorAfter(items.get(items.size() - 1).username()) : null;
        return new Page<>(items, next);
    }

    private Optional<UserAccount> find(String username) {
        return em.createQuery("select u from UserAccount u where u.username = :name", UserAccount.class)
                .setParameter("name", username)
                .getResultStream()
                .findFirst();
    }
}
