package io.caravel.payout;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.caravel.platform.Money;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class StatementsTest {

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    /** A sale of 100 + 10 shipping (8 % commission, 1.5 % fee on 133.10 paid), a refund of 55, a reserve of 20 held, 5 released. */
    private static PayoutView payout() {
        Instant day = Instant.parse("2026-11-20T10:15:00Z");
        List<PayoutView.Entry> entries = List.of(
                new PayoutView.Entry(1, "SALE", "order-1", day, "Wireless earbuds", eur("110.00"), eur("8.00"), eur("2.00"),
                        eur("23.10"), eur("100.00"), "8%/1.5%"),
                new PayoutView.Entry(2, "REFUND", "order-1", day.plusSeconds(3600), "dispute decided for the buyer", eur("-45.45"),
                        eur("-3.31"), eur("0.00"), eur("-9.55"), eur("-42.14"), null));
        return new PayoutView("payout-1", PayeeKind.SELLER, "seller-1", "Shenzhen Example Trading Co., Ltd.", "EUR", null,
                Instant.parse("2026-11-30T00:00:00Z"), eur("110.00"), eur("45.45"), eur("4.69"), eur("2.00"), eur("0.00"), eur("0.00"), eur("0.00"), eur("13.55"),
                eur("20.00"), eur("5.00"), eur("0.00"), eur("42.86"), "DUE", "caravel/payout/commission-rules.csv (SHA-256 ab)",
                Instant.parse("2026-11-30T02:00:00Z"), null, null, entries, 0);
    }

    @Test
    void theNetColumnOfTheCsvAddsUpToTheNetPayout() throws Exception {
        String text = new String(Statements.csv(payout(), Locale.ENGLISH), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFNo.,Date (UTC),Type,Order,Description,Amount,Commission,Fee,Duty and taxes,Net");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertThat(rows).extracting(r -> r.get("Type")).containsExactly("Sale", "Refund", "Reserve released", "Reserve held");
        BigDecimal net = rows.stream().map(r -> new BigDecimal(r.get("Net"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(net).isEqualByComparingTo(payout().net().amount());
        assertThat(rows.get(0).get("Amount")).isEqualTo("110.00");
    }

    @Test
    void textThatLooksLikeAFormulaIsNeverRunBySpreadsheets() {
        PayoutView p = payout();
        PayoutView.Entry evil = new PayoutView.Entry(3, "SALE", "order-2", Instant.parse("2026-11-21T00:00:00Z"),
                "=HYPERLINK(\"http://evil.example\")", eur("1.00"), eur("0.10"), eur("0.00"), eur("0.00"), eur("0.90"), null);
        PayoutView withEvil = new PayoutView(p.id(), p.payeeKind(), p.payeeId(), p.payeeName(), p.currency(), p.periodFrom(), p.periodTo(),
                p.sales(), p.refunds(), p.commission(), p.fees(), p.creatorFees(), p.penalties(), p.supplierCosts(), p.taxesCollected(), p.reserveHeld(), p.reserveReleased(),
                p.carriedForward(), p.net(), p.status(), p.commissionRules(), p.createdAt(), p.paidAt(), p.paidReference(),
                List.of(evil), 0);
        assertThat(new String(Statements.csv(withEvil, Locale.ENGLISH), StandardCharsets.UTF_8)).contains("\"'=HYPERLINK(");
        // a Chinese seller name in an English statement is drawn with the CJK font, not dropped
        PayoutView chineseName = new PayoutView(p.id(), p.payeeKind(), p.payeeId(), "深圳示例贸易有限公司", p.currency(), p.periodFrom(),
                p.periodTo(), p.sales(), p.refunds(), p.commission(), p.fees(), p.creatorFees(), p.penalties(), p.supplierCosts(), p.taxesCollected(), p.reserveHeld(),
                p.reserveReleased(), p.carriedForward(), p.net(), p.status(), p.commissionRules(), p.createdAt(), p.paidAt(),
                p.paidReference(), p.entries(), 0);
        assertThat(new String(Statements.pdf(chineseName, Locale.ENGLISH), StandardCharsets.ISO_8859_1)).contains("STSong-Light");
    }

    @Test
    void theCsvSpeaksChineseForAChineseReader() {
        String text = new String(Statements.csv(payout(), Locale.SIMPLIFIED_CHINESE), StandardCharsets.UTF_8);
        assertThat(text).contains("序号,日期（UTC）,类型", "销售", "退款", "预留保证金");
    }

    @Test
    void thePdfShowsTheSellerPeriodFiguresAndEveryEntry() throws Exception {
        byte[] pdf = Statements.pdf(payout(), Locale.ENGLISH);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        assertThat(text.toString()).contains("Payout statement", "Shenzhen Example Trading Co., Ltd.", "until 2026-11-30 00:00 UTC",
                "Net payout", "EUR 42.86", "EUR -4.69", "Wireless earbuds", "order-1", "-42.14", "EUR 13.55");
    }

    @Test
    void aChinesePdfIsMade() throws Exception {
        byte[] pdf = Statements.pdf(payout(), Locale.SIMPLIFIED_CHINESE);
        assertThat(new PdfReader(pdf).getNumberOfPages()).isEqualTo(1);
    }
}
