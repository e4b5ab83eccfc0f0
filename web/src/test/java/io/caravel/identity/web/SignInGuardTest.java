package io.caravel.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignInGuardTest {

    private final SignInGuard guard = new SignInGuard();
    private Instant now = Instant.parse("2026-11-26T10:00:00Z");

    @BeforeEach
    void configure() {
        guard.freeFailures = 5;
        guard.addressFailures = 50;
        guard.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    @Test
    void aGuesserWaitsLongerAndLongerWhileTheOwnerElsewhereIsNeverHeldBack() {
        for (int i = 0; i < 5; i++) {
            assertThat(guard.waitBefore("officer", "10.0.0.9")).isEmpty();
            guard.failed("officer", "10.0.0.9");
        }
        assertThat(guard.waitBefore("officer", "10.0.0.9")).contains(Duration.ofSeconds(30));
        assertThat(guard.waitBefore("Officer", "10.0.0.9")).as("user names are not case-sensitive here").isPresent();
        assertThat(guard.waitBefore("officer", "192.168.1.20")).as("the owner at another address").isEmpty();
        assertThat(guard.waitBefore("lead", "10.0.0.9")).as("another account from the same address").isEmpty();

        now = now.plusSeconds(31);
        assertThat(guard.waitBefore("officer", "10.0.0.9")).isEmpty();
        guard.failed("officer", "10.0.0.9");
        assertThat(guard.waitBefore("officer", "10.0.0.9")).contains(Duration.ofSeconds(60));
        for (int i = 0; i < 20; i++) {
            guard.failed("officer", "10.0.0.9");
        }
        assertThat(guard.waitBefore("officer", "10.0.0.9")).as("capped at the window").contains(SignInGuard.WINDOW);
    }

    @Test
    void aSuccessClearsItsOwnCounter() {
        for (int i = 0; i < 4; i++) {
            guard.failed("seller-a", "10.0.0.1");
        }
        guard.succeeded("seller-a", "10.0.0.1");
        guard.failed("seller-a", "10.0.0.1");
        assertThat(guard.waitBefore("seller-a", "10.0.0.1")).isEmpty();
    }

    @Test
    void anAddressTryingManyAccountsWaitsOutTheWindow() {
        for (int i = 0; i < 50; i++) {
            guard.failed("user" + i, "10.6.6.6");
        }
        assertThat(guard.waitBefore("someone-new", "10.6.6.6")).contains(SignInGuard.WINDOW);
        assertThat(guard.waitBefore("someone-new", "10.0.0.2")).isEmpty();
        now = now.plus(SignInGuard.WINDOW);
        assertThat(guard.waitBefore("someone-new", "10.6.6.6")).isEmpty();
    }
}
