package io.caravel.it;

import java.math.BigDecimal;
import java.util.Base64;

/** A clean listing as the integration tests post it: home goods, HS 4421.91, 20 EUR, and a 1-pixel image. */
final class ListingFixtures {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private ListingFixtures() {
    }

    static String body(String title) {
        return jakarta.json.Json.createObjectBuilder()
                .add("titleEn", title).add("descriptionEn", title + ", well made.")
                .add("category", "HOME").add("hsCode", "442191").add("originCountry", "CN")
                .add("price", new BigDecimal("20.00")).add("currency", "EUR").add("stockOwn", 10)
                .add("lithiumBattery", false).add("wholesale", false).add("weightGrams", 300).build().toString();
    }
}
