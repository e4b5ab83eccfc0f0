package io.caravel.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The verified-password cache never answers for another password, another account state or another node. */
class VerifiedCredentialsTest {

    private static VerifiedCredentials cache(String ttl) {
        VerifiedCredentials cache = new VerifiedCredentials();
        cache.ttl = ttl;
        cache.size = 100;
        cache.start();
        return cache;
    }

    @Test
    void onlyTheSameAccountStampAndPasswordFindTheEntry() {
        VerifiedCredentials cache = cache("PT2M");
        String key = cache.key("officer", "3:PBKDF2WithHmacSHA256:120000:salt:hash", "copper kettle morning");
        cache.remember(key, Set.of("compliance-officer"));

        assertThat(cache.groups(cache.key("officer", "3:PBKDF2WithHmacSHA256:120000:salt:hash", "copper kettle morning")))
                .contains(Set.of("compliance-officer"));
        assertThat(cache.groups(cache.key("officer", "3:PBKDF2WithHmacSHA256:120000:salt:hash", "copper kettle mornin"))).isEmpty();
        assertThat(cache.groups(cache.key("officer", "4:PBKDF2WithHmacSHA256:120000:salt:hash", "copper kettle morning")))
                .as("a password change, reset, role change or disabling moves the epoch").isEmpty();
        assertThat(cache.groups(cache.key("officer", "3:PBKDF2WithHmacSHA256:120000:salt:other", "copper kettle morning"))).isEmpty();
        assertThat(cache.groups(cache.key("lead", "3:PBKDF2WithHmacSHA256:120000:salt:hash", "copper kettle morning"))).isEmpty();
        // the parts are length-prefixed: moving text from one part into the next is another key
        assertThat(cache.key("ab", "c", "d")).isNotEqualTo(cache.key("a", "bc", "d"));
        // another node (or a restart) draws another HMAC key: its keys never match these
        assertThat(cache("PT2M").key("officer", "3:x", "pw")).isNotEqualTo(cache.key("officer", "3:x", "pw"));
        assertThat(key).doesNotContain("copper");
    }

    @Test
    void aZeroLifetimeRemembersNothing() {
        VerifiedCredentials cache = cache("PT0S");
        String key = cache.key("officer", "1:h", "pw");
        cache.remember(key, Set.of("compliance-officer"));
        assertThat(cache.groups(key)).isEmpty();
    }
}
