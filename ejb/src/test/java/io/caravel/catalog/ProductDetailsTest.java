package io.caravel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravel.seller.ProductCategory;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The one definition of a product's fields: stored normalised, copied whole, compared field by field. */
class ProductDetailsTest {

    @Test
    void storedFormIsTrimmedWithCodesInUpperCase() {
        ProductDetails d = new ProductDetails();
        d.setTitleEn("  Silk scarf ");
        d.setDescriptionZh("   ");
        d.setHsCode("6214.10 00");
        d.setOriginCountry("cn");
        d.setUnNumber("3480");
        d.setMinAdvertisedPrice(new BigDecimal("9.99"));
        ProductDetails stored = d.normalized();
        assertThat(stored.getTitleEn()).isEqualTo("Silk scarf");
        assertThat(stored.getDescriptionZh()).isNull();
        assertThat(stored.getHsCode()).isEqualTo("62141000");
        assertThat(stored.getOriginCountry()).isEqualTo("CN");
        assertThat(stored.getUnNumber()).isEqualTo("UN3480");
        assertThat(stored.getMinAdvertisedPrice()).as("only wholesale items have a minimum advertised price").isNull();
    }

    @Test
    void changesSinceAnEarlierRevisionNameEachChangedFieldInFormOrder() {
        ProductDetails before = new ProductDetails();
        before.setTitleEn("Air rifle");
        before.setCategory(ProductCategory.SPORTS);
        before.setHsCode("930320");
        before.setPrice(new BigDecimal("189.0"));
        ProductDetails after = before.copy();
        after.setHsCode("950300");
        after.setPrice(new BigDecimal("189.00"));
        assertThat(after.changesSince(before)).containsExactly(new ProductDetails.Change("hsCode", "930320", "950300"));
        assertThat(before.getHsCode()).as("a copy is independent").isEqualTo("930320");
    }

    @Test
    void shipsFromFollowsStockAndDropship() {
        ProductDetails d = new ProductDetails();
        d.setStockOwn(3);
        assertThat(d.getShipsFrom()).isEqualTo("OWN_WAREHOUSE");
        d.setStockOverseas(2);
        assertThat(d.getShipsFrom()).isEqualTo("OWN_AND_OVERSEAS_WAREHOUSE");
        assertThat(d.getTotalStock()).isEqualTo(5);
        d.setSupplierListingId("s-1");
        assertThat(d.getShipsFrom()).isEqualTo("SUPPLIER");
    }
}
