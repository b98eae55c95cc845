package org.stockticker.adapters.iex;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockticker.adapters.json.IsoDate;
import org.stockticker.adapters.json.JsonAnswer;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * Reads an IEX chart answer, a JSON array of daily bars, one bar at a time while the caller consumes them.
 *
 * <p>Each element is read straight from the parser into an {@link IexBar}, with no tree in between, and one malformed
 * bar is skipped with a warning instead of ending the whole answer. A bar without a close, with a fractional volume, or one the domain refuses is skipped with a
 * warning; bars outside the window are dropped silently.
 */
final class IexChartReader {

    private static final Logger LOG = LoggerFactory.getLogger(IexChartReader.class);

    private final ObjectMapper mapper;

    IexChartReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The bars of {@code response} within {@code window}; closing the stream closes the response. */
    Stream<DailyBar> bars(Response response, Symbol symbol, DateWindow window) {
        return answer(response, symbol).elements(parser -> toDailyBar(parser, symbol, window));
    }

    /** Checks that {@code response} starts a JSON array, as every IEX chart answer does; closes it either way. */
    void requireArray(Response response, Symbol symbol) {
        answer(response, symbol).close();
    }

    private JsonAnswer answer(Response response, Symbol symbol) {
        return JsonAnswer.open(mapper, response, IexPriceProvider.NAME, symbol, JsonToken.START_ARRAY,
                "a list of bars");
    }

    private static Optional<DailyBar> toDailyBar(JsonParser parser, Symbol symbol, DateWindow window)
            throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            LOG.warn("Skipping an element of the {} answer for {}: it is not an object", IexPriceProvider.NAME, symbol);
            return Optional.empty();
        }
        IexBar bar;
        try {
            bar = IexBar.read(parser);
        } catch (IexBar.WrongField e) {
            LOG.warn("Skipping a bar of {} from provider {}: field {} is not in the expected form", symbol,
                    IexPriceProvider.NAME, e.field());
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = IsoDate.parse(bar.date() == null ? "" : bar.date());
        } catch (DateTimeParseException e) {
            LOG.warn("Skipping a bar of {} from provider {}: its date is missing or not YYYY-MM-DD", symbol,
                    IexPriceProvider.NAME);
            return Optional.empty();
        }
        if (!window.contains(date)) {
            return Optional.empty();
        }
        BigDecimal close = asTraded(bar.uClose(), bar.close());
        if (close == null) {
            LOG.warn("Skipping the bar of {} on {} from provider {}: it has no close", symbol, date,
                    IexPriceProvider.NAME);
            return Optional.empty();
        }
        BigDecimal volume = asTraded(bar.uVolume(), bar.volume());
        Long shares;
        try {
            shares = volume == null ? null : volume.longValueExact();
        } catch (ArithmeticException e) {
            LOG.warn("Skipping the bar of {} on {} from provider {}: volume {} is not a whole number of shares",
                    symbol, date, IexPriceProvider.NAME, volume.toPlainString());
            return Optional.empty();
        }
        try {
            return Optional.of(new DailyBar(symbol, date, asTraded(bar.uOpen(), bar.open()),
                    asTraded(bar.uHigh(), bar.high()), asTraded(bar.uLow(), bar.low()), close, shares, bar.fClose()));
        } catch (IllegalArgumentException e) {
            LOG.warn("Skipping the bar of {} on {} from provider {}: {}", symbol, date, IexPriceProvider.NAME,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** The unadjusted value where the answer has one, else the plain value, which older answers carry alone. */
    private static BigDecimal asTraded(BigDecimal unadjusted, BigDecimal plain) {
        return unadjusted != null ? unadjusted : plain;
    }
}
