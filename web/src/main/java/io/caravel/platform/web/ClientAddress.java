package io.caravel.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request comes from. Behind a reverse proxy every request comes from the proxy, so
 * the proxies named in {@code caravel.http.trusted-proxies} are looked through: the client is the
 * last address in {@code X-Forwarded-For} that is not one of them. A header from anyone else is
 * ignored (it is trivial to forge).
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    @ConfigProperty(name = "caravel.http.trusted-proxies")
    Optional<String> trustedProxies = Optional.empty();

    public String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        List<String> trusted = trustedProxies.map(list -> Arrays.stream(list.split(",")).map(String::trim)
                .filter(a -> !a.isEmpty()).toList()).orElse(List.of());
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trusted.contains(remote)) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trusted.contains(hop)) {
                return hop;
            }
        }
        return remote;
    }
}
