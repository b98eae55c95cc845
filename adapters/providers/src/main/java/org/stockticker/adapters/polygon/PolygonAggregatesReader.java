package org.stockticker.adapters.polygon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import java.io.IOException;
import java.time.LocalDate;
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
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * Reads Polygon aggregates answers, one bar at a time while the caller consumes them, page after page.
 *
 * <p>A page is a JSON object whose {@code results} array holds the bars and whose {@code next_url}, when present,
 * names the next page; the fields may come in any order ({@link PolygonPage} reads it). The next page is asked for only once the caller wants a
 * bar beyond the current page, and a chain of pages that brings no new bar is cut ({@link PageProgress}). Each bar
 * is read token by token into a {@link PolygonBar}, so that one malformed bar is skipped with a warning instead of
 * ending the answer; a bar without a close, with an unusable volume or start time, or one the
 * domain refuses is skipped with a warning, and bars outside the window are dropped silently.
 */
final class PolygonAggregatesReader {

    private static final Logger LOG = LoggerFactory.getLogger(PolygonAggregatesReader.class);

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
        private PolygonPage page;
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

        void open(Response response) {
            // The page closes the answer itself when it does not start as a page must.
            page = PolygonPage.open(mapper, response, provider, symbol.value());
        }

        @Override
        public boolean tryAdvance(Consumer<? super DailyBar> action) {
            try {
                while (!exhausted) {
                    if (page.nextElement()) {
                        elements++;
                        Optional<DailyBar> bar = toDailyBar(page.parser(), symbol, window, progress, skips);
                        if (bar.isPresent()) {
                            action.accept(bar.get());
                            return true;
                        }
                    } else {
                        finishPage();
                    }
                }
                return false;
            } catch (IOException e) {
                // Parser messages may quote the answer itself; the type of failure is all that is reported.
                throw JsonAnswer.brokenOff(provider, symbol);
            }
        }

        private void finishPage() {
            PolygonPage ended = page;
            close();
            // Until the next page is open, a failure must not leave the stream reading a closed page.
            exhausted = true;
            ended.requireData();
            String url = ended.nextUrl();
            if (url == null) {
                if (elements == 0) {
                    continuation.noBarsAtAll();
                }
                return;
            }
            if (!followed.add(url)) {
                throw new ProviderUnavailableException("provider " + provider
                        + " named a page of " + symbol + " it had answered already as the next one", null);
            }
            progress.nextPageNamed();
            open(continuation.next(url));
            exhausted = false;
        }

        void close() {
            PolygonPage current = page;
            page = null;
            if (current != null) {
                current.close();
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
        LocalDate day = bar.newYorkDay();
        if (day == null) {
            return skips.skipUndated(symbol, bar.wrongField() != null && !bar.wrongField().equals("t")
                    ? bar.wrongFieldReason()
                    : "its start time t is missing or out of range");
        }
        if (window.contains(day)) {
            progress.bar(day);
        }
        if (bar.wrongField() != null) {
            return skips.skip(symbol, day, window, bar.wrongFieldReason());
        }
        return skips.bar(symbol, day, window, () -> bar.toDailyBar(symbol, day, adjusted));
    }
}
