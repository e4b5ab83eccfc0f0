package io.caravel.order;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Turns a quote into an order: the quote and who receives the parcel. */
public class OrderRequest {

    /** Who receives the parcel, where. China needs the ID number of the buyer, who must also be the payer. */
    @Schema(name = "ConsigneeRequest")
    public static class Consignee {
        @NotBlank(message = "{caravel.checkout.consignee.name}")
        @Size(max = 200, message = "{caravel.application.text.size}")
        private String name;
        @Size(max = 40, message = "{caravel.application.text.size}")
        @Pattern(regexp = "^[+0-9 ()-]*$", message = "{caravel.checkout.consignee.phone}")
        private String phone;
        @NotBlank(message = "{caravel.checkout.consignee.address}")
        @Size(max = 400, message = "{caravel.application.text.size}")
        private String address;
        @NotBlank(message = "{caravel.checkout.consignee.city}")
        @Size(max = 100, message = "{caravel.application.text.size}")
        private String city;
        @Size(max = 20, message = "{caravel.application.text.size}")
        private String postcode;
        @Size(max = 40, message = "{caravel.application.text.size}")
        private String idNumber;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
        public String getAddress() { return address; }
        public void setAddress(String address) { this.address = address; }
        public String getCity() { return city; }
        public void setCity(String city) { this.city = city; }
        public String getPostcode() { return postcode; }
        public void setPostcode(String postcode) { this.postcode = postcode; }
        public String getIdNumber() { return idNumber; }
        public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    }

    @NotBlank(message = "{caravel.checkout.quote.required}")
    @Size(max = 36, message = "{caravel.checkout.quote.required}")
    private String quoteId;
    @NotNull(message = "{caravel.checkout.consignee.name}")
    @Valid
    private Consignee consignee;

    public String getQuoteId() { return quoteId; }
    public void setQuoteId(String quoteId) { this.quoteId = quoteId; }
    public Consignee getConsignee() { return consignee; }
    public void setConsignee(Consignee consignee) { this.consignee = consignee; }
}
