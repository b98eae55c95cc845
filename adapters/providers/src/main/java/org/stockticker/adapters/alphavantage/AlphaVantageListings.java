package org.stockticker.adapters.alphavantage;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvReadException;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.stockticker.adapters.provider.SkipLog;
import org.stockticker.application.port.out.BrokenAnswerException;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Symbol;

/**
 * Every US listing Alpha Vantage knows, from its {@code LISTING_STATUS} function: the active listings
 * ({@code state=active}), then the delisted ones ({@code state=delisted}), each one request answered in CSV
 * {@code symbol,name,exchange,assetType,ipoDate,delistingDate,status}, {@code null} where a value is unknown.
 *
 * <p>A listing carries the symbol, name, exchange and asset type ({@code Stock}, {@code ETF}) as Alpha Vantage
 * names them, whether it is active (the list it came from), the IPO date as its list date and its delisting date;
 * Alpha Vantage names no currency. A symbol is one listing: the active one where there is one, else the delisting
 * that came last; delisted listings of a symbol that trades again are left out without a word. A row that cannot
 * be a listing (more cells than the header, no symbol or one the domain refuses, a date that is not
 * {@code YYYY-MM-DD}), or that repeats an active symbol, is skipped with a warning naming the list and line.
 *
 * <p>{@link #listing} reads both lists once, by the first call, and answers every symbol from them: two requests
 * for any number of symbols, where Alpha Vantage's free plan allows 25 a day. Calls on several threads wait for
 * that one reading; a reading that fails is not kept, so the next call tries again.
 */
final class AlphaVantageListings {

    static final String ACTIVE = "active";
    static final String DELISTED = "delisted";

    private static final ObjectReader ROWS = new CsvMapper()
            .readerFor(new TypeReference<Map<String, String>>() { })
            .with(CsvSchema.emptySchema().withHeader())
            .with(CsvParser.Feature.TRIM_SPACES)
            .with(CsvParser.Feature.SKIP_EMPTY_LINES);

    private final AlphaVantageApi api;
    private final String apiKey;
    private final Logger log;
    private final Object reading = new Object();
    private volatile Map<Symbol, Listing> every;

    AlphaVantageListings(AlphaVantageApi api, String apiKey, Logger log) {
        this.api = api;
        this.apiKey = apiKey;
        this.log = log;
    }

    /**
     * The listing of {@code symbol}, from both lists, read once.
     *
     * @throws UnknownSymbolException when neither list has it
     */
    Listing listing(Symbol symbol) {
        Listing listing = everyListingKept().get(symbol);
        if (listing == null) {
            throw new UnknownSymbolException(symbol, AlphaVantagePriceProvider.NAME);
        }
        return listing;
    }

    /**
     * Every listing, one a symbol, in any order: those already read when {@link #listing} read them, else the active
     * list, then, once it is consumed, the delisted one, each asked for when the stream reaches it.
     */
    Stream<Listing> everyListing() {
        Map<Symbol, Listing> kept = every;
        if (kept != null) {
            return kept.values().stream();
        }
        Set<Symbol> active = new HashSet<>();
        Stream<Supplier<Stream<Listing>>> lists = Stream.of(
                () -> rows(ACTIVE).peek(listing -> active.add(listing.symbol())),
                () -> latestDelisted(active).values().stream());
        return lists.flatMap(Supplier::get);
    }

    private Map<Symbol, Listing> everyListingKept() {
        Map<Symbol, Listing> kept = every;
        if (kept == null) {
            synchronized (reading) {
                kept = every;
                if (kept == null) {
                    Map<Symbol, Listing> read = new HashMap<>();
                    try (Stream<Listing> listings = everyListing()) {
                        listings.forEach(listing -> read.put(listing.symbol(), listing));
                    }
                    kept = Map.copyOf(read);
                    every = kept;
                }
            }
        }
        return kept;
    }

    /** The delisted listings of symbols not in {@code active}, the one delisted last for each symbol. */
    private Map<Symbol, Listing> latestDelisted(Set<Symbol> active) {
        Map<Symbol, Listing> latest = new LinkedHashMap<>();
        try (Stream<Listing> rows = rows(DELISTED)) {
            rows.filter(listing -> !active.contains(listing.symbol()))
                    .forEach(listing -> latest.merge(listing.symbol(), listing, AlphaVantageListings::later));
        }
        return latest;
    }

    private static Listing later(Listing first, Listing second) {
        if (first.delistedDate() == null) {
            return second;
        }
        return second.delistedDate() != null && second.delistedDate().isAfter(first.delistedDate()) ? second : first;
    }

    /** The listings of the list of {@code state}, asked for now and read whole. */
    private Stream<Listing> rows(String state) {
        String subject = "the " + state + " listings";
        AlphaVantageListingAnswer answer = api.listingStatus(state, apiKey);
        if (answer == null) {
            throw new BrokenAnswerException("provider " + AlphaVantagePriceProvider.NAME + " answered nothing for "
                    + subject);
        }
        if (answer.explanation() != null) {
            throw refusal(answer.explanation(), subject);
        }
        List<Listing> listings = new ArrayList<>();
        Set<Symbol> symbols = new HashSet<>();
        SkipLog skips = new SkipLog(log);
        try (MappingIterator<Map<String, String>> rows = ROWS.readValues(answer.csv())) {
            if (((CsvSchema) rows.getParserSchema()).column("symbol") == null) {
                throw notListings(subject);
            }
            while (rows.hasNextValue()) {
                Map<String, String> row;
                try {
                    row = rows.nextValue();
                } catch (CsvReadException e) {
                    // More cells than the header names, such as a name with an unquoted comma; the parser resumes at
                    // the next row.
                    skips.skip("with more cells than the header", "Skipping line {} of {} from provider {}: it has"
                            + " more cells than the header", e.getLocation() == null ? -1 : e.getLocation().getLineNr(),
                            subject, AlphaVantagePriceProvider.NAME);
                    continue;
                }
                long line = rows.getParser().currentTokenLocation().getLineNr();
                try {
                    Listing listing = listing(row, ACTIVE.equals(state));
                    // A symbol trades once; the delisted list may hold several former listings of one symbol.
                    if (ACTIVE.equals(state) && !symbols.add(listing.symbol())) {
                        skips.skip("with a repeated symbol", "Skipping line {} of {} from provider {}: {} appears"
                                + " again; its first row is kept", line, subject, AlphaVantagePriceProvider.NAME,
                                listing.symbol());
                        continue;
                    }
                    listings.add(listing);
                } catch (IllegalArgumentException e) {
                    skips.skip("that cannot be a listing", "Skipping line {} of {} from provider {}: {}", line,
                            subject, AlphaVantagePriceProvider.NAME, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw notListings(subject);
        }
        skips.finish("rows of " + subject + " from provider " + AlphaVantagePriceProvider.NAME);
        return listings.stream();
    }

    private static Listing listing(Map<String, String> row, boolean active) {
        String symbol = text(row, "symbol");
        if (symbol == null) {
            throw new IllegalArgumentException("it has no symbol");
        }
        return new Listing(Symbol.parse(symbol), text(row, "name"), text(row, "exchange"), text(row, "assetType"),
                null, active, date(row, "ipoDate"), active ? null : date(row, "delistingDate"));
    }

    private static LocalDate date(Map<String, String> row, String column) {
        String text = text(row, column);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            String shown = text.length() > 20 ? text.substring(0, 20) + "..." : text;
            throw new IllegalArgumentException(column + " '" + shown.replaceAll("\\p{Cntrl}", "?")
                    + "' is not YYYY-MM-DD", e);
        }
    }

    /** The cell's text; null where it is missing, empty, or {@code null}. */
    private static String text(Map<String, String> row, String column) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        text = text.strip();
        return text.isEmpty() || text.equalsIgnoreCase("null") ? null : text;
    }

    private RuntimeException refusal(AlphaVantageAnswer explanation, String subject) {
        return explanation.refusal(subject, apiKey).orElseGet(() -> new ProviderUnavailableException("provider "
                + AlphaVantagePriceProvider.NAME + " refused the request for " + subject + ": "
                + AlphaVantageAnswer.excerpt(explanation.explanation(), apiKey), null));
    }

    private static BrokenAnswerException notListings(String subject) {
        return new BrokenAnswerException("provider " + AlphaVantagePriceProvider.NAME
                + " answered something other than CSV listings for " + subject);
    }
}
