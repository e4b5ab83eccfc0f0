package io.caravel.platform;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The one way uploaded rule tables are read (and text cells of CSV files the product writes are made safe): UTF-8 (a byte-order mark ignored), values trimmed, empty
 * lines and lines starting with # skipped, the first line naming the columns; every data row mapped,
 * or a problem naming the line.
 */
public final class CsvRows {

    /** Makes the problem for a line (0: the whole file). */
    @FunctionalInterface
    public interface Problem {
        CaravelException at(int line, String what);
    }

    private CsvRows() {
    }

    /** Maps each data row (with its line number); a first line not naming the columns, or no rows, is a problem. */
    public static <T> List<T> map(byte[] content, String[] header, BiFunction<CSVRecord, Integer, T> mapper, Problem problem) {
        String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<T> mapped = new ArrayList<>();
        try {
            List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true)
                    .setCommentMarker('#').get().parse(new StringReader(text)).getRecords();
            if (rows.isEmpty() || !rows.get(0).get(0).equalsIgnoreCase(header[0])) {
                throw problem.at(1, "the first line must name the columns: " + String.join(",", header));
            }
            for (CSVRecord row : rows.subList(1, rows.size())) {
                mapped.add(mapper.apply(row, (int) row.getRecordNumber()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw problem.at(0, "not a CSV file");
        }
        if (mapped.isEmpty()) {
            throw problem.at(1, "no rules");
        }
        return mapped;
    }

    /**
     * A text cell for a CSV file people open in a spreadsheet: text that starts like a formula (=, +,
     * -, @, tab, carriage return) gets a leading apostrophe, so it is shown, never run.
     */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }
}
