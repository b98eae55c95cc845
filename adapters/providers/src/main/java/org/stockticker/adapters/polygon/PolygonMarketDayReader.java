package org.stockticker.adapters.polygon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * Reads Massive's grouped daily bars, the bar of every US stock on one day in a single answer of some 12,000 rows,
 * one row at a time while the caller consumes them ({@link PolygonPage}): no tree of the whole answer is built.
 *
 * <p>Each row is a {@link PolygonBar} with its ticker {@code T}, and becomes the bar of that symbol on the day asked
 * for, exactly as the same values in a per-symbol answer would ({@link PolygonBar#toDailyBar}), through the same
 * {@link BarSkipRules}. Its time {@code t} marks the end of the session; a row whose {@code t} falls on another day
 * in New York is skipped with a warning, while a row without {@code t} is taken as the day's. Rows marked
 * {@code otc}, which the request leaves out, are dropped silently. A row whose ticker is no {@link Symbol} (lower-case
 * letters, spaces, slashes) is skipped too; all of those of one answer are told in a single warning with their count
 * and a few of them ({@link TickerSkips}). A ticker's second row in one answer is skipped with a warning, the first
 * kept, so that a symbol has one bar a day. The grouped endpoint is not paged: a {@code next_url} in its answer is
 * reported with a warning and not followed.
 */
final class PolygonMarketDayReader {

    private static final Logger LOG = LoggerFactory.getLogger(PolygonMarketDayReader.class);

    private final ObjectMapper mapper;
    private final boolean adjusted;
    private final String provider;
    private final Logger log;

    /**
     * A reader of days asked for with {@code adjusted}: adjusted prices also serve as the adjusted close. Messages
     * name the provider as {@code provider}, the name it was configured with.
     */
    PolygonMarketDayReader(ObjectMapper mapper, boolean adjusted, String provider) {
        this(mapper, adjusted, provider, LOG);
    }

    /** A reader that reports skipped rows to {@code log}, so that the reports themselves can be checked. */
    PolygonMarketDayReader(ObjectMapper mapper, boolean adjusted, String provider, Logger log) {
        this.mapper = mapper;
        this.adjusted = adjusted;
        this.provider = provider;
        this.log = log;
    }

    /** The bars of {@code answer}, the grouped answer for {@code day}; closing the stream closes the answer. */
    Stream<DailyBar> bars(Response answer, LocalDate day) {
        Rows rows = new Rows(day, PolygonPage.open(mapper, answer, provider, subject(day)));
        return StreamSupport.stream(rows, false).onClose(rows::close);
    }

    /** What messages call the answer for {@code day}. */
    static String subject(LocalDate day) {
        return "the US market on " + day;
    }

    /** The rows of the answer, read from its parser only as far as the consumer asks. */
    private final class Rows extends Spliterators.AbstractSpliterator<DailyBar> {

        private final LocalDate day;
        private final DateWindow window;
        private final String subject;
        private final BarSkipRules skips = new BarSkipRules(provider, log);
        private final TickerSkips tickers;
        // A symbol has one bar a day: a row repeating a symbol already handed out would repeat a primary key.
        private final Set<Symbol> handedOut = new HashSet<>();
        private PolygonPage page;
        // Streams may ask again after the end; the answer must not be read past its end.
        private boolean exhausted;

        Rows(LocalDate day, PolygonPage page) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.day = day;
            this.window = new DateWindow(day, day);
            this.subject = subject(day);
            this.tickers = new TickerSkips(provider, subject, log);
            this.page = page;
        }

        @Override
        public boolean tryAdvance(Consumer<? super DailyBar> action) {
            try {
                while (!exhausted) {
                    if (page.nextElement()) {
                        Optional<DailyBar> bar = row(page.parser());
                        if (bar.isPresent()) {
                            action.accept(bar.get());
                            return true;
                        }
                    } else {
                        finish();
                    }
                }
                return false;
            } catch (IOException e) {
                // Parser messages may quote the answer itself; the type of failure is all that is reported.
                throw JsonAnswer.brokenOff(provider, subject);
            }
        }

        private Optional<DailyBar> row(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return skips.skipNonObject(subject);
            }
            PolygonBar bar = PolygonBar.read(parser);
            if (bar.otc()) {
                return Optional.empty();
            }
            Symbol symbol = symbol(bar.ticker());
            if (symbol == null) {
                tickers.skip(bar.ticker());
                return Optional.empty();
            }
            if (bar.wrongField() != null) {
                return skips.skip(symbol, day, window, bar.wrongFieldReason());
            }
            if (bar.millis() != null && !day.equals(bar.newYorkDay())) {
                LocalDate stamped = bar.newYorkDay();
                return skips.bar(symbol, day, window, () -> {
                    throw BarSkipRules.refused(stamped == null ? "its time t is out of range"
                            : "its time t falls on " + stamped + " in New York, not on the day asked for");
                });
            }
            if (handedOut.contains(symbol)) {
                return skips.bar(symbol, day, window, () -> {
                    throw BarSkipRules.refused("its ticker appears again in the answer; the first row is kept");
                });
            }
            Optional<DailyBar> made = skips.bar(symbol, day, window, () -> bar.toDailyBar(symbol, day, adjusted));
            made.ifPresent(kept -> handedOut.add(symbol));
            return made;
        }

        private void finish() {
            PolygonPage ended = page;
            close();
            exhausted = true;
            ended.requireData();
            if (ended.nextUrl() != null) {
                log.warn("Provider {} named a next page of its answer for {}, which is not paged; it was not asked for",
                        provider, subject);
            }
        }

        /** Closes the answer, and tells what its rows had to skip. */
        void close() {
            PolygonPage current = page;
            page = null;
            if (current != null) {
                current.close();
                tickers.finish();
                skips.finish(subject);
            }
        }
    }

    /** The symbol {@code ticker} spells, or null when it is none: missing, or outside the domain's alphabet. */
    private static Symbol symbol(String ticker) {
        if (ticker == null) {
            return null;
        }
        try {
            return new Symbol(ticker);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
