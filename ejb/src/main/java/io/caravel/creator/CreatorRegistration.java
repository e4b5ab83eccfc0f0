package io.caravel.creator;

import io.caravel.identity.SelfRegistration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a creator gives to register: the account, the name screened against sanctions lists, where they publish. */
public class CreatorRegistration extends SelfRegistration {

    @NotBlank(message = "{caravel.creator.legalName}")
    @Size(max = 200, message = "{caravel.application.text.size}")
    private String legalName;
    @NotNull(message = "{caravel.application.country}")
    @Pattern(regexp = "[A-Za-z]{2}", message = "{caravel.application.country}")
    private String country;
    @Size(max = 500, message = "{caravel.application.text.size}")
    @Pattern(regexp = "^(https://\\S+)?$", message = "{caravel.creator.url}")
    private String channelUrl;

    public String getLegalName() { return legalName; }
    public void setLegalName(String legalName) { this.legalName = legalName; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getChannelUrl() { return channelUrl; }
    public void setChannelUrl(String channelUrl) { this.channelUrl = channelUrl; }
}
