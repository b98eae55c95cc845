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
import org.stockticker.adapters.provider.BarSkipRules;
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
    private final Logger log;

    IexChartReader(ObjectMapper mapper) {
        this(mapper, LOG);
    }

    /** A reader that reports skipped bars to {@code log}, so that the reports themselves can be checked. */
    IexChartReader(ObjectMapper mapper, Logger log) {
        this.mapper = mapper;
        this.log = log;
    }

    /** The bars of {@code response} within {@code window}; closing the stream closes the response. */
    Stream<DailyBar> bars(Response response, Symbol symbol, DateWindow window) {
        BarSkipRules skips = new BarSkipRules(IexPriceProvider.NAME, log);
        return answer(response, symbol).elements(parser -> toDailyBar(parser, symbol, window, skips))
                .onClose(() -> skips.finish(symbol));
    }

    /** Checks that {@code response} starts a JSON array, as every IEX chart answer does; closes it either way. */
    void requireArray(Response response, Symbol symbol) {
        answer(response, symbol).close();
    }

    private JsonAnswer answer(Response response, Symbol symbol) {
        return JsonAnswer.open(mapper, response, IexPriceProvider.NAME, symbol, JsonToken.START_ARRAY,
                "a list of bars");
    }

    private static Optional<DailyBar> toDailyBar(JsonParser parser, Symbol symbol, DateWindow window,
            BarSkipRules skips) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return skips.skipNonObject(symbol);
        }
        IexBar bar;
        try {
            bar = IexBar.read(parser);
        } catch (IexBar.WrongField e) {
            String reason = "field " + e.field() + " is not in the expected form";
            Optional<LocalDate> day = date(e.date());
            return day.isPresent() ? skips.skip(symbol, day.get(), window, reason) : skips.skipUndated(symbol, reason);
        }
        Optional<LocalDate> day = date(bar.date());
        if (day.isEmpty()) {
            return skips.skipUndated(symbol, "its date is missing or not YYYY-MM-DD");
        }
        LocalDate date = day.get();
        return skips.bar(symbol, date, window, () -> BarSkipRules.dailyBar(symbol, date,
                asTraded(bar.uOpen(), bar.open()), asTraded(bar.uHigh(), bar.high()), asTraded(bar.uLow(), bar.low()),
                asTraded(bar.uClose(), bar.close()),
                BarSkipRules.wholeShares(asTraded(bar.uVolume(), bar.volume())), bar.fClose()));
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(IsoDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The unadjusted value where the answer has one, else the plain value, which older answers carry alone. */
    private static BigDecimal asTraded(BigDecimal unadjusted, BigDecimal plain) {
        return unadjusted != null ? unadjusted : plain;
    }
}
