package io.caravel.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravel.platform.CaravelException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The landed-cost rules of each regime on the bundled table, against figures computed by hand. */
class LandedCostCalculatorTest {

    private static final LocalDate BEFORE_JULY = LocalDate.of(2026, 6, 30);
    private static final LocalDate AFTER_JULY = LocalDate.of(2026, 7, 1);

    private final RuleBook book = new RuleBook(1, LandedCostRules.parse(bundled()));
    private final LandedCostCalculator calculator = new LandedCostCalculator(book, (amount, currency) -> amount);

    @Test
    void theEuLowValueDutyStartsOnTheFirstOfJuly2026PerDistinctSubheading() {
        List<LandedCostCalculator.Item> items = List.of(item("442191", "40.00", 300), item("442191", "10.00", 200),
                item("610910", "30.00", 200));
        LandedCost june = calculator.compute(new LandedCostCalculator.Parcel("FR", BEFORE_JULY, "STANDARD", false, items));
        LandedCost july = calculator.compute(new LandedCostCalculator.Parcel("FR", AFTER_JULY, "STANDARD", false, items));
        assertThat(june.regime()).isEqualTo(Regime.EU_IOSS);
        assertThat(june.duty()).isEqualByComparingTo("0");
        // 80.00 + 10.00 shipping = 90.00 × 20 % = 18.00
        assertThat(june.vat()).isEqualByComparingTo("18.00");
        // two distinct subheadings (4421.91, 6109.10): 2 × 3.00; VAT 20 % of 96.00
        assertThat(july.duty()).isEqualByComparingTo("6.00");
        assertThat(july.vat()).isEqualByComparingTo("19.20");
        assertThat(july.rulesUsed()).anyMatch(r -> r.startsWith("LOW_VALUE_DUTY_PER_SUBHEADING EU 3 EUR"));
    }

    @Test
    void usDeMinimisAppliedBeforeItsSuspensionAndNotAfter() {
        List<LandedCostCalculator.Item> items = List.of(item("610910", "50.00", 200));
        LandedCost before = calculator.compute(new LandedCostCalculator.Parcel("US", LocalDate.of(2025, 8, 28), "STANDARD",
                false, items));
        LandedCost after = calculator.compute(new LandedCostCalculator.Parcel("US", LocalDate.of(2025, 8, 29), "STANDARD",
                false, items));
        assertThat(before.regime()).isEqualTo(Regime.US_DE_MINIMIS);
        assertThat(before.duty()).isEqualByComparingTo("0");
        assertThat(after.regime()).isEqualTo(Regime.US_ENTRY);
        // 16.5 % of 50.00 (FOB) = 8.25
        assertThat(calculator.compute(new LandedCostCalculator.Parcel("US", AFTER_JULY, "STANDARD", false, items)).duty())
                .isEqualByComparingTo("8.25");
    }

    @Test
    void aCountrysOwnRowWinsOverItsAreaAndTheLongestHsPrefixWins() {
        assertThat(book.find(RuleKind.VAT, "DE", null, null, AFTER_JULY).orElseThrow().value()).isEqualByComparingTo("0.19");
        assertThat(book.find(RuleKind.DUTY, "DE", "610910", null, AFTER_JULY).orElseThrow().value()).isEqualByComparingTo("0.12");
        assertThat(book.find(RuleKind.DUTY, "DE", "999999", null, AFTER_JULY).orElseThrow().value()).isEqualByComparingTo("0.04");
        assertThat(book.find(RuleKind.SHIPPING_BASE, "CN", null, "EXPRESS", AFTER_JULY).orElseThrow().value())
                .isEqualByComparingTo("80");
    }

    @Test
    void chinaBondedStockTakesThe1210RegimeAndTheOrderLimitIsRefused() {
        LandedCost bonded = calculator.compute(new LandedCostCalculator.Parcel("CN", AFTER_JULY, "STANDARD", true,
                List.of(item("851830", "500.00", 250))));
        assertThat(bonded.regime()).isEqualTo(Regime.CN_1210);
        // 500 + 50 shipping; no consumption tax on earphones; VAT 13 % × 550 × 0.7 = 50.05
        assertThat(bonded.vat()).isEqualByComparingTo("50.05");
        assertThat(bonded.consumptionTax()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> calculator.compute(new LandedCostCalculator.Parcel("CN", AFTER_JULY, "STANDARD", false,
                List.of(item("851830", "4960.00", 250))))).isInstanceOf(CaravelException.class);
    }

    @Test
    void destinationsWithoutRulesAndUnknownMethodsAreProblemsNamingTheField() {
        assertThatThrownBy(() -> calculator.compute(new LandedCostCalculator.Parcel("BR", AFTER_JULY, "STANDARD", false,
                List.of(item("442191", "10.00", 100)))))
                .isInstanceOfSatisfying(CaravelException.class,
                        e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("destinationCountry"));
        assertThatThrownBy(() -> calculator.compute(new LandedCostCalculator.Parcel("DE", AFTER_JULY, "PIGEON", false,
                List.of(item("442191", "10.00", 100)))))
                .isInstanceOfSatisfying(CaravelException.class,
                        e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("shippingMethod"));
    }

    @Test
    void aBrokenTableIsRefusedWithItsLine() {
        assertThatThrownBy(() -> LandedCostRules.parse("rule,area,hs,method,value,currency,from,to,note\nVAT,DE,,,abc,,2026-01-01,,\n"
                .getBytes())).isInstanceOfSatisfying(CaravelException.class,
                        e -> assertThat(e.arguments()).containsExactly(2, "value must be a number"));
        assertThatThrownBy(() -> LandedCostRules.parse("rule,area,hs,method,value,currency,from,to,note\nIOSS_MAX,EU,,,150,,2026-01-01,,\n"
                .getBytes())).isInstanceOf(CaravelException.class);
        assertThatThrownBy(() -> LandedCostRules.parse("nothing here".getBytes())).isInstanceOf(CaravelException.class);
    }

    private static LandedCostCalculator.Item item(String hs, String value, int grams) {
        return new LandedCostCalculator.Item(hs, new BigDecimal(value), grams);
    }

    private static byte[] bundled() {
        try (InputStream in = LandedCostCalculatorTest.class.getClassLoader().getResourceAsStream(LandedCostRules.BUNDLED)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
