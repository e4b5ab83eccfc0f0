package io.caravel.creator;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A creator's link for a published product, and what the content it sits in says of itself: sponsored
 * (paid or gifted by the seller) content must carry the disclosure (#ad, 广告) and say so here.
 */
public class LinkRequest {

    @NotBlank(message = "{caravel.checkout.product.required}")
    @Size(max = 36, message = "{caravel.checkout.product.required}")
    private String productId;
    private boolean sponsored;
    private boolean disclosed;
    @Size(max = 500, message = "{caravel.application.text.size}")
    @Pattern(regexp = "^(https://\\S+)?$", message = "{caravel.creator.url}")
    private String contentUrl;

    public String getProductId() { return productId; }
    public void setProductId(String productId) { this.productId = productId; }
    public boolean isSponsored() { return sponsored; }
    public void setSponsored(boolean sponsored) { this.sponsored = sponsored; }
    public boolean isDisclosed() { return disclosed; }
    public void setDisclosed(boolean disclosed) { this.disclosed = disclosed; }
    public String getContentUrl() { return contentUrl; }
    public void setContentUrl(String contentUrl) { this.contentUrl = contentUrl; }
}
