package org.stockticker.adapters.csv;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.stockticker.adapters.provider.SkipLog;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

/**
 * A symbol's splits and dividends from the companion files beside its prices: {@code SYMBOL.splits.csv}
 * ({@code Date,From,To}: {@code From} shares before became {@code To} after, 1 and 4 for a 4-for-1 split) and
 * {@code SYMBOL.dividends.csv} ({@code Ex Date,Amount,Currency,Declaration Date,Record Date,Pay Date,Frequency,Type},
 * of which only {@code Ex Date} and {@code Amount} are required).
 *
 * <p>A symbol without a companion file has no such events, as long as the directory has its price file; a symbol
 * with neither is unknown. A row that cannot be an event (no date, a ratio or amount of zero or less, a value of the
 * wrong kind) or that repeats one already read (a split on the same day, a dividend of the same type on the same
 * ex-dividend date) is skipped with a WARN naming the file and line. A currency that is not an ISO 4217 code keeps
 * the dividend, without a currency, with a WARN.
 */
final class CsvCorporateActions {

    static final CsvTable.Layout SPLITS = CsvTable.Layout.of("Date,From,To", "Date", "From", "To");
    static final CsvTable.Layout DIVIDENDS = CsvTable.Layout.of(
            "Ex Date,Amount,Currency,Declaration Date,Record Date,Pay Date,Frequency,Type", "Ex Date", "Amount");

    private final CsvFiles files;
    private final Logger log;

    CsvCorporateActions(CsvFiles files, Logger log) {
        this.files = files;
        this.log = log;
    }

    /** The splits of {@code symbol} executed within {@code window}, ascending by date. */
    List<Split> splits(Symbol symbol, DateWindow window) {
        TreeMap<LocalDate, Split> splits = new TreeMap<>();
        read(symbol, "splits", SPLITS, "that cannot be a split", (row, file) -> {
            LocalDate date = row.date("Date");
            if (!window.contains(date)) {
                return;
            }
            Split split = new Split(symbol, date, required(row, "From"), required(row, "To"));
            if (splits.putIfAbsent(date, split) != null) {
                throw CsvRow.skipped("with a repeated date", "a split on " + date
                        + " appears again; the first row of that day is kept");
            }
        });
        return List.copyOf(splits.values());
    }

    /** The dividends of {@code symbol} whose ex-dividend date lies within {@code window}, ascending by that date. */
    List<Dividend> dividends(Symbol symbol, DateWindow window) {
        List<Dividend> dividends = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        read(symbol, "dividends", DIVIDENDS, "that cannot be a dividend", (row, file) -> {
            LocalDate exDate = row.date("Ex Date");
            if (!window.contains(exDate)) {
                return;
            }
            Dividend dividend = dividend(symbol, exDate, row, file);
            if (!keys.add(exDate + " " + dividend.distributionType())) {
                throw CsvRow.skipped("with a repeated date", "a " + dividend.distributionType() + " dividend on "
                        + exDate + " appears again; the first row of that dividend is kept");
            }
            dividends.add(dividend);
        });
        // Stable: dividends of one day stay in file order.
        dividends.sort(Comparator.comparing(Dividend::exDividendDate));
        return List.copyOf(dividends);
    }

    private void read(Symbol symbol, String kind, CsvTable.Layout layout, String refusedKind,
            BiConsumer<CsvRow, Path> reader) {
        Path file = files.companionOf(symbol, kind);
        Optional<CsvTable> table = CsvTable.open(files, file, layout);
        if (table.isEmpty()) {
            if (!files.exists(files.fileOf(symbol))) {
                throw new UnknownSymbolException(symbol, CsvPriceProvider.NAME);
            }
            return;
        }
        try (CsvTable rows = table.get()) {
            rows.forEachRow(new SkipLog(log), refusedKind, row -> reader.accept(row, file));
        }
    }

    private Dividend dividend(Symbol symbol, LocalDate exDate, CsvRow row, Path file) {
        BigDecimal amount = required(row, "Amount");
        String type = row.text("Type");
        String currency = row.currency("Currency", cell -> log.warn("{} line {}: currency {} is not an ISO 4217 code;"
                + " the dividend is kept without a currency", file, row.line(), cell));
        return new Dividend(symbol, exDate, amount, currency, row.optionalDate("Declaration Date"),
                row.optionalDate("Record Date"), row.optionalDate("Pay Date"), frequency(row),
                type == null ? Dividend.REGULAR : Dividend.distributionType(type));
    }

    private static Integer frequency(CsvRow row) {
        String text = row.text("Frequency");
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("frequency " + CsvRow.cell(text)
                    + " is not a whole number of payments a year", e);
        }
    }

    private static BigDecimal required(CsvRow row, String column) {
        BigDecimal value = row.decimal(column);
        if (value == null) {
            throw new IllegalArgumentException("no " + column.toLowerCase(Locale.ROOT));
        }
        return value;
    }
}
