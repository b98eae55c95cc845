package org.stockticker.adapters.alphavantage;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.stockticker.adapters.provider.SkipLog;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

/**
 * Turns the answers of Alpha Vantage's {@code SPLITS} and {@code DIVIDENDS} functions into splits and dividends
 * within a window, ascending by date, or into the application's exception (see {@link AlphaVantageAnswer#data}).
 *
 * <p>Every value is a string, {@code "None"} where Alpha Vantage does not know it. A split's {@code split_factor} is
 * the shares after the split for each share before: {@code "2.0000"} becomes 1 to 2 and a reverse split's
 * {@code "0.1000"} 10 to 1, the factor written as the smallest whole numbers whose ratio it is exactly (1.5 is 2 to
 * 3), or as 1 to the factor itself where those would be too long. A dividend's {@code amount} is as declared; Alpha
 * Vantage names no currency (the currency stays null unless an answer carries a {@code currency} field), no frequency
 * and no kind, so every dividend is {@code regular}, and a second dividend on the same ex-dividend date is skipped
 * with a warning. An event without a date, with a ratio or amount of zero or less, a value of the wrong kind, or
 * that repeats one already read is skipped with a warning naming the symbol, the date where known, and why.
 */
final class AlphaVantageEventsReader {

    private static final String NONE = "None";

    private final String apiKey;
    private final Logger log;

    AlphaVantageEventsReader(String apiKey, Logger log) {
        this.apiKey = apiKey;
        this.log = log;
    }

    /** The splits of {@code answer} executed within {@code window}, ascending by date. */
    List<Split> splits(AlphaVantageAnswer answer, Symbol symbol, DateWindow window) {
        JsonNode data = AlphaVantageAnswer.data(answer, AlphaVantageAnswer.Kind.EVENTS, "a list of splits", symbol,
                apiKey);
        return read(data, symbol, window, "split", "effective_date", (date, item) -> {
            BigDecimal factor = required(item, "split_factor");
            BigDecimal[] ratio = fromAndTo(factor);
            return new Split(symbol, date, ratio[0], ratio[1]);
        });
    }

    /** The dividends of {@code answer} whose ex-dividend date lies within {@code window}, ascending by that date. */
    List<Dividend> dividends(AlphaVantageAnswer answer, Symbol symbol, DateWindow window) {
        JsonNode data = AlphaVantageAnswer.data(answer, AlphaVantageAnswer.Kind.EVENTS, "a list of dividends",
                symbol, apiKey);
        return read(data, symbol, window, "dividend", "ex_dividend_date", (date, item) -> new Dividend(symbol, date,
                required(item, "amount"), currency(item, symbol, date), optionalDate(item, "declaration_date"),
                optionalDate(item, "record_date"), optionalDate(item, "payment_date"), null, Dividend.REGULAR));
    }

    private <T> List<T> read(JsonNode data, Symbol symbol, DateWindow window, String noun, String dateField,
            EventReader<T> reader) {
        TreeMap<LocalDate, T> events = new TreeMap<>();
        SkipLog skips = new SkipLog(log);
        for (JsonNode item : data) {
            if (!item.isObject()) {
                skips.skip("that is not an object", "Skipping a {} of {} from provider {}: it is not an object", noun,
                        symbol, AlphaVantagePriceProvider.NAME);
                continue;
            }
            Optional<LocalDate> date = date(item, dateField, symbol, noun, skips);
            if (date.isEmpty() || !window.contains(date.get())) {
                continue;
            }
            try {
                T event = reader.read(date.get(), item);
                if (events.putIfAbsent(date.get(), event) != null) {
                    skips.skip("with a repeated date", "Skipping a {} of {} on {} from provider {}: a {} on that day"
                            + " came first and is kept", noun, symbol, date.get(), AlphaVantagePriceProvider.NAME,
                            noun);
                }
            } catch (IllegalArgumentException e) {
                skips.skip("that cannot be a " + noun, "Skipping the {} of {} on {} from provider {}: {}", noun,
                        symbol, date.get(), AlphaVantagePriceProvider.NAME, e.getMessage());
            }
        }
        skips.finish(noun + "s of " + symbol + " from provider " + AlphaVantagePriceProvider.NAME);
        return List.copyOf(events.values());
    }

    private static Optional<LocalDate> date(JsonNode item, String field, Symbol symbol, String noun, SkipLog skips) {
        try {
            LocalDate date = optionalDate(item, field);
            if (date != null) {
                return Optional.of(date);
            }
            skips.skip("without a date", "Skipping a {} of {} from provider {}: it has no {}", noun, symbol,
                    AlphaVantagePriceProvider.NAME, field);
        } catch (IllegalArgumentException e) {
            skips.skip("without a date", "Skipping a {} of {} from provider {}: {}", noun, symbol,
                    AlphaVantagePriceProvider.NAME, e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Shares before and after for {@code factor} shares after each share before: the smallest whole numbers whose
     * ratio is exactly the factor, or 1 and the factor where those would pass the domain's bounds.
     */
    static BigDecimal[] fromAndTo(BigDecimal factor) {
        if (factor.signum() <= 0) {
            throw new IllegalArgumentException("split_factor " + shown(factor) + " is not positive");
        }
        BigDecimal exact = factor.stripTrailingZeros();
        if (exact.scale() <= 0) {
            // A whole factor; its digits are the domain's to bound, checked before any are written out.
            return exact.precision() - exact.scale() > DailyBar.MAX_PRICE_INTEGER_DIGITS
                    ? new BigDecimal[] {BigDecimal.ONE, exact}
                    : new BigDecimal[] {BigDecimal.ONE, exact.setScale(0)};
        }
        if (exact.scale() > DailyBar.MAX_PRICE_SCALE) {
            return new BigDecimal[] {BigDecimal.ONE, exact};
        }
        BigInteger to = exact.unscaledValue();
        BigInteger from = BigInteger.TEN.pow(exact.scale());
        BigInteger common = to.gcd(from);
        to = to.divide(common);
        from = from.divide(common);
        if (from.toString().length() > DailyBar.MAX_PRICE_INTEGER_DIGITS
                || to.toString().length() > DailyBar.MAX_PRICE_INTEGER_DIGITS) {
            return new BigDecimal[] {BigDecimal.ONE, exact};
        }
        return new BigDecimal[] {new BigDecimal(from), new BigDecimal(to)};
    }

    private String currency(JsonNode item, Symbol symbol, LocalDate date) {
        String text = text(item, "currency");
        if (text == null || Dividend.isCurrencyCode(text)) {
            return text;
        }
        log.warn("The dividend of {} on {} from provider {} names the currency '{}', which is no ISO 4217 code; it is"
                + " kept without a currency", symbol, date, AlphaVantagePriceProvider.NAME, shownText(text));
        return null;
    }

    private static BigDecimal required(JsonNode item, String field) {
        if (text(item, field) == null) {
            throw new IllegalArgumentException("it has no " + field);
        }
        return AlphaVantageSeriesReader.decimal(item, field);
    }

    /** The day in {@code field}; null where it is missing or {@code "None"}. */
    private static LocalDate optionalDate(JsonNode item, String field) {
        String text = text(item, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + shownText(text) + "' is not YYYY-MM-DD", e);
        }
    }

    /** The text of {@code field}; null where it is missing, null, empty or {@code "None"}. */
    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() || text.equals(NONE) ? null : text;
    }

    /** A number short enough to show whatever its exponent. */
    private static String shown(BigDecimal value) {
        return shownText(value.toString());
    }

    private static String shownText(String text) {
        String shown = text.length() > 20 ? text.substring(0, 20) + "..." : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    /** Reads one event of the day {@code date}; an IllegalArgumentException says why it cannot be one. */
    @FunctionalInterface
    private interface EventReader<T> {
        T read(LocalDate date, JsonNode item);
    }
}
