package org.stockticker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stockticker.application.port.in.ReadOutcome;
import org.stockticker.application.port.in.ReadUseCase.ReadCommand;
import org.stockticker.application.port.out.ProviderReach;
import org.stockticker.application.port.out.QuotaSpentException;
import org.stockticker.application.port.out.ReadReportPort.LogLevel;
import org.stockticker.application.port.out.ReadReportPort.StreamStatus;
import org.stockticker.application.read.PortSource;
import org.stockticker.application.read.PriceSource;
import org.stockticker.application.read.ReadPlanner;
import org.stockticker.application.read.ReadableStream;
import org.stockticker.domain.ConfiguredCatalog;
import org.stockticker.domain.ConfiguredStream;
import org.stockticker.domain.CorporateActions;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Split;
import org.stockticker.domain.StockPrices;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.SymbolCursor;
import org.stockticker.domain.SyncMode;
import org.stockticker.domain.SyncSettings;
import org.stockticker.domain.SyncState;
import org.stockticker.domain.UsTradingCalendar;

/**
 * A read that meets a spent quota: the stream it stopped is checkpointed, every stream after it is checkpointed
 * with the state it came with and never asked for, the read reports the quota once, and the next read resumes each
 * stream where it stood.
 */
class SpentQuotaReadTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final Symbol MSFT = new Symbol("MSFT");
    private static final Symbol IBM = new Symbol("IBM");
    private static final Symbol GONE = new Symbol("GONE");
    private static final LocalDate START = LocalDate.of(2024, 3, 1);
    private static final LocalDate END = LocalDate.of(2024, 3, 8);
    private static final SyncSettings SETTINGS = new SyncSettings(List.of(AAPL, MSFT, IBM), START, END, 0);
    private static final ConfiguredCatalog CATALOG = new ConfiguredCatalog(List.of(
            new ConfiguredStream("stock_prices", SyncMode.INCREMENTAL),
            new ConfiguredStream("splits", SyncMode.INCREMENTAL),
            new ConfiguredStream("tickers", SyncMode.FULL_REFRESH)));
    private static final QuotaSpentException SPENT = new QuotaSpentException("fake", "its budget of 25 requests a day",
            Optional.of(Instant.parse("2024-03-09T00:00:00Z")));

    private final RecordingReport sink = new RecordingReport();
    private final List<String> askedForEvents = new ArrayList<>();

    @Test
    void the_streams_after_the_one_a_spent_quota_stopped_are_checkpointed_as_they_came_and_never_asked_for() {
        StreamState splitsCameWith = StreamState.of(List.of(new SymbolCursor(AAPL, LocalDate.of(2020, 8, 31)),
                new SymbolCursor(GONE, LocalDate.of(2021, 1, 4))));
        SyncState state = new SyncState(Map.of(
                "stock_prices", StreamState.of(List.of(new SymbolCursor(AAPL, LocalDate.of(2024, 3, 5)))),
                "splits", splitsCameWith));

        ReadOutcome outcome = sink.ended(service(prices().failing(MSFT, SPENT))
                .read(new ReadCommand(SETTINGS, CATALOG, state)));

        assertThat(outcome.complete()).isFalse();
        assertThat(sink.statusesOf("stock_prices")).endsWith(StreamStatus.INCOMPLETE);
        assertThat(sink.statesOf("stock_prices")).last().satisfies(last -> assertThat(last.state().cursors())
                .containsExactly(new SymbolCursor(AAPL, END)));
        assertThat(sink.statusesOf("splits")).containsExactly(StreamStatus.STARTED, StreamStatus.INCOMPLETE);
        assertThat(sink.statesOf("splits")).singleElement().satisfies(checkpoint -> {
            assertThat(checkpoint.state()).isEqualTo(StreamState.of(List.of(
                    new SymbolCursor(AAPL, LocalDate.of(2020, 8, 31)))));
            assertThat(checkpoint.recordCount()).isZero();
        });
        assertThat(sink.statusesOf("tickers")).containsExactly(StreamStatus.STARTED, StreamStatus.INCOMPLETE);
        assertThat(sink.statesOf("tickers")).singleElement()
                .satisfies(checkpoint -> assertThat(checkpoint.state()).isEqualTo(StreamState.empty()));
        assertThat(askedForEvents).isEmpty();
        assertThat(sink.errors()).singleElement().satisfies(error -> {
            assertThat(error.failure().stream()).isEqualTo("stock_prices");
            assertThat(error.symbol()).isEqualTo(MSFT);
            assertThat(error.cause()).isSameAs(SPENT);
        });
        assertThat(outcome.streams()).extracting(stream -> stream.failure().orElseThrow().cause())
                .containsOnly(SPENT);
        assertThat(sink.logs(LogLevel.INFO)).anySatisfy(log -> assertThat(log)
                .startsWith("Stream splits is not read in this sync: provider fake's quota is spent"));
        List<String> kinds = sink.kinds();
        assertThat(kinds.subList(kinds.lastIndexOf("INCOMPLETE") + 1, kinds.size())).containsExactly("ERROR");
    }

    @Test
    void a_stream_that_fails_otherwise_still_leaves_the_next_streams_to_be_read() {
        sink.ended(service(prices().failing(MSFT, new IllegalStateException("boom")))
                .read(new ReadCommand(SETTINGS, CATALOG, SyncState.none())));

        assertThat(askedForEvents).isNotEmpty();
        assertThat(sink.statusesOf("tickers")).endsWith(StreamStatus.COMPLETE);
    }

    @Test
    void the_next_read_from_the_last_states_resumes_every_stream_where_it_stood_without_a_gap_or_a_repeat() {
        sink.ended(service(prices().failing(MSFT, SPENT)).read(new ReadCommand(SETTINGS, CATALOG, SyncState.none())));
        SyncState last = lastStates();
        List<Object> firstRecords = new ArrayList<>(sink.recordsOf("stock_prices"));
        RecordingReport later = new RecordingReport();
        FakePriceProvider reset = prices();

        boolean complete = later.ended(new ReadService("fake", planner(), streams(reset), later, 10_000)
                .read(new ReadCommand(SETTINGS, CATALOG, last))).complete();

        assertThat(complete).isTrue();
        assertThat(reset.requests()).extracting(FakePriceProvider.Request::symbol).containsExactly(MSFT, IBM);
        List<Object> all = new ArrayList<>(firstRecords);
        all.addAll(later.recordsOf("stock_prices"));
        assertThat(all).containsExactlyInAnyOrderElementsOf(allBars());
        assertThat(later.recordsOf("splits")).hasSize(1);
        assertThat(later.recordsOf("tickers")).hasSize(3);
    }

    private SyncState lastStates() {
        Map<String, StreamState> states = new HashMap<>();
        sink.states().forEach(checkpoint -> states.put(checkpoint.stream(), checkpoint.state()));
        return new SyncState(states);
    }

    private ReadService service(FakePriceProvider prices) {
        return new ReadService("fake", planner(), streams(prices), sink, 10_000);
    }

    private static ReadPlanner planner() {
        return new ReadPlanner(ProviderReach.perSymbol(false, ProviderReach.UNPACED), new UsTradingCalendar(),
                Reads.CLOCK);
    }

    private List<ReadableStream<?>> streams(FakePriceProvider prices) {
        ReadableStream<DailyBar> priceStream = new ReadableStream<>(StockPrices.STREAM, new PriceSource(prices),
                Optional.empty());
        ReadableStream<Split> splits = new ReadableStream<>(CorporateActions.SPLITS, new PortSource<Split>(
                (symbol, window) -> {
                    askedForEvents.add("splits " + symbol);
                    return symbol.equals(IBM) ? Stream.of(new Split(IBM, LocalDate.of(2024, 3, 4), BigDecimal.ONE,
                            BigDecimal.valueOf(2))) : Stream.empty();
                }, listener -> { }), Optional.empty());
        ReadableStream<Listing> tickers = new ReadableStream<>(CorporateActions.TICKERS, new PortSource<Listing>(
                (symbol, window) -> {
                    askedForEvents.add("tickers " + symbol);
                    return Stream.of(new Listing(symbol, symbol + " Inc.", "XNYS", "CS", "USD", true, null, null));
                }, listener -> { }), Optional.empty());
        return List.of(priceStream, splits, tickers);
    }

    private static FakePriceProvider prices() {
        FakePriceProvider prices = new FakePriceProvider("fake");
        for (Symbol symbol : List.of(AAPL, MSFT, IBM)) {
            prices.with(symbol, bars(symbol).toArray(DailyBar[]::new));
        }
        return prices;
    }

    private static List<DailyBar> allBars() {
        return Stream.of(AAPL, MSFT, IBM).flatMap(symbol -> bars(symbol).stream()).toList();
    }

    private static List<DailyBar> bars(Symbol symbol) {
        return START.datesUntil(END.plusDays(1)).filter(day -> day.getDayOfWeek().getValue() < 6)
                .map(day -> new DailyBar(symbol, day, null, null, null, BigDecimal.TEN, null, null)).toList();
    }
}
