package io.caravel.fx;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.platform.CaravelException;
import io.caravel.platform.ProblemType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the European Central Bank's euro reference rates in the layouts the ECB publishes:
 * eurofxref.csv (one day, "24 November 2026"), eurofxref-hist.csv (many days, ISO dates, N/A for
 * missing) and eurofxref-daily.xml (Cube time / currency / rate). Rates are units per 1 EUR.
 */
public final class EcbRates {

    /** One rate read from a file. */
    @Schema(name = "EcbRate")
    public record Rate(String currency, LocalDate date, BigDecimal rate) {
    }

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private EcbRates() {
    }

    /** All rates in the file; the layout is recognised from the content. A file with an error gives no rates at all. */
    public static List<Rate> parse(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        if (text.startsWith("<")) {
            return xml(content);
        }
        if (text.regionMatches(true, 0, "Date", 0, 4)) {
            return csv(text);
        }
        throw format(1, "not an ECB reference-rate file (CSV starting with \"Date\" or XML)");
    }

    private static List<Rate> csv(String text) {
        List<Rate> rates = new ArrayList<>();
        try {
            List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get()
                    .parse(new StringReader(text)).getRecords();
            CSVRecord header = rows.get(0);
            for (int r = 1; r < rows.size(); r++) {
                CSVRecord row = rows.get(r);
                int line = r + 1;
                LocalDate date = date(row.get(0), line);
                for (int c = 1; c < Math.min(header.size(), row.size()); c++) {
                    String currency = header.get(c);
                    String value = row.get(c);
                    if (currency.isEmpty() || value.isEmpty() || value.equalsIgnoreCase("N/A")) {
                        continue;
                    }
                    rates.add(new Rate(currency(currency, line), date, rate(value, line)));
                }
            }
        } catch (IOException | IllegalStateException e) {
            throw format(1, "unreadable CSV");
        }
        if (rates.isEmpty()) {
            throw format(1, "no rates");
        }
        return rates;
    }

    private static List<Rate> xml(byte[] content) {
        List<Rate> rates = new ArrayList<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(true);
            NodeList cubes = factory.newDocumentBuilder().parse(new ByteArrayInputStream(content))
                    .getElementsByTagNameNS("*", "Cube");
            for (int i = 0; i < cubes.getLength(); i++) {
                Element day = (Element) cubes.item(i);
                if (!day.hasAttribute("time")) {
                    continue;
                }
                LocalDate date = date(day.getAttribute("time"), 0);
                NodeList children = day.getElementsByTagNameNS("*", "Cube");
                for (int j = 0; j < children.getLength(); j++) {
                    Element rate = (Element) children.item(j);
                    rates.add(new Rate(currency(rate.getAttribute("currency"), 0), date, rate(rate.getAttribute("rate"), 0)));
                }
            }
        } catch (CaravelException e) {
            throw e;
        } catch (Exception e) {
            throw format(0, "unreadable XML");
        }
        if (rates.isEmpty()) {
            throw format(0, "no rates");
        }
        return rates;
    }

    private static LocalDate date(String text, int line) {
        try {
            return Character.isDigit(text.charAt(0)) && text.length() == 10 && text.charAt(4) == '-'
                    ? LocalDate.parse(text) : LocalDate.parse(text, LONG_DATE);
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            throw format(line, "bad date \"" + text + "\"");
        }
    }

    private static String currency(String code, int line) {
        if (!code.matches("[A-Z]{3}")) {
            throw format(line, "bad currency \"" + code + "\"");
        }
        return code;
    }

    private static BigDecimal rate(String value, int line) {
        try {
            BigDecimal rate = new BigDecimal(value);
            if (rate.signum() <= 0) {
                throw new NumberFormatException();
            }
            return rate;
        } catch (NumberFormatException e) {
            throw format(line, "bad rate \"" + value + "\"");
        }
    }

    private static CaravelException format(int line, String problem) {
        return new CaravelException(ProblemType.VALIDATION, "error.fx.format", line, problem);
    }
}
