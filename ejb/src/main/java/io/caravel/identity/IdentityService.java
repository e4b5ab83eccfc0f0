package io.caravel.identity;

import io.caravel.audit.AuditTrail;
import io.caravel.seller.Seller;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.Roles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** User accounts: who may sign in, with which roles, for which seller. */
@Stateless
public class IdentityService {

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private PasswordHasher passwordHasher;

    @Inject
    private AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    /** Creates a user account; the user name must be new and a seller user must name an existing seller. */
    public UserView create(NewUser user, Caller actor) {
        for (String role : user.getRoles()) {
            if (!Roles.ALL.contains(role)) {
                throw CaravelException.invalid("roles", "error.user.role-unknown", role);
            }
        }
        boolean seller = user.getRoles().contains(Roles.SELLER);
        if (seller && (user.getSellerId() == null || em.find(Seller.class, user.getSellerId()) == null)) {
            throw CaravelException.invalid("sellerId", "error.user.seller-required");
        }
        if (!seller && user.getSellerId() != null) {
            throw CaravelException.invalid("sellerId", "error.user.seller-only");
        }
        if (find(user.getUsername()).isPresent()) {
            throw CaravelException.conflict("error.user.exists", user.getUsername());
        }
        UserAccount account = new UserAccount(user.getUsername(), passwordHasher.hash(user.getPassword()),
                user.getDisplayName().trim(), user.getEmail(), user.getSellerId(), user.getRoles(), clock.instant());
        em.persist(account);
        audit.record(actor.username(), "USER_CREATED", "user", account.username(), "roles=" + user.getRoles());
        return UserView.of(account);
    }

    /** Creates a demo user with a fixed password, bypassing the password policy (demo mode only). */
    public void createDemoUser(String username, String password, String displayName, String sellerId, Set<String> roles) {
        if (find(username).isEmpty()) {
            em.persist(new UserAccount(username, passwordHasher.hash(password), displayName, null, sellerId, roles,
                    clock.instant()));
            audit.record("system", "USER_CREATED", "user", username, "demo user, roles=" + roles);
        }
    }

    /** Whether a user of this name exists and is enabled (the identity store checks only those). */
    public boolean canSignIn(String username) {
        return find(username).filter(UserAccount::enabled).isPresent();
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
