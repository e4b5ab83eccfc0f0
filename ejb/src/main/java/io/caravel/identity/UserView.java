package io.caravel.identity;

import java.time.Instant;
import java.util.Set;

/** A user account as the API shows it: never the password hash. */
public record UserView(String id, String username, String displayName, String email, String sellerId,
                       Set<String> roles, boolean enabled, boolean passwordChangeRequired, boolean demo,
                       Instant createdAt) {

    static UserView of(UserAccount user) {
        return new UserView(user.id(), user.username(), user.displayName(), user.email(), user.sellerId(),
                user.roles(), user.enabled(), user.passwordChangeRequired(), user.demo(), user.createdAt());
    }
}
