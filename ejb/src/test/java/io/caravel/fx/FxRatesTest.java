package io.caravel.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravel.platform.CaravelException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the ECB layouts and converting with the table. */
class FxRatesTest {

    @Test
    void readsTheDailyCsvWithSpacesAndTrailingComma() {
        List<EcbRates.Rate> rates = EcbRates.parse(bytes("Date, USD, JPY, \n24 November 2026, 1.0850, 162.40, \n"));
        assertThat(rates).containsExactly(
                new EcbRates.Rate("USD", LocalDate.of(2026, 11, 24), new BigDecimal("1.0850")),
                new EcbRates.Rate("JPY", LocalDate.of(2026, 11, 24), new BigDecimal("162.40")));
    }

    @Test
    void readsTheHistoryCsvAndSkipsMissingValues() {
        List<EcbRates.Rate> rates = EcbRates.parse(bytes("Date,USD,CYP,\n2026-11-24,1.0850,N/A,\n2026-11-23,1.0800,N/A,\n"));
        assertThat(rates).extracting(EcbRates.Rate::currency).containsExactly("USD", "USD");
        assertThat(rates).extracting(EcbRates.Rate::date).containsExactly(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 23));
    }

    @Test
    void readsTheDailyXml() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
                  <gesmes:subject>Reference rates</gesmes:subject>
                  <Cube><Cube time="2026-11-24"><Cube currency="USD" rate="1.0850"/><Cube currency="GBP" rate="0.8450"/></Cube></Cube>
                </gesmes:Envelope>""";
        assertThat(EcbRates.parse(bytes(xml))).containsExactly(
                new EcbRates.Rate("USD", LocalDate.of(2026, 11, 24), new BigDecimal("1.0850")),
                new EcbRates.Rate("GBP", LocalDate.of(2026, 11, 24), new BigDecimal("0.8450")));
    }

    @Test
    void refusesOtherFilesAndBadValuesWithTheLine() {
        assertThatThrownBy(() -> EcbRates.parse(bytes("hello"))).isInstanceOf(CaravelException.class);
        assertThatThrownBy(() -> EcbRates.parse(bytes("Date, USD\n24 November 2026, abc\n")))
                .isInstanceOfSatisfying(CaravelException.class, e -> assertThat(e.arguments()).containsExactly(2, "bad rate \"abc\""));
        assertThatThrownBy(() -> EcbRates.parse(bytes("Date, USD\n2026-13-01, 1.1\n"))).isInstanceOf(CaravelException.class);
        assertThatThrownBy(() -> EcbRates.parse(bytes("Date, usd\n2026-11-01, 1.1\n"))).isInstanceOf(CaravelException.class);
        assertThatThrownBy(() -> EcbRates.parse(bytes("Date, USD\n2026-11-01, -1\n"))).isInstanceOf(CaravelException.class);
        assertThatThrownBy(() -> EcbRates.parse(bytes("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")))
                .isInstanceOf(CaravelException.class);
    }

    @Test
    void convertsThroughTheEuroRoundedToTheMinorUnitAndNamesTheOlderDate() {
        FxTable table = new FxTable(Map.of(
                "USD", new FxTable.Quote(new BigDecimal("1.0850"), LocalDate.of(2026, 11, 24), "ECB"),
                "JPY", new FxTable.Quote(new BigDecimal("162.40"), LocalDate.of(2026, 11, 24), "ECB"),
                "CNY", new FxTable.Quote(new BigDecimal("7.8600"), LocalDate.of(2026, 11, 23), "ECB"),
                "GBP", new FxTable.Quote(new BigDecimal("0.8450"), LocalDate.of(2026, 11, 24), "ECB")));
        FxTable.Conversion toEur = table.convert(new BigDecimal("108.50"), "USD", "EUR").orElseThrow();
        assertThat(toEur.amount()).isEqualByComparingTo("100.00");
        assertThat(toEur.rateDate()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(table.convert(new BigDecimal("10.00"), "USD", "JPY").orElseThrow().amount()).isEqualByComparingTo("1497");
        assertThat(table.convert(new BigDecimal("10.00"), "EUR", "EUR").orElseThrow().rate()).isEqualByComparingTo("1");
        FxTable.Conversion cross = table.convert(new BigDecimal("100.00"), "CNY", "GBP").orElseThrow();
        assertThat(cross.amount()).isEqualByComparingTo("10.75");
        assertThat(cross.rate()).isEqualByComparingTo("0.107506");
        assertThat(cross.rateDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(table.convert(BigDecimal.TEN, "USD", "XYZ")).isEmpty();
        assertThat(table.factorsTo("EUR").get("USD")).isEqualByComparingTo(BigDecimal.ONE.divide(new BigDecimal("1.0850"), java.math.MathContext.DECIMAL64));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
