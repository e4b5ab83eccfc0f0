package io.caravel.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravel.platform.CaravelException;
import io.caravel.seller.ProductCategory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CommissionRulesTest {

    private static CommissionRules parse(String csv) {
        return CommissionRules.parse("test", csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theCategorysLatestRowOnOrBeforeTheDayAppliesElseTheDefault() {
        CommissionRules rules = parse("""
                category,effective_from,commission_percent,payment_fee_percent,note
                *,2026-01-01,10,1.5,default
                ELECTRONICS,2026-01-01,8,1.5,
                ELECTRONICS,2026-12-01,9,1.2,revised
                APPAREL,2027-01-01,15,1.5,announced
                """);
        assertThat(rules.on(ProductCategory.ELECTRONICS, LocalDate.parse("2026-11-30")).commission()).isEqualByComparingTo("0.08");
        CommissionRules.Rates december = rules.on(ProductCategory.ELECTRONICS, LocalDate.parse("2026-12-01"));
        assertThat(december.commission()).isEqualByComparingTo("0.09");
        assertThat(december.paymentFee()).isEqualByComparingTo("0.012");
        // apparel's own row starts later: until then the default applies
        assertThat(rules.on(ProductCategory.APPAREL, LocalDate.parse("2026-12-31")).commission()).isEqualByComparingTo("0.10");
        assertThat(rules.on(ProductCategory.APPAREL, LocalDate.parse("2027-01-01")).commission()).isEqualByComparingTo("0.15");
        assertThat(rules.on(null, LocalDate.parse("2026-06-01")).commission()).isEqualByComparingTo(new BigDecimal("0.1"));
        assertThat(rules.sha256()).hasSize(64);
    }

    @Test
    void theShippedTableReads() {
        CommissionRules rules = CommissionRules.bundled();
        assertThat(rules.source()).isEqualTo(CommissionRules.BUNDLED);
        assertThat(rules.on(ProductCategory.JEWELRY, LocalDate.parse("2026-11-26")).commission()).isEqualByComparingTo("0.20");
    }

    @Test
    void aBadTableIsRefusedWithTheLineNamed() {
        assertThatThrownBy(() -> parse("category,effective_from,commission_percent,payment_fee_percent\n*,2026-01-01,10,1.5\nGADGETS,2026-01-01,5,1\n"))
                .isInstanceOf(CaravelException.class).satisfies(e -> assertThat(((CaravelException) e).fieldErrors().get(0).arguments())
                        .containsExactly(3, "unknown category GADGETS"));
        assertThatThrownBy(() -> parse("category,effective_from,commission_percent,payment_fee_percent\n*,2026-01-01,120,1.5\n"))
                .isInstanceOf(CaravelException.class).satisfies(e -> assertThat(((CaravelException) e).fieldErrors().get(0).arguments())
                        .containsExactly(2, "a percentage from 0 to 100, not 120"));
        assertThatThrownBy(() -> parse("category,effective_from,commission_percent,payment_fee_percent\n*,1 Jan,10,1.5\n"))
                .isInstanceOf(CaravelException.class);
        assertThatThrownBy(() -> parse("category,effective_from,commission_percent,payment_fee_percent\nTOYS,2026-01-01,10,1.5\n"))
                .isInstanceOf(CaravelException.class).satisfies(e -> assertThat(((CaravelException) e).fieldErrors().get(0).arguments())
                        .containsExactly(0, "no default row (category *)"));
    }
}
