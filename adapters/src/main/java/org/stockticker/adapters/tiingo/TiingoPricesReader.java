package org.stockticker.adapters.tiingo;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import feign.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockticker.application.port.out.BrokenAnswerException;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * Reads a Tiingo prices answer, a JSON array of daily bars, one bar at a time while the caller consumes them.
 *
 * <p>Each element is read as a tree first, so that one malformed bar is skipped with a warning instead of ending
 * the whole answer. A bar without a close, with a fractional volume, or one the domain refuses is skipped with a
 * warning naming the symbol, the date and the reason; bars outside the window are dropped silently.
 *
 * <p>The trading day is the date part of Tiingo's {@code date} ({@code 2015-01-02} of
 * {@code 2015-01-02T00:00:00.000Z}). Tiingo stamps an end-of-day bar at midnight UTC of the day it traded, a label
 * rather than the moment of the close: read as an instant and converted to America/New_York, or to the machine's
 * zone, it would fall on the evening before.
 */
final class TiingoPricesReader {

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
        JsonParser parser = open(response, symbol, JsonToken.START_ARRAY, "a list of bars");
        return StreamSupport.stream(new Bars(parser, symbol, window), false).onClose(() -> close(parser, response));
    }

    /** Checks that {@code response} starts a JSON object, as Tiingo's ticker description does; closes it either way. */
    void requireDescription(Response response, Symbol symbol) {
        close(open(response, symbol, JsonToken.START_OBJECT, "a ticker description"), response);
    }

    private JsonParser open(Response response, Symbol symbol, JsonToken expected, String expectedAnswer) {
        JsonParser parser = null;
        try {
            if (response.body() == null) {
                throw notJson(symbol);
            }
            parser = mapper.createParser(response.body().asInputStream());
            JsonToken first = parser.nextToken();
            if (first != expected) {
                throw first == null ? notJson(symbol) : new BrokenAnswerException("provider "
                        + TiingoPriceProvider.NAME + " answered JSON other than " + expectedAnswer + " for " + symbol);
            }
            return parser;
        } catch (JsonProcessingException e) {
            close(parser, response);
            throw notJson(symbol);
        } catch (IOException e) {
            close(parser, response);
            throw brokenOff(symbol);
        } catch (RuntimeException e) {
            close(parser, response);
            throw e;
        }
    }

    /** The bars of one answer, read from the parser only as far as the consumer asks. */
    private final class Bars extends Spliterators.AbstractSpliterator<DailyBar> {

        private final JsonParser parser;
        private final Symbol symbol;
        private final DateWindow window;
        // Streams may ask again after the end; the parser must not be read past its array.
        private boolean exhausted;

        Bars(JsonParser parser, Symbol symbol, DateWindow window) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.parser = parser;
            this.symbol = symbol;
            this.window = window;
        }

        @Override
        public boolean tryAdvance(Consumer<? super DailyBar> action) {
            while (!exhausted) {
                JsonNode element = readElement(parser, symbol);
                if (element == null) {
                    exhausted = true;
                    break;
                }
                Optional<DailyBar> bar = toDailyBar(element, symbol, window);
                if (bar.isPresent()) {
                    action.accept(bar.get());
                    return true;
                }
            }
            return false;
        }
    }

    /** The next element of the array, or null at its end. */
    private JsonNode readElement(JsonParser parser, Symbol symbol) {
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                return null;
            }
            if (token == null) {
                throw brokenOff(symbol);
            }
            JsonNode element = mapper.readTree(parser);
            return element == null ? NullNode.getInstance() : element;
        } catch (IOException e) {
            // Parser messages may quote the answer itself; the type of failure is all that is reported.
            throw brokenOff(symbol);
        }
    }

    private Optional<DailyBar> toDailyBar(JsonNode element, Symbol symbol, DateWindow window) {
        TiingoBar bar;
        try {
            bar = element.isObject() ? mapper.treeToValue(element, TiingoBar.class) : null;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            log.warn("Skipping a bar of {} from provider {}: {} is not in the expected form", symbol,
                    TiingoPriceProvider.NAME, field(e));
            return Optional.empty();
        }
        if (bar == null) {
            log.warn("Skipping an element of the {} answer for {}: it is not an object", TiingoPriceProvider.NAME,
                    symbol);
            return Optional.empty();
        }
        Optional<LocalDate> traded = tradingDay(bar.date());
        if (traded.isEmpty()) {
            log.warn("Skipping a bar of {} from provider {}: its date is missing or does not start with YYYY-MM-DD",
                    symbol, TiingoPriceProvider.NAME);
            return Optional.empty();
        }
        LocalDate date = traded.get();
        if (!window.contains(date)) {
            return Optional.empty();
        }
        if (bar.close() == null) {
            log.warn("Skipping the bar of {} on {} from provider {}: it has no close", symbol, date,
                    TiingoPriceProvider.NAME);
            return Optional.empty();
        }
        Long shares;
        try {
            shares = bar.volume() == null ? null : bar.volume().longValueExact();
        } catch (ArithmeticException e) {
            log.warn("Skipping the bar of {} on {} from provider {}: volume {} is not a whole number of shares",
                    symbol, date, TiingoPriceProvider.NAME, bar.volume().toPlainString());
            return Optional.empty();
        }
        try {
            return Optional.of(new DailyBar(symbol, date, bar.open(), bar.high(), bar.low(), bar.close(), shares,
                    bar.adjClose()));
        } catch (IllegalArgumentException e) {
            log.warn("Skipping the bar of {} on {} from provider {}: {}", symbol, date, TiingoPriceProvider.NAME,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The trading day Tiingo labels {@code stamp} with: its date part, never the instant converted to a zone (see
     * the class comment). A bare {@code YYYY-MM-DD} is taken as it is.
     */
    static Optional<LocalDate> tradingDay(String stamp) {
        if (stamp == null) {
            return Optional.empty();
        }
        int time = stamp.indexOf('T');
        try {
            return Optional.of(LocalDate.parse(time < 0 ? stamp : stamp.substring(0, time)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String field(Exception e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                && mapping.getPath().get(0).getFieldName() != null) {
            return "field " + mapping.getPath().get(0).getFieldName();
        }
        return "a field";
    }

    private static BrokenAnswerException notJson(Symbol symbol) {
        return new BrokenAnswerException(
                "provider " + TiingoPriceProvider.NAME + " answered something other than JSON for " + symbol);
    }

    private static BrokenAnswerException brokenOff(Symbol symbol) {
        return new BrokenAnswerException(
                "provider " + TiingoPriceProvider.NAME + " broke off or garbled its answer for " + symbol);
    }

    private void close(JsonParser parser, Response response) {
        try (response) {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException e) {
            // Only the connection is released here; whatever was read has been handed over already.
            log.debug("Closing an answer of provider {} failed: {}", TiingoPriceProvider.NAME,
                    e.getClass().getName());
        }
    }
}
