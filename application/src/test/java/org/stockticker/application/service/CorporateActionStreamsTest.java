package org.stockticker.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.in.ReadUseCase.ReadCommand;
import org.stockticker.application.port.in.UnknownTickersException;
import org.stockticker.application.port.out.CorporateActionsPort;
import org.stockticker.application.port.out.ProviderReach;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.ReadReportPort.LogLevel;
import org.stockticker.application.port.out.ReadReportPort.StreamStatus;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.application.read.AdjustedCloseDrift;
import org.stockticker.application.read.EverySymbolSource;
import org.stockticker.application.read.PortSource;
import org.stockticker.application.read.PriceSource;
import org.stockticker.application.read.ReadPlanner;
import org.stockticker.application.read.ReadableStream;
import org.stockticker.application.read.SplitsSince;
import org.stockticker.domain.ConfiguredCatalog;
import org.stockticker.domain.ConfiguredStream;
import org.stockticker.domain.CorporateActions;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
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
 * The streams of splits, dividends and listings through the read service: events per symbol with their own cursors,
 * listings read in full, the whole market where the provider lists everything at once, and each stream's failure
 * its own.
 */
class CorporateActionStreamsTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final Symbol MSFT = new Symbol("MSFT");
    private static final Symbol NOPE = new Symbol("NOPE");
    private static final LocalDate START = LocalDate.of(2020, 1, 2);
    private static final LocalDate END = LocalDate.of(2024, 12, 31);

    private final RecordingReport sink = new RecordingReport();
    private final List<String> asked = new ArrayList<>();

    private static Split split(Symbol symbol, String day, String from, String to) {
        return new Split(symbol, LocalDate.parse(day), new BigDecimal(from), new BigDecimal(to));
    }

    private static Dividend dividend(Symbol symbol, String day, String amount, String type) {
        return new Dividend(symbol, LocalDate.parse(day), new BigDecimal(amount), "USD", null, null, null, 4, type);
    }

    private final List<Split> splits = List.of(split(AAPL, "2020-08-31", "1", "4"),
            split(MSFT, "2023-05-01", "10", "1"));
    private final List<Dividend> dividends = List.of(dividend(AAPL, "2024-05-10", "0.25", "regular"),
            dividend(AAPL, "2024-05-10", "1.123456789012", "special"), dividend(MSFT, "2024-08-15", "0.83", "regular"));

    private ReadService service(boolean everySymbolAtOnce, RuntimeException dividendsFailure) {
        ReadableStream<Split> splitStream = new ReadableStream<>(CorporateActions.SPLITS, new PortSource<Split>(
                (symbol, window) -> {
                    asked.add("splits " + symbol);
                    return splits.stream().filter(s -> s.symbol().equals(symbol));
                }, listener -> { }), Optional.empty()).expecting(1.0 / 2520);
        ReadableStream<Dividend> dividendStream = new ReadableStream<>(CorporateActions.DIVIDENDS,
                new PortSource<Dividend>((symbol, window) -> {
                    asked.add("dividends " + symbol);
                    if (dividendsFailure != null) {
                        throw dividendsFailure;
                    }
                    return dividends.stream().filter(d -> d.symbol().equals(symbol));
                }, listener -> { }), Optional.empty()).expecting(4.0 / 252);
        ReadableStream<Listing> tickers = new ReadableStream<>(CorporateActions.TICKERS, new PortSource<Listing>(
                (symbol, window) -> {
                    asked.add("tickers " + symbol);
                    if (symbol.equals(NOPE)) {
                        throw new UnknownSymbolException(NOPE, "fake");
                    }
                    return Stream.of(new Listing(symbol, symbol + " Inc.", "XNAS", "CS", "USD", true, null, null));
                }, listener -> { }), Optional.empty());
        if (everySymbolAtOnce) {
            splitStream = splitStream.withEverySymbol(new EverySymbolSource<>() {
                @Override
                public Stream<Split> from(LocalDate from) {
                    asked.add("every split from " + from);
                    return splits.stream().filter(s -> !s.executionDate().isBefore(from));
                }

                @Override
                public Symbol symbolOf(Split record) {
                    return record.symbol();
                }
            });
            tickers = tickers.withEverySymbol(new EverySymbolSource<>() {
                @Override
                public Stream<Listing> from(LocalDate from) {
                    asked.add("every listing");
                    return Stream.of(new Listing(MSFT, "Microsoft", "XNAS", "CS", "USD", true, null, null),
                            new Listing(AAPL, "Apple", "XNAS", "CS", "USD", true, null, null),
                            new Listing(AAPL, "Apple (old)", "XNYS", "CS", "USD", false, null, null));
                }

                @Override
                public Symbol symbolOf(Listing record) {
                    return record.symbol();
                }
            });
        }
        return new ReadService("fake", new ReadPlanner(ProviderReach.perSymbol(false, ProviderReach.UNPACED),
                new UsTradingCalendar(), Reads.CLOCK), List.of(splitStream, dividendStream, tickers), sink, 10_000);
    }

    private static ConfiguredCatalog catalog(SyncMode eventsMode) {
        return new ConfiguredCatalog(List.of(new ConfiguredStream("splits", eventsMode),
                new ConfiguredStream("dividends", eventsMode), new ConfiguredStream("tickers", SyncMode.FULL_REFRESH)));
    }

    @Test
    void events_and_listings_of_listed_tickers_are_read_a_symbol_at_a_time_each_stream_checkpointed() {
        boolean complete = sink.ended(service(false, null).read(new ReadCommand(
                new SyncSettings(List.of(AAPL, MSFT), START, END, 0), catalog(SyncMode.INCREMENTAL),
                SyncState.none()))).complete();

        assertThat(complete).isTrue();
        assertThat(asked).containsExactly("splits AAPL", "splits MSFT", "dividends AAPL", "dividends MSFT",
                "tickers AAPL", "tickers MSFT");
        assertThat(sink.records()).as("no price records").isEmpty();
        assertThat(sink.statesOf("splits")).last().satisfies(state -> assertThat(state.state().cursors())
                .containsExactly(new SymbolCursor(AAPL, LocalDate.parse("2020-08-31")),
                        new SymbolCursor(MSFT, LocalDate.parse("2023-05-01"))));
        assertThat(sink.statesOf("dividends")).last().satisfies(state -> assertThat(state.state().cursor(AAPL))
                .contains(LocalDate.parse("2024-05-10")));
        assertThat(sink.statesOf("tickers")).isNotEmpty()
                .allSatisfy(state -> assertThat(state.state()).isEqualTo(StreamState.empty()));
        assertThat(sink.recordsOf("dividends")).hasSize(3);
        assertThat(sink.recordsOf("tickers")).hasSize(2);
        assertThat(sink.logs(LogLevel.WARN)).as("events come on few days: no missing-day warnings").isEmpty();
    }

    @Test
    void an_incremental_event_read_starts_after_each_symbols_cursor() {
        sink.ended(service(false, null).read(new ReadCommand(new SyncSettings(List.of(AAPL, MSFT), START, END, 0),
                new ConfiguredCatalog(List.of(new ConfiguredStream("splits", SyncMode.INCREMENTAL))),
                new SyncState(Map.of("splits", StreamState.of(List.of(
                        new SymbolCursor(AAPL, LocalDate.parse("2020-08-31")),
                        new SymbolCursor(MSFT, LocalDate.parse("2023-05-01")))))))));

        assertThat(sink.recordsOf("splits")).isEmpty();
    }

    @Test
    void a_stream_that_fails_leaves_the_others_complete_with_their_records_and_states() {
        boolean complete = sink.ended(service(false, new ProviderUnavailableException("provider fake answered 503",
                null)).read(new ReadCommand(new SyncSettings(List.of(AAPL, MSFT), START, END, 0),
                catalog(SyncMode.FULL_REFRESH), SyncState.none()))).complete();

        assertThat(complete).isFalse();
        assertThat(sink.statusesOf("splits")).endsWith(StreamStatus.COMPLETE);
        assertThat(sink.statusesOf("dividends")).endsWith(StreamStatus.INCOMPLETE);
        assertThat(sink.statusesOf("tickers")).endsWith(StreamStatus.COMPLETE);
        assertThat(sink.recordsOf("splits")).hasSize(2);
        assertThat(sink.recordsOf("tickers")).hasSize(2);
    }

    @Test
    void an_unknown_ticker_in_the_listings_is_named_and_the_others_are_listed() {
        boolean complete = sink.ended(service(false, null).read(new ReadCommand(
                new SyncSettings(List.of(AAPL, NOPE, MSFT), START, END, 0),
                new ConfiguredCatalog(List.of(new ConfiguredStream("tickers", SyncMode.FULL_REFRESH))),
                SyncState.none()))).complete();

        assertThat(complete).isFalse();
        assertThat(sink.recordsOf("tickers")).hasSize(2);
        assertThat(sink.errors()).singleElement().satisfies(error -> {
            assertThat(error.cause()).isInstanceOf(UnknownTickersException.class);
            assertThat(error.message()).contains("NOPE");
        });
    }

    @Test
    void the_whole_markets_events_and_listings_come_at_once_in_order_of_day_and_symbol() {
        boolean complete = sink.ended(service(true, null).read(new ReadCommand(
                SyncSettings.wholeMarket(START, END, 0, true),
                new ConfiguredCatalog(List.of(new ConfiguredStream("splits", SyncMode.INCREMENTAL),
                        new ConfiguredStream("tickers", SyncMode.FULL_REFRESH))), SyncState.none()))).complete();

        assertThat(complete).isTrue();
        assertThat(asked).containsExactly("every split from 2020-01-02", "every listing");
        assertThat(sink.recordsOf("splits")).extracting(record -> ((Split) record).symbol())
                .containsExactly(AAPL, MSFT);
        assertThat(sink.statesOf("splits")).last().satisfies(state -> assertThat(state.state())
                .isEqualTo(StreamState.forEverySymbol(LocalDate.parse("2023-05-01"))));
        assertThat(sink.recordsOf("tickers")).extracting(record -> ((Listing) record).name())
                .containsExactly("Apple", "Microsoft");
        assertThat(sink.logs(LogLevel.WARN)).anySatisfy(log -> assertThat(log).contains("more than once"));
    }

    @Test
    void the_whole_market_is_refused_for_a_stream_the_provider_lists_one_symbol_at_a_time() {
        assertThatThrownBy(() -> service(true, null).read(new ReadCommand(SyncSettings.wholeMarket(START, END, 0, true),
                new ConfiguredCatalog(List.of(new ConfiguredStream("dividends", SyncMode.FULL_REFRESH))),
                SyncState.none())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dividends");
    }

    @Test
    void a_stream_the_provider_does_not_serve_is_a_config_error_naming_the_stream_and_the_provider() {
        assertThatThrownBy(() -> service(false, null).read(new ReadCommand(
                new SyncSettings(List.of(AAPL), START, END, 0),
                new ConfiguredCatalog(List.of(new ConfiguredStream("stock_prices", SyncMode.FULL_REFRESH))),
                SyncState.none())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("stock_prices").hasMessageContaining("provider fake");
    }

    @Test
    void a_split_after_a_price_cursor_reads_that_symbols_whole_history_once_counted_in_the_estimate() {
        FakePriceProvider prices = new FakePriceProvider("massive");
        LocalDate first = LocalDate.of(2024, 3, 1);
        LocalDate cursor = LocalDate.of(2024, 3, 7);
        LocalDate end = LocalDate.of(2024, 3, 14);
        for (Symbol symbol : List.of(AAPL, MSFT)) {
            prices.with(symbol, first.datesUntil(end.plusDays(1)).filter(day -> day.getDayOfWeek().getValue() < 6)
                    .map(day -> new DailyBar(symbol, day, null, null, null, BigDecimal.TEN,
                            null, null)).toArray(DailyBar[]::new));
        }
        CorporateActionsPort actions =
                new CorporateActionsPort() {
                    @Override
                    public String name() {
                        return "massive";
                    }

                    @Override
                    public Stream<Split> splits(Symbol symbol, DateWindow window) {
                        throw new AssertionError("splits are listed for every symbol at once");
                    }

                    @Override
                    public Stream<Dividend> dividends(Symbol symbol, DateWindow window) {
                        throw new AssertionError("dividends do not change split-adjusted prices");
                    }

                    @Override
                    public boolean listsEverySymbolAtOnce() {
                        return true;
                    }

                    @Override
                    public Stream<Split> splitsFrom(LocalDate from) {
                        asked.add("every split from " + from);
                        return Stream.of(split(MSFT, "2024-03-11", "1", "2"), split(AAPL, "2024-03-05", "1", "3"));
                    }
                };
        ReadableStream<DailyBar> stream = new ReadableStream<>(
                StockPrices.STREAM, new PriceSource(prices),
                Optional.of(new AdjustedCloseDrift()))
                .withChanges(new SplitsSince(actions));
        ReadService service = new ReadService("massive", new ReadPlanner(
                ProviderReach.perSymbol(false, ProviderReach.UNPACED), new UsTradingCalendar(), Reads.CLOCK),
                List.of(stream), sink, 10_000);

        service.read(new ReadCommand(new SyncSettings(List.of(AAPL, MSFT), first, end, 0),
                new ConfiguredCatalog(List.of(new ConfiguredStream("stock_prices", SyncMode.INCREMENTAL))),
                new SyncState(Map.of("stock_prices", StreamState.of(List.of(new SymbolCursor(AAPL, cursor),
                        new SymbolCursor(MSFT, cursor)))))));

        assertThat(asked).containsExactly("every split from 2024-03-08");
        assertThat(prices.requests()).containsExactly(
                new FakePriceProvider.Request(AAPL, new DateWindow(LocalDate.of(2024, 3, 8), end)),
                new FakePriceProvider.Request(MSFT, new DateWindow(first, end)));
        assertThat(sink.eventsOf(RecordingReport.EstimateEvent.class)).singleElement()
                .isEqualTo(new RecordingReport.EstimateEvent("stock_prices", 5 + 10));
        assertThat(sink.logs(LogLevel.INFO)).anySatisfy(log -> assertThat(log).startsWith(
                "A split of MSFT on 2024-03-11 (1 shares became 2) changed its split-adjusted prices synced up to"
                + " 2024-03-07: reading its whole history again from 2024-03-01"));
    }
}
