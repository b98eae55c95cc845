package org.stockticker.adapters.csv;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockticker.adapters.provider.BarSkipRules;
import org.stockticker.adapters.provider.SkipLog;
import org.stockticker.application.port.out.CorporateActionsPort;
import org.stockticker.application.port.out.ListingsPort;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.ProviderReach;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

/**
 * Daily bars from local files: {@code SYMBOL.csv} per ticker in one directory, in the common export layout
 * {@code Date,Open,High,Low,Close,Adj Close,Volume}; and, from optional files beside them, each symbol's splits
 * ({@code SYMBOL.splits.csv}), dividends ({@code SYMBOL.dividends.csv}) and listing ({@code tickers.csv}): see
 * {@link CsvCorporateActions} and {@link CsvListings}.
 *
 * <p>A row that cannot be a bar is skipped with a warning naming the file and line, and quoting at most 20 characters
 * of a bad cell, control characters replaced; so that one bad line does not hide the rest of a long history. Past
 * the first few, skipped rows are summed up in one line ({@link SkipLog}). A file without the columns a bar needs
 * is refused as a whole.
 *
 * <p>Only regular files directly inside the directory are read: a {@code SYMBOL.csv} that is a symbolic link is
 * followed only to a regular file directly inside the directory too; a link leading elsewhere, a directory, a FIFO or
 * a device is refused, naming the file, and never opened.
 */
public final class CsvPriceProvider implements PriceProviderPort, CorporateActionsPort, ListingsPort {

    static final String NAME = "csv";
    private static final Logger LOG = LoggerFactory.getLogger(CsvPriceProvider.class);

    static final CsvTable.Layout PRICES = CsvTable.Layout.of("Date,Open,High,Low,Close,Adj Close,Volume",
            "Date", "Close");

    /** Longer than any number a price file holds; a longer cell is no number and is not parsed at all. */
    private static final int MAX_NUMBER_CHARS = 1000;

    private final CsvFiles files;
    private final Logger log;
    private final CsvCorporateActions events;
    private final CsvListings listings;

    public CsvPriceProvider(CsvSettings settings) {
        this(settings, LOG);
    }

    /** A provider that reports skipped rows to {@code log}, so that the reports themselves can be checked. */
    CsvPriceProvider(CsvSettings settings, Logger log) {
        this.files = new CsvFiles(settings.directory());
        this.log = log;
        this.events = new CsvCorporateActions(files, log);
        this.listings = new CsvListings(files, log);
    }

    /** The events are files beside the prices: reading them asks nobody. */
    @Override
    public boolean readsEventsWithoutRequests() {
        return true;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * One file a symbol, read as fast as asked; a file may carry an {@code Adj Close} column, which splits and
     * dividends change.
     */
    @Override
    public ProviderReach reach() {
        return ProviderReach.perSymbol(true, ProviderReach.UNPACED);
    }

    @Override
    public Stream<DailyBar> dailyBars(Symbol symbol, DateWindow window) {
        // Files may list their rows in any order, so the window is gathered whole and sorted before it is handed on.
        TreeMap<LocalDate, DailyBar> bars = new TreeMap<>();
        try (CsvTable table = prices(symbol)) {
            table.forEachRow(new SkipLog(log), "that cannot be a bar", row -> {
                LocalDate date = row.date("Date");
                if (window.contains(date) && bars.putIfAbsent(date, bar(symbol, date, row)) != null) {
                    throw CsvRow.skipped("with a repeated date",
                            date + " appears again; the first row of that day is kept");
                }
            });
        }
        return bars.values().stream();
    }

    @Override
    public void verify(Symbol symbol) {
        prices(symbol).close();
    }

    /** The rows of {@code SYMBOL.splits.csv} within the window, ascending; none when the file does not exist. */
    @Override
    public Stream<Split> splits(Symbol symbol, DateWindow window) {
        return events.splits(symbol, window).stream();
    }

    /** The rows of {@code SYMBOL.dividends.csv} within the window, ascending; none when the file does not exist. */
    @Override
    public Stream<Dividend> dividends(Symbol symbol, DateWindow window) {
        return events.dividends(symbol, window).stream();
    }

    /** The row of {@code tickers.csv} for {@code symbol}, else, when it has a price file, the symbol alone, active. */
    @Override
    public Listing listing(Symbol symbol) {
        return listings.listing(symbol);
    }

    private CsvTable prices(Symbol symbol) {
        Path file = files.fileOf(symbol);
        return CsvTable.open(files, file, PRICES).orElseThrow(() -> new UnknownSymbolException(symbol, NAME));
    }

    /** The bar of one row; IllegalArgumentException says why the row cannot be one. */
    private static DailyBar bar(Symbol symbol, LocalDate day, CsvRow row) {
        BigDecimal close = row.decimal("Close");
        if (close == null) {
            throw new IllegalArgumentException("no close");
        }
        return BarSkipRules.dailyBar(symbol, day, row.decimal("Open"), row.decimal("High"), row.decimal("Low"),
                close, shares(row), row.decimal("Adj Close"));
    }

    private static Long shares(CsvRow row) {
        String text = row.text("Volume");
        if (text == null) {
            return null;
        }
        if (text.length() > MAX_NUMBER_CHARS) {
            throw new IllegalArgumentException("Volume " + CsvRow.cell(text) + " is not a whole number");
        }
        try {
            // Some exports write whole volumes as "123.0"; anything with a real fraction is not a share count.
            // longValueExact refuses an absurd exponent from precision and scale, without writing it out.
            return new BigDecimal(text).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("Volume " + CsvRow.cell(text) + " is not a whole number", e);
        }
    }
}
