package io.caravel.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravel.identity.IdentityService;
import io.caravel.identity.PasswordHasher;
import io.caravel.platform.web.ClientAddress;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The identity store answers at once for a user it does not know; the mechanism then spends a
 * password hash on the decoy, so a wrong password costs the same whether the user exists or not.
 */
class SignInTimingTest {

    private final List<String> decoyChecks = new ArrayList<>();
    private final List<String> storeChecks = new ArrayList<>();
    private final CaravelAuthenticationMechanism mechanism = new CaravelAuthenticationMechanism();

    @BeforeEach
    void wire() {
        mechanism.identityStores = (IdentityStoreHandler) credential -> {
            UsernamePasswordCredential password = (UsernamePasswordCredential) credential;
            storeChecks.add(password.getCaller());
            return password.getCaller().equals("officer") && password.getPasswordAsString().equals("demo")
                    ? new CredentialValidationResult("officer", Set.of("compliance-officer")) : CredentialValidationResult.INVALID_RESULT;
        };
        mechanism.identity = new IdentityService() {
            @Override
            public java.util.Optional<io.caravel.identity.SignInState> signInState(String username) {
                return username.equals("officer")
                        ? java.util.Optional.of(new io.caravel.identity.SignInState(true, false, 1, null, "1:hash"))
                        : java.util.Optional.empty();
            }
        };
        VerifiedCredentials verified = new VerifiedCredentials();
        verified.ttl = "PT2M";
        verified.size = 100;
        verified.start();
        mechanism.verified = verified;
        mechanism.passwords = new PasswordHasher() {
            @Override
            public void checkAgainstDecoy(String password) {
                decoyChecks.add(password);
            }
        };
        SignInGuard guard = new SignInGuard();
        guard.freeFailures = 5;
        guard.addressFailures = 50;
        mechanism.guard = guard;
        mechanism.clientAddress = new ClientAddress();
    }

    @Test
    void anUnknownUserCostsAHashAKnownOneHasHadItsOwn() {
        mechanism.verify(new UsernamePasswordCredential("nobody", "guess"), request("10.0.0.1"));
        mechanism.verify(new UsernamePasswordCredential("officer", "guess"), request("10.0.0.1"));
        mechanism.verify(new UsernamePasswordCredential("x".repeat(500), "guess"), request("10.0.0.1"));
        assertThat(decoyChecks).hasSize(2);
    }

    @Test
    void aHeldBackAttemptIsNotCheckedAtAll() {
        for (int i = 0; i < 5; i++) {
            assertThat(mechanism.verify(new UsernamePasswordCredential("officer", "guess"), request("10.0.0.2")).retryAfter()).isNull();
        }
        CaravelAuthenticationMechanism.Verdict held = mechanism.verify(new UsernamePasswordCredential("officer", "demo"), request("10.0.0.2"));
        assertThat(held.retryAfter()).isNotNull();
        assertThat(held.result().getStatus()).isEqualTo(CredentialValidationResult.Status.INVALID);
    }

    @Test
    void aPasswordVerifiedLatelyIsNotHashedAgainAndAWrongOneAlwaysIs() {
        assertThat(mechanism.verify(new UsernamePasswordCredential("officer", "demo"), request("10.0.0.3")).result().getStatus())
                .isEqualTo(CredentialValidationResult.Status.VALID);
        CaravelAuthenticationMechanism.Verdict again = mechanism.verify(new UsernamePasswordCredential("officer", "demo"),
                request("10.0.0.3"));
        assertThat(again.result().getStatus()).isEqualTo(CredentialValidationResult.Status.VALID);
        assertThat(again.result().getCallerGroups()).containsExactly("compliance-officer");
        assertThat(storeChecks).containsExactly("officer");
        assertThat(mechanism.verify(new UsernamePasswordCredential("officer", "dem0"), request("10.0.0.3")).result().getStatus())
                .isEqualTo(CredentialValidationResult.Status.INVALID);
        assertThat(storeChecks).containsExactly("officer", "officer");
    }

    private static HttpServletRequest request(String address) {
        return (HttpServletRequest) Proxy.newProxyInstance(SignInTimingTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> address;
                    default -> null;
                });
    }
}
