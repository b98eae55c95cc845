package org.stockticker.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.in.ReadUseCase.ReadCommand;
import org.stockticker.application.port.in.StopSignal;
import org.stockticker.application.port.in.UnknownTickersException;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.ReadReportPort.LogLevel;
import org.stockticker.application.port.out.ReadReportPort.StreamStatus;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.application.service.RecordingReport.RecordEvent;
import org.stockticker.application.service.RecordingReport.StateEvent;
import org.stockticker.domain.ConfiguredCatalog;
import org.stockticker.domain.ConfiguredStream;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.SymbolCursor;
import org.stockticker.domain.SyncMode;
import org.stockticker.domain.SyncSettings;
import org.stockticker.domain.SyncState;

/**
 * Reads planned a trading day at a time: listed tickers, when a day's answer for every symbol asks less than a
 * request per symbol, and the whole market. Each keeps the promises of a read a symbol at a time.
 */
class DayByDayReadTest {

    private static final String STREAM = "stock_prices";
    private static final Symbol AAPL = new Symbol("AAPL");
    private static final Symbol IBM = new Symbol("IBM");
    private static final Symbol KO = new Symbol("KO");
    private static final Symbol MSFT = new Symbol("MSFT");
    private static final Symbol NOPE = new Symbol("NOPE");
    /** Friday 2024-06-28 to Monday 2024-07-08: seven trading days, July 4th and the weekends closed. */
    private static final LocalDate START = LocalDate.parse("2024-06-28");
    private static final LocalDate END = LocalDate.parse("2024-07-08");
    private static final List<LocalDate> TRADING_DAYS = List.of(START, day("2024-07-01"), day("2024-07-02"),
            day("2024-07-03"), day("2024-07-05"), END);

    private final FakePriceProvider provider = new FakePriceProvider("massive").answeringMarketDays(false, 5);
    private final RecordingReport sink = new RecordingReport();

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    private static DailyBar bar(Symbol symbol, LocalDate day, String close) {
        return new DailyBar(symbol, day, null, null, null, new BigDecimal(close), 1_000L, null);
    }

    /** A bar of {@code symbol} on each of {@code days}, its close telling symbol and day apart. */
    private static DailyBar[] bars(Symbol symbol, List<LocalDate> days) {
        return days.stream().map(day -> bar(symbol, day, (symbol.value().length() * 10) + "." + day.getDayOfMonth()))
                .toArray(DailyBar[]::new);
    }

    private static ConfiguredCatalog catalog(SyncMode mode) {
        return new ConfiguredCatalog(List.of(new ConfiguredStream(STREAM, mode)));
    }

    private boolean read(ReadCommand command, int checkpointInterval) {
        return sink.ended(Reads.service(provider, sink, checkpointInterval, 0).read(command)).complete();
    }

    private boolean read(SyncSettings settings, SyncMode mode, StreamState state) {
        return read(new ReadCommand(settings, catalog(mode), new SyncState(Map.of(STREAM, state))),
                ReadService.DEFAULT_CHECKPOINT_INTERVAL);
    }

    private List<DailyBar> records() {
        return sink.records().stream().map(RecordEvent::bar).toList();
    }

    private static SyncSettings listed(LocalDate from, LocalDate to, Symbol... tickers) {
        return new SyncSettings(List.of(tickers), from, to, 0, true);
    }

    @Test
    void a_daily_incremental_of_many_tickers_asks_one_day_for_all_of_them() {
        Symbol[] tickers = {AAPL, IBM, KO, MSFT};
        for (Symbol ticker : tickers) {
            provider.with(ticker, bars(ticker, TRADING_DAYS));
        }
        StreamState yesterday = StreamState.of(List.of(new SymbolCursor(AAPL, day("2024-07-05")),
                new SymbolCursor(IBM, day("2024-07-05")), new SymbolCursor(KO, day("2024-07-05")),
                new SymbolCursor(MSFT, day("2024-07-05"))));

        boolean complete = read(listed(START, END, tickers), SyncMode.INCREMENTAL, yesterday);

        assertThat(complete).isTrue();
        assertThat(provider.daysAsked()).containsExactly(END);
        assertThat(provider.requests()).isEmpty();
        assertThat(records()).extracting(DailyBar::symbol).containsExactly(AAPL, IBM, KO, MSFT);
        assertThat(records()).extracting(DailyBar::date).containsOnly(END);
        assertThat(sink.eventsOf(RecordingReport.EstimateEvent.class))
                .containsExactly(new RecordingReport.EstimateEvent(STREAM, 4));
        assertThat(sink.lastState().state().cursors()).extracting(SymbolCursor::date).containsOnly(END);
        assertThat(sink.logs(LogLevel.INFO)).anySatisfy(log -> assertThat(log)
                .startsWith("Read plan for stock_prices: 1 request, one per trading day for every symbol at once"
                        + " (2024-07-08), rather than 4, one per symbol"));
    }

    @Test
    void the_same_window_read_by_day_or_by_symbol_gives_the_same_records_in_each_symbols_date_order() {
        FakePriceProvider bySymbol = new FakePriceProvider("massive");
        for (Symbol ticker : List.of(AAPL, IBM, KO, MSFT)) {
            provider.with(ticker, bars(ticker, TRADING_DAYS));
            bySymbol.with(ticker, bars(ticker, TRADING_DAYS));
        }
        SyncSettings twoDays = listed(day("2024-07-03"), day("2024-07-05"), AAPL, IBM, KO, MSFT);
        RecordingReport perSymbolSink = new RecordingReport();

        read(twoDays, SyncMode.FULL_REFRESH, StreamState.empty());
        Reads.service(bySymbol, perSymbolSink, ReadService.DEFAULT_CHECKPOINT_INTERVAL, 0)
                .read(new ReadCommand(twoDays, catalog(SyncMode.FULL_REFRESH), SyncState.none()));

        assertThat(provider.daysAsked()).hasSize(2);
        assertThat(bySymbol.requests()).hasSize(4);
        List<DailyBar> perDay = records();
        List<DailyBar> perSymbol = perSymbolSink.records().stream().map(RecordEvent::bar).toList();
        assertThat(perDay).containsExactlyInAnyOrderElementsOf(perSymbol).hasSize(8);
        for (Symbol ticker : List.of(AAPL, IBM, KO, MSFT)) {
            assertThat(perDay.stream().filter(bar -> bar.symbol().equals(ticker)).map(DailyBar::date).toList())
                    .isSortedAccordingTo(Comparator.naturalOrder());
        }
    }

    @Test
    void each_trading_day_is_checkpointed_covering_exactly_the_records_before_it() {
        for (Symbol ticker : List.of(AAPL, IBM, KO, MSFT)) {
            provider.with(ticker, bars(ticker, TRADING_DAYS.subList(3, 6)));
        }

        read(listed(day("2024-07-03"), END, AAPL, IBM, KO, MSFT), SyncMode.FULL_REFRESH, StreamState.empty());

        List<StateEvent> states = sink.states();
        assertThat(states).hasSize(3);
        assertThat(states).extracting(StateEvent::recordCount).containsExactly(4L, 4L, 4L);
        assertThat(states.get(0).state().cursor(KO)).contains(day("2024-07-03"));
        assertThat(states.get(1).state().cursor(KO)).contains(day("2024-07-05"));
    }

    @Test
    void a_listed_ticker_no_day_answered_is_verified_and_named_when_unknown() {
        provider.with(AAPL, bars(AAPL, TRADING_DAYS)).with(IBM, bars(IBM, TRADING_DAYS))
                .with(KO, bars(KO, TRADING_DAYS))
                .failingVerification(NOPE, new UnknownSymbolException(NOPE, "massive"));

        boolean complete = read(listed(END, END, AAPL, IBM, KO, NOPE), SyncMode.FULL_REFRESH, StreamState.empty());

        assertThat(complete).isFalse();
        assertThat(provider.verified()).containsExactly(NOPE);
        assertThat(records()).extracting(DailyBar::symbol).containsExactly(AAPL, IBM, KO);
        assertThat(sink.errors()).singleElement().satisfies(error -> {
            assertThat(error.cause()).isInstanceOf(UnknownTickersException.class);
            assertThat(error.message()).contains("NOPE").doesNotContain("AAPL");
        });
    }

    @Test
    void a_day_that_fails_ends_the_stream_checkpointed_after_the_days_before_it() {
        for (Symbol ticker : List.of(AAPL, IBM, KO, MSFT)) {
            provider.with(ticker, bars(ticker, TRADING_DAYS));
        }
        provider.failingDay(day("2024-07-05"), new ProviderUnavailableException("provider massive answered 503", null));

        boolean complete = read(listed(day("2024-07-03"), END, AAPL, IBM, KO, MSFT), SyncMode.FULL_REFRESH,
                StreamState.empty());

        assertThat(complete).isFalse();
        assertThat(provider.daysAsked()).containsExactly(day("2024-07-03"), day("2024-07-05"));
        assertThat(sink.lastState().state().cursors()).extracting(SymbolCursor::date).containsOnly(day("2024-07-03"));
        assertThat(sink.statuses()).endsWith(StreamStatus.INCOMPLETE);
        assertThat(sink.errors()).singleElement()
                .satisfies(error -> assertThat(error.cause()).isInstanceOf(ProviderUnavailableException.class));
    }

    @Test
    void a_trading_day_missing_for_one_symbol_is_told_once_for_that_symbol() {
        List<LocalDate> withoutTheThird = new ArrayList<>(TRADING_DAYS);
        withoutTheThird.remove(day("2024-07-03"));
        withoutTheThird.remove(day("2024-07-02"));
        provider.with(AAPL, bars(AAPL, TRADING_DAYS)).with(IBM, bars(IBM, withoutTheThird))
                .with(KO, bars(KO, TRADING_DAYS));

        read(listed(START, END, AAPL, IBM, KO), SyncMode.FULL_REFRESH, StreamState.empty());

        assertThat(sink.logs(LogLevel.WARN)).containsExactly("The provider's answer for IBM lacks 2 trading days"
                + " between 2024-06-28 and 2024-07-08: 2024-07-02, 2024-07-03");
    }

    @Test
    void a_trading_day_missing_from_a_symbols_own_answer_is_told_once() {
        FakePriceProvider bySymbol = new FakePriceProvider("tiingo");
        List<LocalDate> withoutOne = new ArrayList<>(TRADING_DAYS);
        withoutOne.remove(day("2024-07-05"));
        bySymbol.with(AAPL, bars(AAPL, withoutOne));

        Reads.service(bySymbol, sink, ReadService.DEFAULT_CHECKPOINT_INTERVAL, 0).read(new ReadCommand(
                listed(START, END, AAPL), catalog(SyncMode.FULL_REFRESH), SyncState.none()));

        assertThat(sink.logs(LogLevel.WARN)).containsExactly("The provider's answer for AAPL lacks 1 trading day"
                + " between 2024-06-28 and 2024-07-08: 2024-07-05");
    }

    // ---- the whole market --------------------------------------------------------------------------------------

    private void market(int symbols) {
        IntStream.range(0, symbols).mapToObj(i -> new Symbol("S" + (char) ('A' + i / 26) + (char) ('A' + i % 26)))
                .forEach(symbol -> provider.with(symbol, bars(symbol, TRADING_DAYS)));
    }

    private static SyncSettings wholeMarket(LocalDate from, LocalDate to, int lookbackDays) {
        return SyncSettings.wholeMarket(from, to, lookbackDays, true);
    }

    @Test
    void the_whole_market_asks_each_trading_day_once_and_emits_every_symbol_of_it_in_order() {
        market(30);

        boolean complete = read(wholeMarket(START, END, 0), SyncMode.FULL_REFRESH, StreamState.empty());

        assertThat(complete).isTrue();
        assertThat(provider.daysAsked()).containsExactlyElementsOf(TRADING_DAYS);
        assertThat(provider.requests()).isEmpty();
        assertThat(records()).hasSize(30 * TRADING_DAYS.size());
        assertThat(records().subList(0, 30)).extracting(DailyBar::symbol)
                .isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
        assertThat(sink.eventsOf(RecordingReport.EstimateEvent.class))
                .containsExactly(new RecordingReport.EstimateEvent(STREAM, 30L * TRADING_DAYS.size()));
        assertThat(sink.states()).hasSize(TRADING_DAYS.size());
        assertThat(sink.lastState().state()).isEqualTo(StreamState.forEverySymbol(END));
        assertThat(sink.lastState().state().cursors()).as("one cursor, however many symbols").isEmpty();
    }

    @Test
    void a_whole_market_incremental_starts_the_trading_day_after_its_cursor() {
        market(3);

        read(wholeMarket(START, END, 0), SyncMode.INCREMENTAL, StreamState.forEverySymbol(day("2024-07-03")));

        assertThat(provider.daysAsked()).containsExactly(day("2024-07-05"), END);
    }

    @Test
    void a_whole_market_read_stopped_anywhere_resumes_from_its_last_state_without_gap_or_repeat() {
        market(30);
        read(new ReadCommand(wholeMarket(START, END, 0), catalog(SyncMode.INCREMENTAL), SyncState.none()), 7);
        List<DailyBar> uninterrupted = records();
        List<StateEvent> states = sink.states();
        assertThat(states.get(0).state()).isEqualTo(StreamState.forEverySymbolThrough(START, new Symbol("SAG")));

        for (int cut = 0; cut < states.size(); cut += 3) {
            // The records emitted up to the STATE, then a new read from that STATE.
            int emittedBefore = states.subList(0, cut + 1).stream().mapToInt(s -> (int) s.recordCount()).sum();
            RecordingReport resumed = new RecordingReport();
            FakePriceProvider again = new FakePriceProvider("massive").answeringMarketDays(false, 5);
            IntStream.range(0, 30).mapToObj(i -> new Symbol("S" + (char) ('A' + i / 26) + (char) ('A' + i % 26)))
                    .forEach(symbol -> again.with(symbol, bars(symbol, TRADING_DAYS)));
            Reads.service(again, resumed, 7, 0).read(new ReadCommand(wholeMarket(START, END, 0),
                    catalog(SyncMode.INCREMENTAL), new SyncState(Map.of(STREAM, states.get(cut).state()))));

            List<DailyBar> joined = new ArrayList<>(uninterrupted.subList(0, emittedBefore));
            resumed.records().forEach(record -> joined.add(record.bar()));
            assertThat(joined).as("resumed from STATE %d", cut).isEqualTo(uninterrupted);
        }
    }

    @Test
    void a_trading_day_answered_empty_is_told_and_the_cursor_does_not_pass_it() {
        market(3);

        read(wholeMarket(START, day("2024-07-09"), 0), SyncMode.INCREMENTAL, StreamState.empty());

        assertThat(provider.daysAsked()).endsWith(day("2024-07-09"));
        assertThat(sink.lastState().state()).isEqualTo(StreamState.forEverySymbol(END));
        assertThat(sink.logs(LogLevel.WARN)).singleElement().asString()
                .startsWith("The provider answered no records at all for 1 trading day: 2024-07-09");
    }

    @Test
    void a_stop_in_the_whole_market_checkpoints_exactly_what_was_emitted_and_emits_nothing_after() {
        market(3);
        StopSignal stop = new StopSignal();
        provider.runningOnDay(day("2024-07-01"), stop::request);

        boolean complete = read(new ReadCommand(wholeMarket(START, END, 0), catalog(SyncMode.INCREMENTAL),
                SyncState.none(), stop), ReadService.DEFAULT_CHECKPOINT_INTERVAL);

        assertThat(complete).isFalse();
        assertThat(records()).extracting(DailyBar::date).containsOnly(START).hasSize(3);
        assertThat(sink.lastState().state()).isEqualTo(StreamState.forEverySymbol(START));
        List<String> kinds = sink.kinds();
        assertThat(kinds.subList(kinds.indexOf("INCOMPLETE") + 1, kinds.size())).containsOnly("ERROR");
        assertThat(provider.daysAsked()).containsExactly(START, day("2024-07-01"));
    }

    @Test
    void a_provider_that_answers_one_symbol_per_request_cannot_read_the_whole_market() {
        FakePriceProvider tiingo = new FakePriceProvider("tiingo");

        assertThatThrownBy(() -> Reads.service(tiingo, sink, 10, 0).read(new ReadCommand(
                wholeMarket(START, END, 0), catalog(SyncMode.FULL_REFRESH), SyncState.none())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tiingo").hasMessageContaining("whole market");
        assertThat(sink.events()).isEmpty();
    }

    @Test
    void the_per_symbol_cursors_of_an_earlier_read_give_way_to_the_whole_markets_one() {
        market(2);

        read(wholeMarket(END, END, 0), SyncMode.INCREMENTAL,
                StreamState.of(List.of(new SymbolCursor(AAPL, day("2024-07-05")))));

        assertThat(sink.logs(LogLevel.INFO)).contains("Dropped the stock_prices cursors of 1 symbol: the whole"
                + " market is read from one cursor for every symbol");
        assertThat(sink.lastState().state()).isEqualTo(StreamState.forEverySymbol(END));
    }
}
