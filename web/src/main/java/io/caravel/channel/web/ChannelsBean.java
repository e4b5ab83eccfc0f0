package io.caravel.channel.web;

import io.caravel.channel.ChannelRequest;
import io.caravel.channel.Channels;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.web.ui.FacesMessages;
import io.caravel.seller.Seller;
import io.caravel.seller.SellerDirectory;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Administration → Storefront channels: every channel with its settings, a new channel, a new token
 * or deactivation; a token is shown once, right after it was made.
 */
@Named
@ViewScoped
public class ChannelsBean implements Serializable {

    @Inject
    private transient Channels channels;

    @Inject
    private transient SellerDirectory sellers;

    @Inject
    private Caller caller;

    private String name;
    private String sellerId;
    private String currencies = "EUR";
    private String destinations = "DE, FR";
    /** Mutable: the check boxes' converter makes a new list of the same class when it sets the value. */
    private List<String> languages = new java.util.ArrayList<>(List.of("en", "zh"));
    private String issuedToken;
    private String issuedFor;
    private transient List<Channels.View> list;
    private transient Map<String, String> sellerNames;

    public List<Channels.View> getList() {
        if (list == null) {
            list = channels.list(caller);
        }
        return list;
    }

    public List<Seller> getSellers() {
        return sellers.active();
    }

    public String sellerName(String id) {
        if (id == null) {
            return null;
        }
        if (sellerNames == null) {
            sellerNames = sellers.active().stream().collect(Collectors.toMap(Seller::id, Seller::legalName, (a, b) -> a));
        }
        return sellerNames.getOrDefault(id, id);
    }

    public String join(List<String> codes) {
        return String.join(", ", codes);
    }

    /** The channel's languages as their speakers write them. */
    public String languageNames(List<String> codes) {
        return codes.stream().map(c -> "zh".equals(c) ? "中文" : "en".equals(c) ? "English" : c)
                .collect(Collectors.joining(", "));
    }

    public void create() {
        ChannelRequest request = new ChannelRequest();
        request.setName(name);
        request.setSellerId(sellerId);
        request.setCurrencies(split(currencies));
        request.setDestinations(split(destinations));
        request.setLanguages(languages);
        if (issue(() -> channels.create(caller, request), "channel-form:")) {
            name = null;
        }
    }

    public void rotate(String id) {
        issue(() -> channels.rotate(caller, id), "channels-form:");
    }

    public void deactivate(String id) {
        try {
            channels.deactivate(caller, id);
            list = null;
        } catch (CaravelException e) {
            FacesMessages.error(e, "channels-form:");
        }
    }

    private boolean issue(java.util.function.Supplier<Channels.Issued> action, String form) {
        try {
            Channels.Issued issued = action.get();
            issuedToken = issued.token();
            issuedFor = issued.channel().name();
            list = null;
            return true;
        } catch (CaravelException e) {
            FacesMessages.error(e, form);
            return false;
        }
    }

    private static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getSellerId() { return sellerId; }
    public void setSellerId(String sellerId) { this.sellerId = sellerId; }
    public String getCurrencies() { return currencies; }
    public void setCurrencies(String currencies) { this.currencies = currencies; }
    public String getDestinations() { return destinations; }
    public void setDestinations(String destinations) { this.destinations = destinations; }
    public List<String> getLanguages() { return languages; }
    public void setLanguages(List<String> languages) { this.languages = languages; }
    public String getIssuedToken() { return issuedToken; }
    public String getIssuedFor() { return issuedFor; }
}
