package io.caravel.channel;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.audit.AuditTrail;
import io.caravel.fx.FxService;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.ProblemType;
import io.caravel.seller.Seller;
import io.caravel.seller.SellerStatus;
import io.caravel.tariff.TariffRules;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Storefront channels (self-operated selling on the headless API): administrators set up a channel for
 * a store (or the whole marketplace) with its currencies, destinations and languages and hand its
 * token to the site's developers; a call that carries the token ({@code X-Channel-Token}) sees only
 * the channel's products, prices in its currencies and quotes only to its destinations. The secret is
 * shown once; a new token replaces the old one at once; a deactivated channel's token stops working.
 */
@Stateless
public class Channels {

    /** The request header a storefront channel's calls carry: {@code <tokenId>.<secret>}. */
    public static final String HEADER = "X-Channel-Token";

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private FxService fx;

    @Inject
    private TariffRules tariff;

    @Inject
    private AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    /** A channel as administrators and the channel's own site see it (never the secret). */
    @Schema(name = "ChannelView")
    public record View(String id, String name, String sellerId, List<String> currencies, List<String> destinations,
                       List<String> languages, boolean active, String tokenId, Instant tokenIssuedAt, Instant createdAt,
                       int version) {
    }

    /** A channel with its new token, shown once. */
    @Schema(name = "IssuedChannel")
    public record Issued(View channel, String token) {
    }

    /** What a channel's call may see and buy: resolved from its token for each request. */
    public record Scope(String channelId, String name, String sellerId, List<String> currencies, List<String> destinations,
                        List<String> languages) {

        /** The currency to use: the one asked for when the channel sells in it, else its first; another is a 400. */
        public String currency(String asked, String field) {
            if (asked == null || asked.isBlank()) {
                return currencies.get(0);
            }
            String code = asked.trim().toUpperCase(Locale.ROOT);
            if (!currencies.contains(code)) {
                throw CaravelException.invalid(field, "error.channel.currency", code, String.join(", ", currencies));
            }
            return code;
        }

        public void requireDestination(String country, String field) {
            if (!destinations.contains(country.trim().toUpperCase(Locale.ROOT))) {
                throw CaravelException.invalid(field, "error.channel.destination", country, String.join(", ", destinations));
            }
        }

        /** Whether a product of this seller is for sale on the channel. */
        public boolean sells(String productSellerId) {
            return sellerId == null || sellerId.equals(productSellerId);
        }
    }

    public Issued create(Caller caller, ChannelRequest request) {
        requireAdmin(caller);
        Clean c = clean(request);
        Secret secret = Secret.create();
        StorefrontChannel channel = new StorefrontChannel(c.name, c.sellerId, c.currencies, c.destinations, c.languages,
                secret.tokenId, secret.sha256, clock.instant(), caller.username());
        em.persist(channel);
        audit.record(caller.username(), "CHANNEL_CREATED", "channel", channel.id(), c.name + " " + channel.tokenId());
        return new Issued(view(channel), secret.token());
    }

    /** A demo channel with a token everybody knows (demo mode only). */
    public Issued createDemo(ChannelRequest request, String tokenId, String secretText) {
        Clean c = clean(request);
        StorefrontChannel channel = new StorefrontChannel(c.name, c.sellerId, c.currencies, c.destinations, c.languages,
                tokenId, sha256(secretText), clock.instant(), "demo");
        em.persist(channel);
        return new Issued(view(channel), tokenId + "." + secretText);
    }

    public View update(Caller caller, String id, Integer expectedVersion, ChannelRequest request) {
        requireAdmin(caller);
        StorefrontChannel channel = find(id, true);
        if (expectedVersion != null && expectedVersion != channel.version()) {
            throw new CaravelException(ProblemType.PRECONDITION_FAILED, "error.channel.stale");
        }
        Clean c = clean(request);
        channel.configure(c.name, c.sellerId, c.currencies, c.destinations, c.languages);
        audit.record(caller.username(), "CHANNEL_CHANGED", "channel", id, c.name);
        em.flush();
        return view(channel);
    }

    /** A new token; the old one stops working at once. */
    public Issued rotate(Caller caller, String id) {
        requireAdmin(caller);
        StorefrontChannel channel = find(id, true);
        if (!channel.active()) {
            throw CaravelException.conflict("error.channel.inactive");
        }
        Secret secret = Secret.create();
        channel.newToken(secret.tokenId, secret.sha256, clock.instant());
        audit.record(caller.username(), "CHANNEL_TOKEN_ISSUED", "channel", id, secret.tokenId);
        return new Issued(view(channel), secret.token());
    }

    public View deactivate(Caller caller, String id) {
        requireAdmin(caller);
        StorefrontChannel channel = find(id, true);
        if (channel.active()) {
            channel.deactivate();
            audit.record(caller.username(), "CHANNEL_DEACTIVATED", "channel", id, channel.name());
        }
        return view(channel);
    }

    public List<View> list(Caller caller) {
        requireAdmin(caller);
        return em.createQuery("select c from StorefrontChannel c order by c.createdAt desc, c.id", StorefrontChannel.class)
                .getResultStream().map(Channels::view).toList();
    }

    public View get(Caller caller, String id) {
        requireAdmin(caller);
        return view(find(id, false));
    }

    /**
     * The scope of a call's channel token; none without one. A token that is malformed, unknown,
     * replaced or of a deactivated channel is refused (401), never silently ignored.
     */
    public Scope resolve(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        int dot = token.indexOf('.');
        String tokenId = dot > 0 ? token.substring(0, dot).strip() : null;
        StorefrontChannel channel = tokenId == null || tokenId.length() > 40 ? null
                : em.createQuery("select c from StorefrontChannel c where c.tokenId = :t", StorefrontChannel.class)
                        .setParameter("t", tokenId).getResultStream().findFirst().orElse(null);
        if (channel == null || !channel.active() || !MessageDigest.isEqual(
                channel.secretSha256().getBytes(StandardCharsets.US_ASCII),
                sha256(token.substring(dot + 1).strip()).getBytes(StandardCharsets.US_ASCII))) {
            throw new CaravelException(ProblemType.UNAUTHENTICATED, "error.channel.token");
        }
        return new Scope(channel.id(), channel.name(), channel.sellerId(), channel.currencies(), channel.destinations(),
                channel.languages());
    }

    private StorefrontChannel find(String id, boolean lock) {
        StorefrontChannel channel = id == null ? null
                : lock ? em.find(StorefrontChannel.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(StorefrontChannel.class, id);
        if (channel == null) {
            throw CaravelException.notFound("channel", id);
        }
        return channel;
    }

    private record Clean(String name, String sellerId, List<String> currencies, List<String> destinations, List<String> languages) {
    }

    /**
     * Checks every setting (the pages call this without bean validation): a name, the store exists and sells,
     * 1 to 20 currencies with rates, 1 to 60 destinations with rules, languages en and/or zh.
     */
    private Clean clean(ChannelRequest r) {
        if (r.getName() == null || r.getName().isBlank() || r.getName().strip().length() > 100) {
            throw CaravelException.invalid("name", "error.channel.name");
        }
        requireList(r.getCurrencies(), 20, "[A-Za-z]{3}", "currencies");
        requireList(r.getDestinations(), 60, "[A-Za-z]{2}", "destinations");
        requireList(r.getLanguages(), 2, "en|zh", "languages");
        String sellerId = r.getSellerId() == null || r.getSellerId().isBlank() ? null : r.getSellerId().strip();
        if (sellerId != null) {
            Seller seller = em.find(Seller.class, sellerId);
            if (seller == null || seller.status() != SellerStatus.ACTIVE) {
                throw CaravelException.invalid("sellerId", "error.channel.seller", sellerId);
            }
        }
        List<String> currencies = upper(r.getCurrencies());
        var rates = fx.table();
        for (String currency : currencies) {
            if (!rates.knows(currency)) {
                throw CaravelException.invalid("currencies", "error.catalog.currency", currency);
            }
        }
        List<String> destinations = upper(r.getDestinations());
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        var book = tariff.book();
        for (String country : destinations) {
            if (!book.serves(country, today)) {
                throw CaravelException.invalid("destinations", "error.checkout.destination", country);
            }
        }
        return new Clean(r.getName().strip(), sellerId, currencies, destinations,
                List.copyOf(new LinkedHashSet<>(r.getLanguages().stream().map(String::strip).toList())));
    }

    private static void requireList(List<String> values, int max, String pattern, String field) {
        if (values == null || values.isEmpty() || values.size() > max
                || values.stream().anyMatch(v -> v == null || !v.strip().matches(pattern))) {
            throw CaravelException.invalid(field, "error.channel." + field);
        }
    }

    private static List<String> upper(List<String> codes) {
        return List.copyOf(new LinkedHashSet<>(codes.stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).toList()));
    }

    private static View view(StorefrontChannel c) {
        return new View(c.id(), c.name(), c.sellerId(), c.currencies(), c.destinations(), c.languages(), c.active(),
                c.tokenId(), c.tokenIssuedAt(), c.createdAt(), c.version());
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw CaravelException.forbidden();
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new token: a public id and 32 random bytes of secret. */
    private record Secret(String tokenId, String secret, String sha256) {
        static Secret create() {
            byte[] id = new byte[9];
            byte[] secret = new byte[32];
            RANDOM.nextBytes(id);
            RANDOM.nextBytes(secret);
            String text = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            return new Secret("ch_" + Base64.getUrlEncoder().withoutPadding().encodeToString(id), text, Channels.sha256(text));
        }

        String token() {
            return tokenId + "." + secret;
        }
    }
}
