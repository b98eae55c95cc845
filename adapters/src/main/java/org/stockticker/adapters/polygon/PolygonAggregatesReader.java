package org.stockticker.adapters.polygon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockticker.adapters.json.JsonAnswer;
import org.stockticker.adapters.provider.BarSkipRules;
import org.stockticker.application.port.out.BrokenAnswerException;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * Reads Polygon aggregates answers, one bar at a time while the caller consumes them, page after page.
 *
 * <p>A page is a JSON object whose {@code results} array holds the bars and whose {@code next_url}, when present,
 * names the next page; the fields may come in any order. The next page is asked for only once the caller wants a
 * bar beyond the current page, and a chain of pages that brings no new bar is cut ({@link PageProgress}). Each bar
 * is read token by token into a {@link PolygonBar}, so that one malformed bar is skipped with a warning instead of
 * ending the answer; a bar without a close, with an unusable volume or start time, or one the
 * domain refuses is skipped with a warning, and bars outside the window are dropped silently.
 */
final class PolygonAggregatesReader {

    private static final Logger LOG = LoggerFactory.getLogger(PolygonAggregatesReader.class);

    /** Polygon stamps a daily bar with the midnight that starts it in New York, where US listings trade. */
    private static final ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");

    /** {@code DELAYED} is what the free plan's answers say in place of {@code OK}; both carry data. */
    private static final Set<String> DATA_STATUSES = Set.of("OK", "DELAYED");

    private final ObjectMapper mapper;
    private final boolean adjusted;
    private final String provider;
    private final Logger log;

    /**
     * A reader of pages asked for with {@code adjusted}: adjusted prices also serve as the adjusted close. Messages
     * name the provider as {@code provider}, the name it was configured with.
     */
    PolygonAggregatesReader(ObjectMapper mapper, boolean adjusted, String provider) {
        this(mapper, adjusted, provider, LOG);
    }

    /** A reader that reports skipped bars to {@code log}, so that the reports themselves can be checked. */
    PolygonAggregatesReader(ObjectMapper mapper, boolean adjusted, String provider, Logger log) {
        this.mapper = mapper;
        this.adjusted = adjusted;
        this.provider = provider;
        this.log = log;
    }

    /** What the reader needs from the adapter beyond the first page. */
    interface Continuation {

        /** The page that the previous page's {@code next_url} names. */
        Response next(String nextUrl);

        /** Called once, when every page came back without a single bar: the adapter tells an unknown ticker apart. */
        void noBarsAtAll();
    }

    /** The bars starting with page {@code first}; closing the stream closes the page being read. */
    Stream<DailyBar> bars(Response first, Symbol symbol, DateWindow window, Continuation continuation) {
        Pages pages = new Pages(symbol, window, continuation);
        pages.open(first);
        return StreamSupport.stream(pages, false).onClose(pages::close).onClose(() -> pages.skips.finish(symbol));
    }

    /** Checks that {@code response} holds a JSON object, as every Polygon answer does; closes it either way. */
    void requireObject(Response response, Symbol symbol) {
        try (response) {
            if (response.body() == null) {
                throw JsonAnswer.notJson(provider, symbol);
            }
            JsonNode answer = mapper.readTree(response.body().asInputStream());
            if (answer == null || !answer.isObject()) {
                throw JsonAnswer.notJson(provider, symbol);
            }
        } catch (JsonProcessingException e) {
            throw JsonAnswer.notJson(provider, symbol);
        } catch (IOException e) {
            throw JsonAnswer.brokenOff(provider, symbol);
        }
    }

    /** The bars of all pages, read from the current page's parser only as far as the consumer asks. */
    private final class Pages extends Spliterators.AbstractSpliterator<DailyBar> {

        private final Symbol symbol;
        private final DateWindow window;
        private final Continuation continuation;
        // A server that names a page already read would otherwise be followed round and round.
        private final Set<String> followed = new HashSet<>();
        private final PageProgress progress;
        private final BarSkipRules skips = new BarSkipRules(provider, log);
        private JsonAnswer answer;
        private JsonParser parser;
        private boolean inResults;
        private boolean pageHadResults;
        private String status;
        private String nextUrl;
        private long elements;
        // Streams may ask again after the end; the last page must not be read past its end.
        private boolean exhausted;

        Pages(Symbol symbol, DateWindow window, Continuation continuation) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.symbol = symbol;
            this.window = window;
            this.continuation = continuation;
            this.progress = new PageProgress(provider, symbol, window);
        }

        void open(Response page) {
            answer = null;
            parser = null;
            inResults = false;
            pageHadResults = false;
            status = null;
            nextUrl = null;
            // JsonAnswer closes the page itself when it does not start as a page must.
            answer = JsonAnswer.open(mapper, page, provider, symbol, JsonToken.START_OBJECT,
                    "a page of bars");
            parser = answer.parser();
        }

        @Override
        public boolean tryAdvance(Consumer<? super DailyBar> action) {
            try {
                while (!exhausted) {
                    if (inResults) {
                        Optional<DailyBar> bar = nextElement();
                        if (bar.isPresent()) {
                            action.accept(bar.get());
                            return true;
                        }
                    } else {
                        readField();
                    }
                }
                return false;
            } catch (IOException e) {
                // Parser messages may quote the answer itself; the type of failure is all that is reported.
                throw JsonAnswer.brokenOff(provider, symbol);
            }
        }

        /** The next bar of {@code results} when it is one the caller gets; empty when skipped or at the end. */
        private Optional<DailyBar> nextElement() throws IOException {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                inResults = false;
                return Optional.empty();
            }
            if (token == null) {
                throw JsonAnswer.brokenOff(provider, symbol);
            }
            elements++;
            return toDailyBar(parser, symbol, window, progress, skips);
        }

        /** Reads one field of the page object, or finishes the page at its end. */
        private void readField() throws IOException {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_OBJECT) {
                finishPage();
                return;
            }
            if (token != JsonToken.FIELD_NAME) {
                throw JsonAnswer.brokenOff(provider, symbol);
            }
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == null) {
                throw JsonAnswer.brokenOff(provider, symbol);
            }
            switch (field) {
                case "results" -> {
                    if (value == JsonToken.START_ARRAY) {
                        inResults = true;
                        pageHadResults = true;
                    } else if (value != JsonToken.VALUE_NULL) {
                        throw new BrokenAnswerException("provider " + provider
                                + " answered results that are not a list of bars for " + symbol);
                    }
                }
                case "next_url" -> nextUrl = value == JsonToken.VALUE_STRING && !parser.getText().isBlank()
                        ? parser.getText() : null;
                case "status" -> status = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                default -> parser.skipChildren();
            }
        }

        private void finishPage() {
            close();
            if (!pageHadResults && status != null && !DATA_STATUSES.contains(status)) {
                exhausted = true;
                // Only a status word is quoted: anything longer could echo the request, key included.
                String shown = status.matches("[A-Z_]{1,40}") ? status : "an unexpected status";
                throw new ProviderUnavailableException("provider " + provider + " answered "
                        + shown + " without bars for " + symbol, null);
            }
            if (nextUrl == null) {
                exhausted = true;
                if (elements == 0) {
                    continuation.noBarsAtAll();
                }
                return;
            }
            String url = nextUrl;
            if (!followed.add(url)) {
                exhausted = true;
                throw new ProviderUnavailableException("provider " + provider
                        + " named a page of " + symbol + " it had answered already as the next one", null);
            }
            // Until the next page is open, a failure must not leave the stream reading a closed page.
            exhausted = true;
            progress.nextPageNamed();
            open(continuation.next(url));
            exhausted = false;
        }

        void close() {
            JsonAnswer page = answer;
            answer = null;
            parser = null;
            if (page != null) {
                page.close();
            }
        }
    }

    private Optional<DailyBar> toDailyBar(JsonParser parser, Symbol symbol, DateWindow window, PageProgress progress,
            BarSkipRules skips) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return skips.skipNonObject(symbol);
        }
        PolygonBar bar = PolygonBar.read(parser);
        LocalDate date;
        try {
            date = bar.startMillis() == null ? null
                    : Instant.ofEpochMilli(bar.startMillis()).atZone(EXCHANGE_ZONE).toLocalDate();
        } catch (DateTimeException e) {
            date = null;
        }
        if (date == null) {
            return skips.skipUndated(symbol, bar.wrongField() != null && !bar.wrongField().equals("t")
                    ? "field " + bar.wrongField() + " is not in the expected form"
                    : "its start time t is missing or out of range");
        }
        LocalDate day = date;
        if (window.contains(day)) {
            progress.bar(day);
        }
        if (bar.wrongField() != null) {
            return skips.skip(symbol, day, window, "field " + bar.wrongField() + " is not in the expected form");
        }
        return skips.bar(symbol, day, window, () -> BarSkipRules.dailyBar(symbol, day, bar.open(), bar.high(),
                bar.low(), bar.close(), BarSkipRules.roundedShares(bar.volume()), adjusted ? bar.close() : null));
    }
}
