package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Base64;

/** A clean listing as the integration tests post it: home goods, HS 4421.91, 20 EUR, and a 1-pixel image. */
final class ListingFixtures {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static final String LISTINGS = "/api/v1/listings/";

    private ListingFixtures() {
    }

    static String body(String title) {
        return jakarta.json.Json.createObjectBuilder()
                .add("titleEn", title).add("descriptionEn", title + ", well made.")
                .add("category", "HOME").add("hsCode", "442191").add("originCountry", "CN")
                .add("price", new BigDecimal("20.00")).add("currency", "EUR").add("stockOwn", 10)
                .add("lithiumBattery", false).add("wholesale", false).add("weightGrams", 300).build().toString();
    }

    /** Creates the clean listing as seller-a with one image and submits it for review; its id. */
    static String submitted(Api api, String title) {
        Api.Response created = api.post(LISTINGS, "seller-a", body(title));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().getString("id");
        assertThat(api.sendBytes(LISTINGS + id + "/images?fileName=front.png", "seller-a", PNG).status()).isEqualTo(201);
        assertThat(api.post(LISTINGS + id + "/submit", "seller-a", "").status()).isEqualTo(200);
        return id;
    }
}
