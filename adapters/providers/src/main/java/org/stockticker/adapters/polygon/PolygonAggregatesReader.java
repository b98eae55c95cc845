package org.stockticker.adapters.polygon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import java.io.IOException;
import java.time.LocalDate;
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
 * Reads Polygon aggregates answers, one bar at a time while the caller consumes them, page after page.
 *
 * <p>A page is a JSON object whose {@code results} array holds the bars and whose {@code next_url}, when present,
 * names the next page; the fields may come in any order ({@link PolygonPage} reads it, {@link PolygonPages} follows
 * the pages), and a chain of pages that brings no new bar is cut ({@link PageProgress}). Each bar
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
        BarSkipRules skips = new BarSkipRules(provider, log);
        PolygonPages.Elements<DailyBar> bars = new PolygonPages.Elements<>() {
            private long elements;

            @Override
            public Optional<DailyBar> read(JsonParser parser, PageProgress progress) throws IOException {
                elements++;
                return toDailyBar(parser, symbol, window, progress, skips);
            }

            @Override
            public void end() {
                if (elements == 0) {
                    continuation.noBarsAtAll();
                }
            }

            @Override
            public void close() {
                skips.finish(symbol);
            }
        };
        return PolygonPages.stream(mapper, provider, first, symbol.value(), "bars", continuation::next, bars,
                new PageProgress(provider, symbol, window));
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
