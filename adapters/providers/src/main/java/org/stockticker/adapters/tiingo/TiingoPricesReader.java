package org.stockticker.adapters.tiingo;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockticker.adapters.json.JsonAnswer;
import org.stockticker.adapters.provider.BarSkipRules;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * Reads a Tiingo prices answer, a JSON array of daily bars, one bar at a time while the caller consumes them.
 *
 * <p>Each element is read straight from the parser into a {@link TiingoBar}, and one malformed bar is skipped with a
 * warning instead of ending the whole answer. A bar without a close, with a fractional volume, with a value of the
 * wrong kind in a field records are made of, or one the domain refuses is skipped with a warning naming the symbol,
 * the date and the reason; a field records are not made of may hold anything. Bars outside the window are dropped
 * silently.
 *
 * <p>The trading day is the date part of Tiingo's {@code date} ({@code 2015-01-02} of
 * {@code 2015-01-02T00:00:00.000Z}). Tiingo stamps an end-of-day bar at midnight UTC of the day it traded, a label
 * rather than the moment of the close: read as an instant and converted to America/New_York, or to the machine's
 * zone, it would fall on the evening before.
 */
final class TiingoPricesReader {

    /** Longer than any ISO stamp Tiingo writes; a longer text is no date and is not parsed at all. */
    private static final int MAX_STAMP_CHARS = 40;

    private final ObjectMapper mapper;
    private final Logger log;

    TiingoPricesReader(ObjectMapper mapper) {
        this(mapper, LoggerFactory.getLogger(TiingoPricesReader.class));
    }

    /** A reader that reports skipped bars to {@code log}, so that the reports themselves can be checked. */
    TiingoPricesReader(ObjectMapper mapper, Logger log) {
        this.mapper = mapper;
        this.log = log;
    }

    /** The bars of {@code response} within {@code window}; closing the stream closes the response. */
    Stream<DailyBar> bars(Response response, Symbol symbol, DateWindow window) {
        BarSkipRules skips = new BarSkipRules(TiingoPriceProvider.NAME, log);
        return JsonAnswer.open(mapper, response, TiingoPriceProvider.NAME, symbol, JsonToken.START_ARRAY,
                "a list of bars").elements(parser -> toDailyBar(parser, symbol, window, skips))
                .onClose(() -> skips.finish(symbol));
    }

    /** Checks that {@code response} starts a JSON object, as Tiingo's ticker description does; closes it either way. */
    void requireDescription(Response response, Symbol symbol) {
        JsonAnswer.open(mapper, response, TiingoPriceProvider.NAME, symbol, JsonToken.START_OBJECT,
                "a ticker description").close();
    }

    private static Optional<DailyBar> toDailyBar(JsonParser parser, Symbol symbol, DateWindow window,
            BarSkipRules skips) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return skips.skipNonObject(symbol);
        }
        TiingoBar bar = TiingoBar.read(parser);
        Optional<LocalDate> traded = tradingDay(bar.date());
        if (traded.isEmpty()) {
            return skips.skipUndated(symbol, bar.wrongField() != null && !bar.wrongField().equals("date")
                    ? "field " + bar.wrongField() + " is not in the expected form"
                    : "its date is missing or does not start with YYYY-MM-DD");
        }
        LocalDate date = traded.get();
        if (bar.wrongField() != null) {
            return skips.skip(symbol, date, window, "field " + bar.wrongField() + " is not in the expected form");
        }
        return skips.bar(symbol, date, window, () -> BarSkipRules.dailyBar(symbol, date, bar.open(), bar.high(),
                bar.low(), bar.close(), BarSkipRules.wholeShares(bar.volume()), bar.adjClose()));
    }

    /**
     * The trading day Tiingo labels {@code stamp} with: its date part, never the instant converted to a zone (see
     * the class comment). A bare {@code YYYY-MM-DD} is taken as it is.
     */
    static Optional<LocalDate> tradingDay(String stamp) {
        if (stamp == null || stamp.length() > MAX_STAMP_CHARS) {
            return Optional.empty();
        }
        int time = stamp.indexOf('T');
        try {
            return Optional.of(LocalDate.parse(time < 0 ? stamp : stamp.substring(0, time)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
