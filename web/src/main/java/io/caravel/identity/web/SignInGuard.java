package io.caravel.identity.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows password guessing without letting an attacker lock the owner out. Failed sign-ins are
 * counted per account and address, and per address: after {@code caravel.signin.free-failures} wrong
 * passwords for one account from one address, that address must wait before trying that account
 * again (30 s, doubling up to 15 minutes); after {@code caravel.signin.address-failures} wrong
 * passwords from one address for any accounts, the address waits out the window. The owner signing
 * in from another address is never held back, and a success clears its own counter. Counters live in
 * this node's memory for {@link #WINDOW} (bounded in size); each node of a cluster counts its own.
 */
@ApplicationScoped
public class SignInGuard {

    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration FIRST_WAIT = Duration.ofSeconds(30);

    private final Cache<String, Failures> byAccountAndAddress = Caffeine.newBuilder()
            .expireAfterWrite(WINDOW).maximumSize(200_000).build();
    private final Cache<String, Failures> byAddress = Caffeine.newBuilder()
            .expireAfterWrite(WINDOW).maximumSize(100_000).build();

    @Inject
    @ConfigProperty(name = "caravel.signin.free-failures", defaultValue = "5")
    int freeFailures;

    @Inject
    @ConfigProperty(name = "caravel.signin.address-failures", defaultValue = "50")
    int addressFailures;

    Clock clock = Clock.systemUTC();

    /** How long this attempt must wait, or empty when it may go ahead. */
    public Optional<Duration> waitBefore(String account, String address) {
        Instant now = clock.instant();
        Failures pair = byAccountAndAddress.getIfPresent(key(account, address));
        if (pair != null && pair.count() >= freeFailures) {
            int doublings = Math.min(pair.count() - freeFailures, 5);
            Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
            Instant until = pair.last().plus(wait.compareTo(WINDOW) > 0 ? WINDOW : wait);
            if (now.isBefore(until)) {
                return Optional.of(Duration.between(now, until));
            }
        }
        Failures fromAddress = byAddress.getIfPresent(address);
        if (fromAddress != null && fromAddress.count() >= addressFailures) {
            Instant until = fromAddress.last().plus(WINDOW);
            if (now.isBefore(until)) {
                return Optional.of(Duration.between(now, until));
            }
        }
        return Optional.empty();
    }

    public void failed(String account, String address) {
        Instant now = clock.instant();
        byAccountAndAddress.asMap().merge(key(account, address), new Failures(1, now), Failures::plus);
        byAddress.asMap().merge(address, new Failures(1, now), Failures::plus);
    }

    public void succeeded(String account, String address) {
        byAccountAndAddress.invalidate(key(account, address));
    }

    private static String key(String account, String address) {
        return account.toLowerCase(Locale.ROOT) + "\u0000" + address;
    }

    record Failures(int count, Instant last) {
        Failures plus(Failures other) {
            return new Failures(count + other.count, other.last.isAfter(last) ? other.last : last);
        }
    }
}
