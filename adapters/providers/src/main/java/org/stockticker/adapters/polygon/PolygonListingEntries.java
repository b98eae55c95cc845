package org.stockticker.adapters.polygon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.UsTradingCalendar;

/**
 * Makes {@link Listing}s of Massive's ticker entries: {@code name}, {@code primary_exchange} as the exchange,
 * {@code type}, {@code currency_name} upper case as the currency, {@code active}, {@code list_date}, and
 * {@code delisted_utc} as the day it falls on in New York.
 *
 * <p>Where {@code active} is missing, a list asked for active or delisted tickers says which; one ticker's entry is
 * active unless it has a delisting time. A list of every symbol names a symbol once: Massive lists a ticker used by
 * several companies over the years once for each, and the first listing read is kept (active ones are read first),
 * the others skipped with a WARN. A list date or delisting time that is no date is left out, with a WARN; a listing
 * the domain refuses (delisted before it was listed) is skipped with one ({@link PolygonEntries}).
 */
final class PolygonListingEntries implements PolygonListReader.Entries<Listing> {

    private static final String LISTING = "listing";

    private final PolygonEntries entries;
    private final Boolean listedActive;

    /**
     * Listings of entries from a list asked for {@code active} ones (true), delisted ones (false), or, with null, of
     * one ticker's entry.
     */
    PolygonListingEntries(PolygonEntries entries, Boolean listedActive) {
        this.entries = entries;
        this.listedActive = listedActive;
    }

    @Override
    public Optional<Listing> read(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            entries.skipNonObject(parser);
            return Optional.empty();
        }
        PolygonListingRow row = PolygonListingRow.read(parser);
        Symbol symbol = entries.symbol(row.ticker(), LISTING);
        if (symbol == null) {
            return Optional.empty();
        }
        if (entries.handedOut(symbol)) {
            entries.skip("listed before", LISTING, symbol, null,
                    "the symbol was listed before (active listings come first); the first listing is kept");
            return Optional.empty();
        }
        LocalDate delisted = delisted(row, symbol);
        boolean active = row.active() != null ? row.active() : listedActive != null ? listedActive : delisted == null;
        Listing listing;
        try {
            listing = new Listing(symbol, row.name(), row.primaryExchange(), row.type(),
                    row.currencyName() == null ? null : row.currencyName().trim().toUpperCase(Locale.ROOT), active,
                    listDate(row, symbol), delisted);
        } catch (IllegalArgumentException e) {
            entries.skip("refused by the domain", LISTING, symbol, null, e.getMessage());
            return Optional.empty();
        }
        entries.handOut(symbol);
        return Optional.of(listing);
    }

    @Override
    public void finish() {
        entries.finish();
    }

    private LocalDate listDate(PolygonListingRow row, Symbol symbol) {
        LocalDate day = PolygonEntries.date(row.listDate());
        if (day == null && (row.listDate() != null || row.wrongFields().contains("list_date"))) {
            entries.blank("list_date that is no date", LISTING, symbol, null, "list_date", "is no date");
        }
        return day;
    }

    /** The day in New York that {@code delisted_utc} falls on; a plain date is taken as that day. */
    private LocalDate delisted(PolygonListingRow row, Symbol symbol) {
        String sent = row.delistedUtc();
        if (sent == null || sent.isBlank()) {
            if (row.wrongFields().contains("delisted_utc")) {
                entries.blank("delisted_utc that is no time", LISTING, symbol, null, "delisted_utc", "is no time");
            }
            return null;
        }
        LocalDate day = PolygonEntries.date(sent);
        if (day != null) {
            return day;
        }
        try {
            return OffsetDateTime.parse(sent.trim()).atZoneSameInstant(UsTradingCalendar.ZONE).toLocalDate();
        } catch (DateTimeException e) {
            entries.blank("delisted_utc that is no time", LISTING, symbol, null, "delisted_utc", "is no time");
            return null;
        }
    }
}
