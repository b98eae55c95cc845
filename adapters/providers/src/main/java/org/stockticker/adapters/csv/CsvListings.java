package org.stockticker.adapters.csv;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.stockticker.adapters.provider.SkipLog;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Symbol;

/**
 * The listings of the {@code csv} provider's directory: the rows of {@value #FILE}
 * ({@code Symbol,Name,Exchange,Type,Currency,Active,List Date,Delisted Date}, only {@code Symbol} required), and,
 * for a symbol with a price file but no row, a listing of the symbol alone that still trades.
 *
 * <p>The file is read once, by the first call that needs it, and kept; calls on several threads wait for that one
 * reading. {@code Active} is {@code true} or {@code false} in any case; left empty, a listing is active unless it has
 * a delisting date. A row that cannot be a listing (no symbol, a value of the wrong kind, a delisting before the
 * listing, an active listing with a delisting date) or that repeats a symbol is skipped with a WARN naming the file
 * and line; a currency that is not an ISO 4217 code keeps the listing, without a currency, with a WARN.
 */
final class CsvListings {

    static final String FILE = "tickers.csv";
    static final CsvTable.Layout TICKERS = CsvTable.Layout.of(
            "Symbol,Name,Exchange,Type,Currency,Active,List Date,Delisted Date", "Symbol");

    private final CsvFiles files;
    private final Logger log;
    private final Object reading = new Object();
    private volatile Map<Symbol, Listing> rows;

    CsvListings(CsvFiles files, Logger log) {
        this.files = files;
        this.log = log;
    }

    /**
     * The listing of {@code symbol}: its row, else the symbol alone, active, when it has a price file.
     *
     * @throws UnknownSymbolException when it has neither
     */
    Listing listing(Symbol symbol) {
        Listing listed = rows().get(symbol);
        if (listed != null) {
            return listed;
        }
        if (!files.exists(files.fileOf(symbol))) {
            throw new UnknownSymbolException(symbol, CsvPriceProvider.NAME);
        }
        return new Listing(symbol, null, null, null, null, true, null, null);
    }

    private Map<Symbol, Listing> rows() {
        Map<Symbol, Listing> read = rows;
        if (read == null) {
            synchronized (reading) {
                read = rows;
                if (read == null) {
                    read = Map.copyOf(readFile());
                    rows = read;
                }
            }
        }
        return read;
    }

    private Map<Symbol, Listing> readFile() {
        Path file = files.named(FILE);
        Map<Symbol, Listing> listings = new TreeMap<>();
        Optional<CsvTable> table = CsvTable.open(files, file, TICKERS);
        if (table.isEmpty()) {
            return listings;
        }
        try (CsvTable rows = table.get()) {
            rows.forEachRow(new SkipLog(log), "that cannot be a listing", row -> {
                Listing listing = listing(row, file);
                if (listings.putIfAbsent(listing.symbol(), listing) != null) {
                    throw CsvRow.skipped("with a repeated symbol",
                            listing.symbol() + " appears again; its first row is kept");
                }
            });
        }
        return listings;
    }

    private Listing listing(CsvRow row, Path file) {
        String text = row.text("Symbol");
        if (text == null) {
            throw new IllegalArgumentException("no symbol");
        }
        Symbol symbol = Symbol.parse(text);
        LocalDate delisted = row.optionalDate("Delisted Date");
        boolean active = active(row, delisted);
        if (active && delisted != null) {
            throw new IllegalArgumentException(symbol + " is active but delisted on " + delisted);
        }
        String currency = row.currency("Currency", cell -> log.warn("{} line {}: currency {} is not an ISO 4217 code;"
                + " the listing is kept without a currency", file, row.line(), cell));
        return new Listing(symbol, row.text("Name"), row.text("Exchange"), row.text("Type"), currency, active,
                row.optionalDate("List Date"), delisted);
    }

    private static boolean active(CsvRow row, LocalDate delisted) {
        String text = row.text("Active");
        if (text == null) {
            return delisted == null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("active " + CsvRow.cell(text) + " is neither true nor false");
        };
    }
}
