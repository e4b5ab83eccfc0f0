package io.caravel.payout;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.caravel.platform.CsvRows;
import io.caravel.platform.Messages;
import io.caravel.platform.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A payout statement as a CSV file and a PDF document, in English or Chinese: the same entries and
 * totals as the payout, so the net column of the CSV adds up to the net payout.
 */
public final class Statements {

    private static final String BUNDLE = "i18n.statements";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Statements() {
    }

    /** One line of the statement; the reserve and carried balance are lines too, so the net column sums to the payout. */
    private record Row(String no, String date, String kind, String order, String description, BigDecimal amount,
                       BigDecimal commission, BigDecimal fee, BigDecimal taxes, BigDecimal net, String rate) {
    }

    /** The statement as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Chinese correctly). */
    public static byte[] csv(PayoutView payout, Locale locale) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(
                t(locale, "col.no"), t(locale, "col.date"), t(locale, "col.kind"), t(locale, "col.order"),
                t(locale, "col.description"), t(locale, "col.amount"), t(locale, "col.commission"), t(locale, "col.fee"),
                t(locale, "col.taxes"), t(locale, "col.net"), t(locale, "col.rate"), t(locale, "currency")).get())) {
            for (Row row : rows(payout, locale)) {
                csv.printRecord(row.no(), row.date(), row.kind(), row.order(), CsvRows.text(row.description()), plain(row.amount(), payout.currency()),
                        plain(row.commission(), payout.currency()), plain(row.fee(), payout.currency()), plain(row.taxes(), payout.currency()), plain(row.net(), payout.currency()), row.rate(),
                        payout.currency());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The statement as a PDF document (A4 landscape). */
    public static byte[] pdf(PayoutView payout, Locale locale) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, bytes);
            BaseFont base = chinese(locale) || !latin(payout)
                    ? BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED)
                    : BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            Font title = new Font(base, 16, Font.BOLD);
            Font text = new Font(base, 9);
            Font bold = new Font(base, 9, Font.BOLD);
            document.addTitle(t(locale, "title") + " " + payout.id());
            document.addCreator("Caravel");
            document.open();
            document.add(new Paragraph(t(locale, "title"), title));
            PdfPTable head = new PdfPTable(new float[] {1, 3});
            head.setWidthPercentage(60);
            head.setHorizontalAlignment(Element.ALIGN_LEFT);
            head.setSpacingBefore(8);
            pair(head, t(locale, "payee." + payout.payeeKind()), payout.payeeName() + " (" + payout.payeeId() + ")", text, bold);
            pair(head, t(locale, "period"), period(payout, locale), text, bold);
            pair(head, t(locale, "currency"), payout.currency(), text, bold);
            pair(head, t(locale, "status"), t(locale, "status." + payout.status())
                    + (payout.paidAt() == null ? "" : " · " + t(locale, "paid", TIME.format(payout.paidAt()) + " UTC", payout.paidReference())),
                    text, bold);
            pair(head, "", t(locale, "made", TIME.format(payout.createdAt()) + " UTC") + " · " + payout.id(), text, bold);
            document.add(head);

            document.add(heading(t(locale, "summary"), bold));
            PdfPTable summary = new PdfPTable(new float[] {3, 1});
            summary.setWidthPercentage(60);
            summary.setHorizontalAlignment(Element.ALIGN_LEFT);
            String earned = payout.payeeKind() == PayeeKind.CREATOR ? ".creator" : "";
            amount(summary, t(locale, "sales" + earned), payout.sales(), text, locale);
            amount(summary, t(locale, "refunds" + earned), negate(payout.refunds()), text, locale);
            amount(summary, t(locale, "commission"), negate(payout.commission()), text, locale);
            amount(summary, t(locale, "fees"), negate(payout.fees()), text, locale);
            if (payout.supplierCosts().amount().signum() != 0) {
                amount(summary, t(locale, "supplier-costs"), negate(payout.supplierCosts()), text, locale);
            }
            if (payout.penalties().amount().signum() != 0) {
                amount(summary, t(locale, "penalties"), negate(payout.penalties()), text, locale);
            }
            if (payout.creatorFees().amount().signum() != 0) {
                amount(summary, t(locale, "creator-fees"), negate(payout.creatorFees()), text, locale);
            }
            amount(summary, t(locale, "reserve.held"), negate(payout.reserveHeld()), text, locale);
            amount(summary, t(locale, "reserve.released"), payout.reserveReleased(), text, locale);
            amount(summary, t(locale, "carried"), payout.carriedForward(), text, locale);
            amount(summary, t(locale, "net"), payout.net(), bold, locale);
            document.add(summary);
            document.add(new Paragraph(t(locale, "taxes", money(payout.taxesCollected(), locale)), text));

            document.add(heading(t(locale, "entries"), bold));
            List<Row> rows = rows(payout, locale);
            if (payout.entries().isEmpty()) {
                document.add(new Paragraph(t(locale, "entries.none"), text));
            }
            PdfPTable table = new PdfPTable(new float[] {0.5f, 1.1f, 1, 1.6f, 3.2f, 1.2f, 1.2f, 1, 1.2f, 1.2f});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String column : List.of("col.no", "col.date", "col.kind", "col.order", "col.description", "col.amount",
                    "col.commission", "col.fee", "col.taxes", "col.net")) {
                PdfPCell cell = new PdfPCell(new Phrase(t(locale, column), bold));
                cell.setBackgroundColor(new java.awt.Color(235, 238, 242));
                table.addCell(cell);
            }
            for (Row row : rows) {
                table.addCell(new Phrase(row.no(), text));
                table.addCell(new Phrase(row.date(), text));
                table.addCell(new Phrase(row.kind(), text));
                table.addCell(new Phrase(row.order(), text));
                table.addCell(new Phrase(row.description() + (row.rate() == null || row.rate().isEmpty() ? "" : " (" + row.rate() + ")"), text));
                for (BigDecimal value : new BigDecimal[] {row.amount(), row.commission(), row.fee(), row.taxes(), row.net()}) {
                    PdfPCell cell = new PdfPCell(new Phrase(value == null ? "" : number(value, payout.currency(), locale), text));
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                    table.addCell(cell);
                }
            }
            document.add(table);
            Paragraph footer = new Paragraph(t(locale, "rules", payout.commissionRules()) + "\n" + t(locale, "footer", payout.currency()), text);
            footer.setSpacingBefore(10);
            document.add(footer);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("The payout statement could not be drawn", e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return bytes.toByteArray();
    }

    private static List<Row> rows(PayoutView payout, Locale locale) {
        List<Row> rows = new ArrayList<>();
        for (PayoutView.Entry e : payout.entries()) {
            rows.add(new Row(Integer.toString(e.no()), DAY.format(e.occurredAt()), t(locale, "kind." + e.kind()), e.orderId(),
                    e.description(), e.amount().amount(), e.commission().amount(), e.fee().amount(), e.taxes().amount(),
                    e.net().amount(), e.rate() == null ? "" : e.rate()));
        }
        String day = DAY.format(payout.periodTo());
        if (payout.reserveReleased().amount().signum() != 0) {
            rows.add(balance("RESERVE_RELEASED", day, payout.reserveReleased().amount(), locale));
        }
        if (payout.carriedForward().amount().signum() != 0) {
            rows.add(balance("CARRIED", day, payout.carriedForward().amount(), locale));
        }
        if (payout.reserveHeld().amount().signum() != 0) {
            rows.add(balance("RESERVE_HELD", day, payout.reserveHeld().amount().negate(), locale));
        }
        return rows;
    }

    private static Row balance(String kind, String day, BigDecimal net, Locale locale) {
        return new Row("", day, t(locale, "kind." + kind), "", t(locale, "kind." + kind), null, null, null, null, net, "");
    }

    private static String period(PayoutView payout, Locale locale) {
        String to = TIME.format(payout.periodTo()) + " UTC";
        return payout.periodFrom() == null ? t(locale, "period.first", to)
                : t(locale, "period.range", TIME.format(payout.periodFrom()) + " UTC", to);
    }

    private static Paragraph heading(String text, Font font) {
        Paragraph heading = new Paragraph(text, font);
        heading.setSpacingBefore(12);
        heading.setSpacingAfter(4);
        return heading;
    }

    private static void pair(PdfPTable table, String label, String value, Font text, Font bold) {
        PdfPCell name = new PdfPCell(new Phrase(label, bold));
        name.setBorder(0);
        PdfPCell cell = new PdfPCell(new Phrase(value, text));
        cell.setBorder(0);
        table.addCell(name);
        table.addCell(cell);
    }

    private static void amount(PdfPTable table, String label, Money value, Font font, Locale locale) {
        table.addCell(new Phrase(label, font));
        PdfPCell cell = new PdfPCell(new Phrase(money(value, locale), font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(cell);
    }

    private static Money negate(Money money) {
        return new Money(money.amount().negate(), money.currency());
    }

    private static String money(Money money, Locale locale) {
        return money.currency() + " " + number(money.amount(), money.currency(), locale);
    }

    private static String number(BigDecimal value, String currency, Locale locale) {
        BigDecimal rounded = PayoutRun.round(value, currency);
        NumberFormat format = NumberFormat.getNumberInstance(chinese(locale) ? Locale.CHINA : Locale.UK);
        format.setMinimumFractionDigits(rounded.scale());
        format.setMaximumFractionDigits(rounded.scale());
        return format.format(rounded);
    }

    private static String plain(BigDecimal value, String currency) {
        return value == null ? "" : PayoutRun.round(value, currency).toPlainString();
    }

    /** Whether every text of the statement is in Latin-1 (else a Chinese seller name or title needs the CJK font). */
    private static boolean latin(PayoutView payout) {
        StringBuilder text = new StringBuilder(String.valueOf(payout.payeeName()));
        payout.entries().forEach(e -> text.append(e.description()));
        return text.chars().allMatch(c -> c < 0x100);
    }

    private static boolean chinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }

    private static String t(Locale locale, String key, Object... arguments) {
        return Messages.text(BUNDLE, chinese(locale) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT, key, arguments);
    }
}
