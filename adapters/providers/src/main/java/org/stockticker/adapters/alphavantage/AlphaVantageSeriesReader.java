package org.stockticker.adapters.alphavantage;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockticker.adapters.provider.BarSkipRules;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * Turns an Alpha Vantage answer into daily bars, oldest first, or into the application's exception.
 *
 * <p>Every value of a bar is a string: prices become the {@link BigDecimal} written in it ({@code "181.9900"} keeps
 * its scale) and {@code 5. volume} a whole number of shares. {@code TIME_SERIES_DAILY} is as traded and has no
 * adjusted close (the adjusted function is premium-only), so the adjusted close stays null. A bar without a close,
 * with a value that is not a number, or one the domain refuses is skipped with a warning naming symbol, date and
 * reason; days outside the window are dropped silently.
 */
final class AlphaVantageSeriesReader {

    private static final Logger LOG = LoggerFactory.getLogger(AlphaVantageSeriesReader.class);

    /** Longer than any number Alpha Vantage writes; a longer text is no price and is not parsed at all. */
    private static final int MAX_NUMBER_CHARS = 1000;

    private final String apiKey;
    private final Logger log;

    AlphaVantageSeriesReader(String apiKey) {
        this(apiKey, LOG);
    }

    /** A reader that reports skipped bars to {@code log}, so that the reports themselves can be checked. */
    AlphaVantageSeriesReader(String apiKey, Logger log) {
        this.apiKey = apiKey;
        this.log = log;
    }

    /** The bars of {@code answer} within {@code window}, ascending by date. */
    List<DailyBar> bars(AlphaVantageAnswer answer, Symbol symbol, DateWindow window) {
        List<DailyBar> bars = new ArrayList<>();
        BarSkipRules skips = new BarSkipRules(AlphaVantagePriceProvider.NAME, log);
        for (Map.Entry<String, JsonNode> day : series(answer, symbol).properties()) {
            toDailyBar(day.getKey(), day.getValue(), symbol, window, skips).ifPresent(bars::add);
        }
        skips.finish(symbol);
        bars.sort(Comparator.comparing(DailyBar::date));
        return bars;
    }

    /** Checks that {@code answer} holds a daily time series for {@code symbol}. */
    void requireSeries(AlphaVantageAnswer answer, Symbol symbol) {
        series(answer, symbol);
    }

    private JsonNode series(AlphaVantageAnswer answer, Symbol symbol) {
        return AlphaVantageAnswer.data(answer, AlphaVantageAnswer.Kind.SERIES, "a daily time series", symbol, apiKey);
    }

    private static Optional<DailyBar> toDailyBar(String dateText, JsonNode values, Symbol symbol, DateWindow window,
            BarSkipRules skips) {
        LocalDate date;
        try {
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            return skips.skipUndated(symbol, "its date is not YYYY-MM-DD");
        }
        return skips.bar(symbol, date, window, () -> {
            if (!values.isObject()) {
                throw BarSkipRules.refused("it is not an object");
            }
            BigDecimal close = BarSkipRules.close(decimal(values, "4. close"));
            Long shares = BarSkipRules.wholeShares(decimal(values, "5. volume"));
            return BarSkipRules.dailyBar(symbol, date, decimal(values, "1. open"), decimal(values, "2. high"),
                    decimal(values, "3. low"), close, shares, null);
        });
    }

    /**
     * The decimal written in {@code field}, exactly; null when the field is missing or null.
     *
     * @throws IllegalArgumentException naming the field, never the value, when it is not a number
     */
    static BigDecimal decimal(JsonNode values, String field) {
        JsonNode value = values.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        String text = value.asText();
        if (text.length() > MAX_NUMBER_CHARS) {
            throw BarSkipRules.wrongKind(field + " is not a number");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw BarSkipRules.wrongKind(field + " is not a number");
        }
    }
}
