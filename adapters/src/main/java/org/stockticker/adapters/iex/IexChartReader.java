package org.stockticker.adapters.iex;

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
 * Reads an IEX chart answer, a JSON array of daily bars, one bar at a time while the caller consumes them.
 *
 * <p>Each element is read as a tree first, so that one malformed bar is skipped with a warning instead of ending
 * the whole answer. A bar without a close, with a fractional volume, or one the domain refuses is skipped with a
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
        JsonParser parser = openArray(response, symbol);
        return StreamSupport.stream(new Bars(parser, symbol, window), false).onClose(() -> close(parser, response));
    }

    /** Checks that {@code response} starts a JSON array, as every IEX chart answer does; closes it either way. */
    void requireArray(Response response, Symbol symbol) {
        close(openArray(response, symbol), response);
    }

    private JsonParser openArray(Response response, Symbol symbol) {
        JsonParser parser = null;
        try {
            if (response.body() == null) {
                throw notJson(symbol);
            }
            parser = mapper.createParser(response.body().asInputStream());
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw first == null ? notJson(symbol) : new BrokenAnswerException("provider "
                        + IexPriceProvider.NAME + " answered JSON other than a list of bars for " + symbol);
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
        IexBar bar;
        try {
            bar = element.isObject() ? mapper.treeToValue(element, IexBar.class) : null;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warn("Skipping a bar of {} from provider {}: {} is not in the expected form", symbol,
                    IexPriceProvider.NAME, field(e));
            return Optional.empty();
        }
        if (bar == null) {
            LOG.warn("Skipping an element of the {} answer for {}: it is not an object", IexPriceProvider.NAME, symbol);
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = LocalDate.parse(bar.date() == null ? "" : bar.date());
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

    private static String field(Exception e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                && mapping.getPath().get(0).getFieldName() != null) {
            return "field " + mapping.getPath().get(0).getFieldName();
        }
        return "a field";
    }

    private static BrokenAnswerException notJson(Symbol symbol) {
        return new BrokenAnswerException(
                "provider " + IexPriceProvider.NAME + " answered something other than JSON for " + symbol);
    }

    private static BrokenAnswerException brokenOff(Symbol symbol) {
        return new BrokenAnswerException(
                "provider " + IexPriceProvider.NAME + " broke off or garbled its answer for " + symbol);
    }

    private static void close(JsonParser parser, Response response) {
        try (response) {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException e) {
            // Only the connection is released here; whatever was read has been handed over already.
            LOG.debug("Closing an answer of provider {} failed: {}", IexPriceProvider.NAME, e.getClass().getName());
        }
    }
}
