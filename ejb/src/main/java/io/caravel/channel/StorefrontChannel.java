package io.caravel.channel;

import io.caravel.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A storefront channel: an independent site on the headless API selling one store's products (or the
 * whole marketplace's) in its own currencies, to the destinations it serves, in its languages, with
 * its own API token (only the SHA-256 of the secret is kept).
 */
@Entity(name = "StorefrontChannel")
@Table(name = "storefront_channel")
public class StorefrontChannel {

    @Id
    private String id;
    @Column(nullable = false)
    private String name;
    /** The store whose products the channel sells; null: every marketplace seller's. */
    @Column(name = "seller_id")
    private String sellerId;
    @Column(nullable = false)
    private String currencies;
    @Column(nullable = false)
    private String destinations;
    @Column(nullable = false)
    private String languages;
    @Column(name = "token_id", nullable = false)
    private String tokenId;
    @Column(name = "secret_sha256", nullable = false)
    private String secretSha256;
    private boolean active;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "token_issued_at", nullable = false)
    private Instant tokenIssuedAt;
    @Version
    private int version;

    protected StorefrontChannel() {
    }

    StorefrontChannel(String name, String sellerId, List<String> currencies, List<String> destinations, List<String> languages,
                      String tokenId, String secretSha256, Instant now, String by) {
        this.id = Ids.newId();
        this.createdAt = now;
        this.createdBy = by;
        this.active = true;
        configure(name, sellerId, currencies, destinations, languages);
        newToken(tokenId, secretSha256, now);
    }

    void configure(String name, String sellerId, List<String> currencies, List<String> destinations, List<String> languages) {
        this.name = name;
        this.sellerId = sellerId;
        this.currencies = String.join(",", currencies);
        this.destinations = String.join(",", destinations);
        this.languages = String.join(",", languages);
    }

    void newToken(String tokenId, String secretSha256, Instant now) {
        this.tokenId = tokenId;
        this.secretSha256 = secretSha256;
        this.tokenIssuedAt = now;
    }

    void deactivate() {
        this.active = false;
    }

    public String id() { return id; }
    public String name() { return name; }
    public String sellerId() { return sellerId; }
    public List<String> currencies() { return split(currencies); }
    public List<String> destinations() { return split(destinations); }
    public List<String> languages() { return split(languages); }
    public String tokenId() { return tokenId; }
    String secretSha256() { return secretSha256; }
    public boolean active() { return active; }
    public Instant createdAt() { return createdAt; }
    public Instant tokenIssuedAt() { return tokenIssuedAt; }
    public int version() { return version; }

    private static List<String> split(String list) {
        return list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
    }
}
