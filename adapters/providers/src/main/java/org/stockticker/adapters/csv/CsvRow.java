package org.stockticker.adapters.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.stockticker.domain.Dividend;

/**
 * One row of a {@link CsvTable}: its cells by column, read by documented column name in any case, and its line in
 * the file. The readers throw {@link IllegalArgumentException} saying what is wrong with a cell, quoting at most
 * {@value #CELL_CHARS} characters of it with control characters replaced, so that the row can be skipped with that
 * reason.
 */
record CsvRow(Map<String, String> cells, Map<String, String> columns, long line) {

    /** Longer than any number a file holds; a longer cell is no number and is not parsed at all. */
    private static final int MAX_NUMBER_CHARS = 1000;

    /** How much of a cell a warning quotes. */
    private static final int CELL_CHARS = 20;

    /**
     * The text of column {@code name}, stripped, or null where the file has no value: no such column, an empty
     * cell, {@code null} or {@code NaN} in any case.
     */
    String text(String name) {
        String header = columns.get(name);
        String text = header == null ? null : cells.get(header);
        if (text == null) {
            return null;
        }
        text = text.strip();
        return text.isEmpty() || text.equalsIgnoreCase("null") || text.equalsIgnoreCase("NaN") ? null : text;
    }

    /** The number in column {@code name}, exactly as written, scale included; null where there is none. */
    BigDecimal decimal(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        if (text.length() > MAX_NUMBER_CHARS) {
            throw new IllegalArgumentException(name + " " + cell(text) + " is not a number");
        }
        try {
            // From the text, never through a double, so "181.9900" stays exactly that, scale included.
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " " + cell(text) + " is not a number", e);
        }
    }

    /** The {@code YYYY-MM-DD} day in column {@code name}; refused ("no date") where there is none. */
    LocalDate date(String name) {
        LocalDate day = optionalDate(name);
        if (day == null) {
            throw new IllegalArgumentException("no " + name.toLowerCase(Locale.ROOT));
        }
        return day;
    }

    /** The {@code YYYY-MM-DD} day in column {@code name}, or null where there is none. */
    LocalDate optionalDate(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name.toLowerCase(Locale.ROOT) + " " + cell(text)
                    + " is not a YYYY-MM-DD day", e);
        }
    }

    /**
     * The ISO 4217 code in column {@code name}, upper case; null where there is none, and null where the cell holds
     * something else, which {@code unknown} is then told, quoted, so that the row can be kept without it.
     */
    String currency(String name, Consumer<String> unknown) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        String code = text.toUpperCase(Locale.ROOT);
        if (Dividend.isCurrencyCode(code)) {
            return code;
        }
        unknown.accept(cell(text));
        return null;
    }

    /** A refusal of the row, counted as {@code kind} ("with a repeated date") rather than as a bad value. */
    static Skipped skipped(String kind, String reason) {
        return new Skipped(kind, reason);
    }

    /** A cell quoted in a message: at most {@value #CELL_CHARS} characters, control characters replaced. */
    static String cell(String text) {
        return "'" + excerpt(text, CELL_CHARS) + "'";
    }

    /**
     * At most {@code max} characters of {@code text}, quoted in a log line: control characters (line breaks, escape
     * sequences) become {@code ?}, so that a cell can neither forge log lines nor fill them.
     */
    static String excerpt(String text, int max) {
        String shown = text.length() <= max ? text : text.substring(0, max);
        StringBuilder clean = new StringBuilder(shown.length() + 3);
        shown.codePoints().forEach(c -> clean.appendCodePoint(
                Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c));
        return text.length() <= max ? clean.toString() : clean.append("...").toString();
    }

    /** A row skipped for a reason of its own kind, such as a second row for a day already read. */
    static final class Skipped extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final String kind;

        private Skipped(String kind, String reason) {
            super(reason);
            this.kind = kind;
        }

        String kind() {
            return kind;
        }
    }
}
