package io.caravel.channel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What an administrator sets for a storefront channel. */
public class ChannelRequest {

    @NotBlank(message = "{caravel.channel.name}")
    @Size(max = 100, message = "{caravel.channel.name}")
    private String name;
    /** The store it sells (a seller id); empty: the whole marketplace. */
    @Size(max = 36, message = "{caravel.channel.seller}")
    private String sellerId;
    @NotEmpty(message = "{caravel.channel.currencies}")
    @Size(max = 20, message = "{caravel.channel.currencies}")
    private List<@jakarta.validation.constraints.NotNull(message = "{caravel.channel.list}") @Pattern(regexp = "^[A-Za-z]{3}$", message = "{caravel.channel.currencies}") String> currencies;
    @NotEmpty(message = "{caravel.channel.destinations}")
    @Size(max = 60, message = "{caravel.channel.destinations}")
    private List<@jakarta.validation.constraints.NotNull(message = "{caravel.channel.list}") @Pattern(regexp = "^[A-Za-z]{2}$", message = "{caravel.channel.destinations}") String> destinations;
    @NotEmpty(message = "{caravel.channel.languages}")
    @Size(max = 2, message = "{caravel.channel.languages}")
    private List<@jakarta.validation.constraints.NotNull(message = "{caravel.channel.list}") @Pattern(regexp = "^(en|zh)$", message = "{caravel.channel.languages}") String> languages;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getSellerId() { return sellerId; }
    public void setSellerId(String sellerId) { this.sellerId = sellerId; }
    public List<String> getCurrencies() { return currencies; }
    public void setCurrencies(List<String> currencies) { this.currencies = currencies; }
    public List<String> getDestinations() { return destinations; }
    public void setDestinations(List<String> destinations) { this.destinations = destinations; }
    public List<String> getLanguages() { return languages; }
    public void setLanguages(List<String> languages) { this.languages = languages; }
}
