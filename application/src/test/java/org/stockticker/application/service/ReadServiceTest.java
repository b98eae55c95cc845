package org.stockticker.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.in.ReadStoppedException;
import org.stockticker.application.port.in.ReadUseCase.ReadCommand;
import org.stockticker.application.port.in.StopSignal;
import org.stockticker.application.port.in.UnknownTickersException;
import org.stockticker.application.port.out.BrokenAnswerException;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.ReadReportPort.LogLevel;
import org.stockticker.application.port.out.ReadReportPort.StreamStatus;
import org.stockticker.application.port.out.RejectedCredentialsException;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.application.port.out.UnreadableSymbolException;
import org.stockticker.application.read.PriceSource;
import org.stockticker.application.read.ReadableStream;
import org.stockticker.application.service.FakePriceProvider.Request;
import org.stockticker.application.service.RecordingReport.Event;
import org.stockticker.application.service.RecordingReport.RateLimitedEvent;
import org.stockticker.application.service.RecordingReport.RecordEvent;
import org.stockticker.application.service.RecordingReport.StateEvent;
import org.stockticker.domain.ConfiguredCatalog;
import org.stockticker.domain.ConfiguredStream;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Partitioning;
import org.stockticker.domain.StockPrices;
import org.stockticker.domain.StreamDefinition;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.SymbolCursor;
import org.stockticker.domain.SyncMode;
import org.stockticker.domain.SyncSettings;
import org.stockticker.domain.SyncState;

class ReadServiceTest {

    static final String STREAM = "stock_prices";
    static final Symbol AAPL = new Symbol("AAPL");
    static final Symbol MSFT = new Symbol("MSFT");
    static final Symbol IBM = new Symbol("IBM");
    static final Symbol BAD = new Symbol("NOPE");
    static final LocalDate START = LocalDate.of(2024, 3, 1);
    // A Thursday: the day after, 2024-03-29, was Good Friday, on which the market was closed.
    static final LocalDate END = LocalDate.of(2024, 3, 28);

    final FakePriceProvider provider = new FakePriceProvider("fake");
    final RecordingReport sink = new RecordingReport();

    // ---- helpers -----------------------------------------------------------------------------------------------

    static LocalDate march(int day) {
        return LocalDate.of(2024, 3, day);
    }

    static DailyBar bar(Symbol symbol, LocalDate date) {
        return new DailyBar(symbol, date, null, null, null, new BigDecimal("100.00"), 1_000L, null);
    }

    private static DailyBar adjusted(Symbol symbol, int marchDay, String close, String adjustedClose) {
        return new DailyBar(symbol, march(marchDay), null, null, null, new BigDecimal(close), 1_000L,
                new BigDecimal(adjustedClose));
    }

    static DailyBar[] bars(Symbol symbol, int... marchDays) {
        return Arrays.stream(marchDays).mapToObj(day -> bar(symbol, march(day))).toArray(DailyBar[]::new);
    }

    private static SyncSettings settings(int lookbackDays, Symbol... tickers) {
        return new SyncSettings(List.of(tickers), START, END, lookbackDays);
    }

    static ConfiguredCatalog catalog(SyncMode mode) {
        return new ConfiguredCatalog(List.of(new ConfiguredStream(STREAM, mode)));
    }

    private static StreamState cursors(SymbolCursor... cursors) {
        return StreamState.of(List.of(cursors));
    }

    /** Symbols read ahead: none here, so that each request can be told in order; see ReadAheadReadServiceTest. */
    int readAhead() {
        return 0;
    }

    /** The requests the provider received, in the order they were sent. */
    List<Request> requests() {
        return provider.requests();
    }

    /** The requests up to the last one for {@code symbol}, in the order of {@link #requests()}. */
    List<Request> requestsUpTo(Symbol symbol) {
        List<Request> all = requests();
        int last = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).symbol().equals(symbol)) {
                last = i + 1;
            }
        }
        return all.subList(0, last);
    }

    /** After a read that ended with {@code symbol}: one symbol after the other, so nothing after it was asked for. */
    void assertNothingAskedAfter(Symbol symbol) {
        assertThat(requests()).isEqualTo(requestsUpTo(symbol));
    }

    boolean fullRefresh(Symbol... tickers) {
        return read(ReadService.DEFAULT_CHECKPOINT_INTERVAL,
                new ReadCommand(settings(0, tickers), catalog(SyncMode.FULL_REFRESH), SyncState.none()));
    }

    boolean incremental(StreamState state, int lookbackDays, Symbol... tickers) {
        return read(ReadService.DEFAULT_CHECKPOINT_INTERVAL,
                new ReadCommand(settings(lookbackDays, tickers), catalog(SyncMode.INCREMENTAL), prices(state)));
    }

    /** Reads as the connector does, and records how each stream ended after its last message. */
    boolean read(int checkpointInterval, ReadCommand command) {
        return sink.ended(Reads.service(provider, sink, checkpointInterval, readAhead()).read(command)).complete();
    }

    static SyncState prices(StreamState state) {
        return new SyncState(Map.of(STREAM, state));
    }

    List<LocalDate> recordDates(Symbol symbol) {
        return sink.records().stream().map(RecordEvent::bar).filter(b -> b.symbol().equals(symbol))
                .map(DailyBar::date).toList();
    }

    /**
     * Replays the events as the platform would: each STATE must carry, for every symbol read so far, the date of
     * that symbol's last record before it, and no other cursor; and its record count must be the records since
     * the previous STATE. Holds when the read started from an empty state.
     */
    void assertEveryStateCoversExactlyTheRecordsBeforeIt() {
        Map<Symbol, LocalDate> lastDates = new TreeMap<>();
        long sinceState = 0;
        for (Event event : sink.events()) {
            if (event instanceof RecordEvent record) {
                lastDates.put(record.bar().symbol(), record.bar().date());
                sinceState++;
            } else if (event instanceof StateEvent state) {
                List<SymbolCursor> expected = lastDates.entrySet().stream()
                        .map(e -> new SymbolCursor(e.getKey(), e.getValue())).toList();
                assertThat(state.state().cursors()).as("cursors of %s", state).isEqualTo(expected);
                assertThat(state.recordCount()).as("recordCount of %s", state).isEqualTo(sinceState);
                sinceState = 0;
            }
        }
        assertThat(sinceState).as("records emitted after the last STATE").isZero();
    }

    // ---- full refresh --------------------------------------------------------------------------------------------

    @Test
    void full_refresh_reads_start_date_to_end_date_for_each_symbol_in_order() {
        provider.with(AAPL, bars(AAPL, 1, 4)).with(MSFT, bars(MSFT, 1));

        boolean complete = fullRefresh(AAPL, MSFT);

        assertThat(complete).isTrue();
        assertThat(requests()).containsExactly(
                new Request(AAPL, new DateWindow(START, END)), new Request(MSFT, new DateWindow(START, END)));
    }

    @Test
    void full_refresh_emits_started_estimate_running_records_a_state_per_symbol_and_complete() {
        provider.with(AAPL, bars(AAPL, 1, 4)).with(MSFT, bars(MSFT, 1, 4, 5));

        fullRefresh(AAPL, MSFT);

        assertThat(sink.kinds()).containsExactly(
                "STARTED", "ESTIMATE", "RUNNING",
                "RECORD", "RECORD", "STATE",
                "RECORD", "RECORD", "RECORD", "STATE",
                "COMPLETE");
        assertThat(sink.errors()).isEmpty();
    }

    @Test
    void each_state_counts_the_records_since_the_previous_state() {
        provider.with(AAPL, bars(AAPL, 1, 4)).with(MSFT, bars(MSFT, 1, 4, 5));

        fullRefresh(AAPL, MSFT);

        assertThat(sink.states()).extracting(StateEvent::recordCount).containsExactly(2L, 3L);
        assertEveryStateCoversExactlyTheRecordsBeforeIt();
    }

    @Test
    void records_carry_the_stream_and_the_provider_name_and_the_bar_unchanged() {
        DailyBar exact = new DailyBar(AAPL, march(28), new BigDecimal("171.7500"), new BigDecimal("172.2300"),
                new BigDecimal("170.5100"), new BigDecimal("181.9900"), 65_672_690L, new BigDecimal("171.48"));
        provider.with(AAPL, exact);

        fullRefresh(AAPL);

        assertThat(sink.records()).containsExactly(new RecordEvent(STREAM, exact, "fake"));
        assertThat(sink.records().get(0).bar().close().toPlainString()).isEqualTo("181.9900");
    }

    @Test
    void the_estimate_comes_before_the_first_record_and_counts_the_trading_days_of_each_window() {
        provider.with(AAPL, bars(AAPL, 1));

        fullRefresh(AAPL, MSFT);

        // 2 symbols x 20 trading days from Friday 2024-03-01 to Thursday 2024-03-28
        assertThat(sink.eventsOf(RecordingReport.EstimateEvent.class))
                .containsExactly(new RecordingReport.EstimateEvent(STREAM, 40));
        assertThat(sink.kinds().indexOf("ESTIMATE")).isLessThan(sink.kinds().indexOf("RECORD"));
    }

    @Test
    void running_is_emitted_once_just_before_the_first_record() {
        provider.with(AAPL, bars(AAPL, 1, 4)).with(MSFT, bars(MSFT, 1));

        fullRefresh(AAPL, MSFT);

        List<String> kinds = sink.kinds();
        assertThat(sink.statuses()).filteredOn(s -> s == StreamStatus.RUNNING).hasSize(1);
        assertThat(kinds.get(kinds.indexOf("RUNNING") + 1)).isEqualTo("RECORD");
        assertThat(kinds.indexOf("RUNNING")).isLessThan(kinds.indexOf("RECORD"));
    }

    @Test
    void full_refresh_ignores_the_input_state() {
        provider.with(AAPL, bars(AAPL, 1, 4));
        StreamState saved = cursors(new SymbolCursor(AAPL, march(20)), new SymbolCursor(MSFT, march(25)));

        read(ReadService.DEFAULT_CHECKPOINT_INTERVAL, new ReadCommand(settings(0, AAPL), catalog(SyncMode.FULL_REFRESH), prices(saved)));

        assertThat(requests()).containsExactly(new Request(AAPL, new DateWindow(START, END)));
        assertThat(recordDates(AAPL)).containsExactly(march(1), march(4));
        assertThat(sink.lastState().state().cursors()).containsExactly(new SymbolCursor(AAPL, march(4)));
    }

    @Test
    void full_refresh_ignores_an_every_symbol_state() {
        provider.with(AAPL, bars(AAPL, 1));

        read(ReadService.DEFAULT_CHECKPOINT_INTERVAL, new ReadCommand(settings(0, AAPL),
                catalog(SyncMode.FULL_REFRESH), prices(StreamState.forEverySymbol(march(20)))));

        assertThat(requests()).containsExactly(new Request(AAPL, new DateWindow(START, END)));
        assertThat(sink.lastState().state().cursor(AAPL)).contains(march(1));
    }

    @Test
    void a_symbol_without_records_still_gets_a_state() {
        provider.with(AAPL, bars(AAPL, 1));

        boolean complete = fullRefresh(AAPL, MSFT);

        assertThat(complete).isTrue();
        assertThat(sink.states()).hasSize(2);
        assertThat(sink.states().get(1).recordCount()).isZero();
        assertThat(sink.lastState().state().cursors()).containsExactly(new SymbolCursor(AAPL, march(1)));
        assertThat(sink.statuses()).endsWith(StreamStatus.COMPLETE);
    }

    // ---- incremental ---------------------------------------------------------------------------------------------

    @Test
    void incremental_emits_from_the_day_after_each_cursor_asking_for_the_cursors_own_day_to_compare() {
        provider.with(AAPL, bars(AAPL, 8, 11, 12)).with(MSFT, bars(MSFT, 15));
        StreamState saved = cursors(new SymbolCursor(AAPL, march(8)), new SymbolCursor(MSFT, march(14)));

        boolean complete = incremental(saved, 0, AAPL, MSFT);

        assertThat(complete).isTrue();
        assertThat(requests()).containsExactly(
                new Request(AAPL, new DateWindow(march(8), END)), new Request(MSFT, new DateWindow(march(14), END)));
        assertThat(recordDates(AAPL)).containsExactly(march(11), march(12));
        assertThat(sink.lastState().state().cursors())
                .containsExactly(new SymbolCursor(AAPL, march(12)), new SymbolCursor(MSFT, march(15)));
    }

    @Test
    void a_dividend_after_the_cursor_re_reads_the_whole_history_and_keeps_the_cursor_moving_forward() {
        // At the last sync the cursor's bar had ratio 0.99; a dividend since has made the provider restate it.
        provider.with(AAPL, adjusted(AAPL, 4, "100.00", "98.02"), adjusted(AAPL, 8, "100.00", "98.02"),
                adjusted(AAPL, 11, "101.00", "101.00"), adjusted(AAPL, 12, "102.00", "102.00"));
        StreamState saved = cursors(new SymbolCursor(AAPL, march(8)));

        boolean complete = incremental(saved, 0, AAPL);

        assertThat(complete).isTrue();
        assertThat(requests()).containsExactly(
                new Request(AAPL, new DateWindow(march(8), END)), new Request(AAPL, new DateWindow(START, END)));
        assertThat(recordDates(AAPL)).containsExactly(march(11), march(12), march(4), march(8), march(11), march(12));
        assertThat(sink.logs(LogLevel.INFO)).anySatisfy(log -> assertThat(log)
                .contains("AAPL", "changed since 2024-03-08", "whole history"));
        assertThat(sink.lastState().state().cursor(AAPL)).contains(march(12));
        assertEveryStateCoversExactlyTheRecordsBeforeIt();
    }

    @Test
    void unchanged_adjusted_closes_within_rounding_need_no_re_read() {
        provider.with(AAPL, adjusted(AAPL, 8, "100.00", "99.00"), adjusted(AAPL, 11, "97.13", "96.16"));
        StreamState saved = cursors(new SymbolCursor(AAPL, march(8)));

        incremental(saved, 0, AAPL);

        assertThat(requests()).hasSize(1);
        assertThat(recordDates(AAPL)).containsExactly(march(11));
    }

    @Test
    void re_reading_on_adjustment_can_be_turned_off() {
        provider.with(AAPL, adjusted(AAPL, 8, "100.00", "98.02"), adjusted(AAPL, 11, "101.00", "101.00"));
        SyncSettings settings = new SyncSettings(List.of(AAPL), START, END, 0, false);

        read(ReadService.DEFAULT_CHECKPOINT_INTERVAL, new ReadCommand(settings, catalog(SyncMode.INCREMENTAL),
                prices(cursors(new SymbolCursor(AAPL, march(8))))));

        // From the day after the cursor, a Saturday, to the first trading day: Monday the 11th.
        assertThat(requests()).containsExactly(new Request(AAPL, new DateWindow(march(11), END)));
        assertThat(recordDates(AAPL)).containsExactly(march(11));
    }

    @Test
    void incremental_reads_a_symbol_without_cursor_from_start_date() {
        StreamState saved = cursors(new SymbolCursor(AAPL, march(8)));

        incremental(saved, 0, AAPL, MSFT);

        assertThat(requests()).containsExactly(
                new Request(AAPL, new DateWindow(march(8), END)), new Request(MSFT, new DateWindow(START, END)));
    }

    @Test
    void incremental_re_reads_lookback_days_before_the_cursor() {
        StreamState saved = cursors(new SymbolCursor(AAPL, march(10)));

        incremental(saved, 3, AAPL);

        assertThat(requests()).containsExactly(new Request(AAPL, new DateWindow(march(8), END)));
    }

    @Test
    void lookback_never_reaches_before_start_date() {
        StreamState saved = cursors(new SymbolCursor(AAPL, march(3)));

        incremental(saved, 30, AAPL);

        assertThat(requests()).containsExactly(new Request(AAPL, new DateWindow(START, END)));
    }

    @Test
    void a_cursor_before_start_date_reads_from_start_date() {
        StreamState saved = cursors(new SymbolCursor(AAPL, LocalDate.of(2023, 12, 29)));

        incremental(saved, 0, AAPL);

        assertThat(requests()).containsExactly(new Request(AAPL, new DateWindow(START, END)));
    }

    @Test
    void a_cursor_at_end_date_makes_no_request_and_still_emits_a_state() {
        provider.with(AAPL, bars(AAPL, 29));
        StreamState saved = cursors(new SymbolCursor(AAPL, END));

        boolean complete = incremental(saved, 0, AAPL);

        assertThat(complete).isTrue();
        assertThat(requests()).isEmpty();
        assertThat(sink.records()).isEmpty();
        assertThat(sink.states()).containsExactly(new StateEvent(STREAM, saved, 0));
        assertThat(sink.statuses()).containsExactly(StreamStatus.STARTED, StreamStatus.COMPLETE);
    }

    @Test
    void a_cursor_after_end_date_makes_no_request_and_keeps_the_cursor() {
        StreamState saved = cursors(new SymbolCursor(AAPL, LocalDate.of(2024, 6, 30)));

        boolean complete = incremental(saved, 5, AAPL);

        assertThat(complete).isTrue();
        assertThat(requests()).isEmpty();
        assertThat(sink.records()).isEmpty();
        assertThat(sink.lastState().state().cursor(AAPL)).contains(LocalDate.of(2024, 6, 30));
        assertThat(sink.lastState().recordCount()).isZero();
    }

    @Test
    void an_up_to_date_symbol_does_not_keep_the_others_from_being_read() {
        provider.with(MSFT, bars(MSFT, 4));
        StreamState saved = cursors(new SymbolCursor(AAPL, END));

        incremental(saved, 0, AAPL, MSFT);

        assertThat(requests()).containsExactly(new Request(MSFT, new DateWindow(START, END)));
        assertThat(sink.states()).hasSize(2);
        assertThat(sink.lastState().state().cursors())
                .containsExactly(new SymbolCursor(AAPL, END), new SymbolCursor(MSFT, march(4)));
    }

    @Test
    void an_every_symbol_state_applies_to_every_symbol() {
        provider.with(AAPL, bars(AAPL, 11)).with(MSFT, bars(MSFT, 12));

        incremental(StreamState.forEverySymbol(march(10)), 0, AAPL, MSFT);

        assertThat(requests()).containsExactly(
                new Request(AAPL, new DateWindow(march(10), END)), new Request(MSFT, new DateWindow(march(10), END)));
    }

    @Test
    void an_every_symbol_state_is_written_back_with_one_cursor_per_symbol() {
        provider.with(AAPL, bars(AAPL, 11));

        incremental(StreamState.forEverySymbol(march(10)), 0, AAPL, MSFT);

        // the first STATE already carries MSFT's cursor, although MSFT has not been read yet: none is lost
        assertThat(sink.states()).allSatisfy(state -> {
            assertThat(state.state().everySymbolCursor()).isEmpty();
            assertThat(state.state().cursors()).extracting(SymbolCursor::symbol).containsExactly(AAPL, MSFT);
        });
        assertThat(sink.states().get(0).state().cursors())
                .containsExactly(new SymbolCursor(AAPL, march(11)), new SymbolCursor(MSFT, march(10)));
        assertThat(sink.lastState().state().cursors())
                .containsExactly(new SymbolCursor(AAPL, march(11)), new SymbolCursor(MSFT, march(10)));
    }

    @Test
    void the_cursor_never_moves_back_when_lookback_re_reads_older_days() {
        provider.with(AAPL, bars(AAPL, 6, 7, 8));
        StreamState saved = cursors(new SymbolCursor(AAPL, march(10)));

        incremental(saved, 5, AAPL);

        assertThat(requests()).containsExactly(new Request(AAPL, new DateWindow(march(6), END)));
        assertThat(recordDates(AAPL)).containsExactly(march(6), march(7), march(8));
        assertThat(sink.states()).isNotEmpty().allSatisfy(state ->
                assertThat(state.state().cursor(AAPL)).contains(march(10)));
    }

    @Test
    void the_cursor_moves_past_its_saved_date_once_lookback_reaches_newer_days() {
        provider.with(AAPL, bars(AAPL, 8, 9, 11, 12));
        StreamState saved = cursors(new SymbolCursor(AAPL, march(10)));

        incremental(saved, 3, AAPL);

        assertThat(recordDates(AAPL)).containsExactly(march(8), march(9), march(11), march(12));
        assertThat(sink.lastState().state().cursor(AAPL)).contains(march(12));
    }

    // ---- checkpoints ---------------------------------------------------------------------------------------------

    @Test
    void checkpoints_every_interval_records_within_one_symbol() {
        provider.with(AAPL, bars(AAPL, 1, 4, 5, 6, 7, 8, 11)).with(MSFT, bars(MSFT, 1, 4));

        read(3, new ReadCommand(settings(0, AAPL, MSFT), catalog(SyncMode.FULL_REFRESH), SyncState.none()));

        assertThat(sink.kinds()).containsExactly(
                "STARTED", "ESTIMATE", "RUNNING",
                "RECORD", "RECORD", "RECORD", "STATE",
                "RECORD", "RECORD", "RECORD", "STATE",
                "RECORD", "STATE",
                "RECORD", "RECORD", "STATE",
                "COMPLETE");
        assertThat(sink.states()).extracting(StateEvent::recordCount).containsExactly(3L, 3L, 1L, 2L);
        assertThat(sink.states().get(0).state().cursors()).containsExactly(new SymbolCursor(AAPL, march(5)));
        assertEveryStateCoversExactlyTheRecordsBeforeIt();
    }

    @Test
    void checkpoints_count_records_across_symbols() {
        provider.with(AAPL, bars(AAPL, 1, 4)).with(MSFT, bars(MSFT, 1, 4, 5, 6));

        read(3, new ReadCommand(settings(0, AAPL, MSFT), catalog(SyncMode.FULL_REFRESH), SyncState.none()));

        assertThat(sink.states()).allSatisfy(state -> assertThat(state.recordCount()).isLessThanOrEqualTo(3));
        assertEveryStateCoversExactlyTheRecordsBeforeIt();
    }

    @Test
    void refuses_a_checkpoint_interval_below_one() {
        assertThatThrownBy(() -> Reads.service(provider, sink, 0, readAhead()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checkpointInterval");
    }

    // ---- what the provider sends ---------------------------------------------------------------------------------

    @Test
    void puts_bars_out_of_order_in_order_and_keeps_the_first_of_a_repeated_day_with_one_warning() {
        provider.with(AAPL, bars(AAPL, 1, 5, 4, 5, 6));

        boolean complete = fullRefresh(AAPL);

        assertThat(complete).isTrue();
        assertThat(recordDates(AAPL)).containsExactly(march(1), march(4), march(5), march(6));
        assertThat(sink.logs(LogLevel.WARN)).singleElement().asString()
                .contains("AAPL", "out of date order", "1 repeated day", "2024-03-05");
        assertThat(sink.lastState().state().cursor(AAPL)).contains(march(6));
        assertEveryStateCoversExactlyTheRecordsBeforeIt();
    }

    @Test
    void a_newest_first_answer_loses_no_bar() {
        provider.with(AAPL, bars(AAPL, 8, 7, 6, 5, 4, 1));

        fullRefresh(AAPL);

        assertThat(recordDates(AAPL)).containsExactly(march(1), march(4), march(5), march(6), march(7), march(8));
        assertThat(sink.lastState().state().cursor(AAPL)).contains(march(8));
    }

    @Test
    void many_repeated_bars_give_one_warning_with_their_count() {
        DailyBar[] repeated = new DailyBar[2_001];
        Arrays.fill(repeated, bar(AAPL, march(4)));
        repeated[0] = bar(AAPL, march(5));
        provider.with(AAPL, repeated);

        fullRefresh(AAPL);

        assertThat(recordDates(AAPL)).containsExactly(march(4), march(5));
        assertThat(sink.logs(LogLevel.WARN)).singleElement().asString().contains("1999 repeated days");
    }

    @Test
    void a_newest_first_answer_that_breaks_off_is_read_again_whole_and_loses_no_bar() {
        provider.with(AAPL, bars(AAPL, 8, 7, 6, 5, 4, 1))
                .failingOnceAfter(AAPL, 3, new BrokenAnswerException("the answer broke off"));

        boolean complete = fullRefresh(AAPL);

        assertThat(complete).isTrue();
        assertThat(recordDates(AAPL)).containsExactly(march(1), march(4), march(5), march(6), march(7), march(8));
        assertThat(requests()).extracting(r -> r.window().from()).containsExactly(START, START);
    }

    @Test
    void a_newest_first_answer_that_keeps_failing_emits_none_of_its_bars_so_the_next_read_skips_none() {
        provider.with(AAPL, bars(AAPL, 1)).with(MSFT, bars(MSFT, 8, 7, 6, 5))
                .failingAfter(MSFT, 2, new ProviderUnavailableException("HTTP 503 after 5 attempts", null));

        boolean complete = fullRefresh(AAPL, MSFT);

        assertThat(complete).isFalse();
        assertThat(recordDates(MSFT)).isEmpty();
        assertThat(sink.lastState().state().cursor(MSFT)).isEmpty();
        assertEveryStateCoversExactlyTheRecordsBeforeIt();
    }

    @Test
    void drops_bars_outside_the_window() {
        provider.sendingBarsOutsideTheWindow().with(AAPL,
                bar(AAPL, LocalDate.of(2024, 2, 29)), bar(AAPL, march(4)), bar(AAPL, END), bar(AAPL, END.plusDays(3)));

        fullRefresh(AAPL);

        assertThat(recordDates(AAPL)).containsExactly(march(4), END);
        assertThat(sink.lastState().state().cursor(AAPL)).contains(END);
    }

    @Test
    void closes_the_providers_stream_after_each_symbol() {
        provider.with(AAPL, bars(AAPL, 1)).with(MSFT, bars(MSFT, 1));

        fullRefresh(AAPL, MSFT);

        assertThat(requests()).hasSize(2);
        assertThat(provider.openStreams()).isZero();
    }

    // ---- failures ------------------------------------------------------------------------------------------------

    @Test
    void an_unknown_symbol_does_not_stop_the_others() {
        provider.with(AAPL, bars(AAPL, 1, 4)).with(MSFT, bars(MSFT, 5))
                .failing(BAD, new UnknownSymbolException(BAD, "fake"));

        boolean complete = fullRefresh(AAPL, BAD, MSFT);

        assertThat(complete).isFalse();
        assertThat(requests()).extracting(Request::symbol).containsExactly(AAPL, BAD, MSFT);
        assertThat(recordDates(AAPL)).containsExactly(march(1), march(4));
        assertThat(recordDates(MSFT)).containsExactly(march(5));
        assertThat(sink.lastState().state().cursors())
                .containsExactly(new SymbolCursor(AAPL, march(4)), new SymbolCursor(MSFT, march(5)));
        assertEveryStateCoversExactlyTheRecordsBeforeIt();
        assertThat(sink.statuses()).endsWith(StreamStatus.INCOMPLETE).doesNotContain(StreamStatus.COMPLETE);
        assertThat(sink.errors()).singleElement().satisfies(error -> {
            assertThat(error.cause()).isInstanceOf(UnknownTickersException.class);
            assertThat(error.message()).contains("NOPE").contains("tickers").doesNotContain("AAPL", "MSFT");
        });
        assertThat(sink.kinds()).last().isEqualTo("ERROR");
    }

    @Test
    void a_symbol_the_provider_cannot_serve_as_it_is_fails_alone_and_is_named_with_its_reason() {
        provider.with(AAPL, bars(AAPL, 1)).with(MSFT, bars(MSFT, 4))
                .failing(BAD, new UnreadableSymbolException("NOPE.csv is a symbolic link leading outside the directory"));

        boolean complete = fullRefresh(AAPL, BAD, MSFT);

        assertThat(complete).isFalse();
        assertThat(recordDates(AAPL)).containsExactly(march(1));
        assertThat(recordDates(MSFT)).containsExactly(march(4));
        assertThat(sink.errors()).singleElement().satisfies(error -> {
            assertThat(error.cause()).isInstanceOf(UnknownTickersException.class);
            assertThat(error.message()).contains("Ticker NOPE cannot be read from provider fake",
                    "symbolic link leading outside");
        });
    }

    @Test
    void several_unknown_symbols_are_named_in_one_error() {
        Symbol worse = new Symbol("WORSE");
        provider.failing(BAD, new UnknownSymbolException(BAD, "fake"))
                .failing(worse, new UnknownSymbolException(worse, "fake"));

        boolean complete = fullRefresh(BAD, AAPL, worse);

        assertThat(complete).isFalse();
        assertThat(requests()).hasSize(3);
        assertThat(sink.errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("NOPE, WORSE"));
    }

    @Test
    void rejected_credentials_checkpoint_what_was_emitted_and_stop_with_a_config_error() {
        provider.with(AAPL, bars(AAPL, 1, 4))
                .failing(MSFT, new RejectedCredentialsException("Provider fake rejected the API key"));

        boolean complete = fullRefresh(AAPL, MSFT, IBM);

        assertThat(complete).isFalse();
        assertThat(requestsUpTo(MSFT)).extracting(Request::symbol).containsExactly(AAPL, MSFT);
        assertNothingAskedAfter(MSFT);
        assertThat(provider.openStreams()).isZero();
        assertThat(sink.lastState().state().cursors()).containsExactly(new SymbolCursor(AAPL, march(4)));
        assertEveryStateCoversExactlyTheRecordsBeforeIt();
        assertThat(sink.statuses()).endsWith(StreamStatus.INCOMPLETE).doesNotContain(StreamStatus.COMPLETE);
        assertThat(sink.errors()).singleElement().satisfies(error -> {
            assertThat(error.cause()).isInstanceOf(RejectedCredentialsException.class);
            assertThat(error.symbol()).isEqualTo(MSFT);
            assertThat(error.message()).isEqualTo("Provider fake rejected the API key");
        });
    }

    @Test
    void an_answer_that_keeps_breaking_off_is_read_three_times_then_fails_transiently_checkpointed() {
        BrokenAnswerException outage = new BrokenAnswerException("the answer broke off");
        provider.with(AAPL, bars(AAPL, 1, 4)).with(MSFT, bars(MSFT, 1, 4, 5, 6, 7, 8)).failingAfter(MSFT, 2, outage);

        boolean complete = fullRefresh(AAPL, MSFT, IBM);

        assertThat(complete).isFalse();
        // Each of the three reads of MSFT starts after the last bar emitted, and breaks off after two more.
        assertThat(recordDates(MSFT)).containsExactly(march(1), march(4), march(5), march(6), march(7), march(8));
        assertThat(requestsUpTo(MSFT)).extracting(r -> r.symbol() + " " + r.window().from())
                .containsExactly("AAPL 2024-03-01", "MSFT 2024-03-01", "MSFT 2024-03-05", "MSFT 2024-03-07");
        assertNothingAskedAfter(MSFT);
        StateEvent last = sink.lastState();
        assertThat(last.state().cursors())
                .containsExactly(new SymbolCursor(AAPL, march(4)), new SymbolCursor(MSFT, march(8)));
        assertThat(last.recordCount()).isEqualTo(6);
        assertEveryStateCoversExactlyTheRecordsBeforeIt();
        assertThat(provider.openStreams()).isZero();
        assertThat(sink.kinds()).endsWith("STATE", "INCOMPLETE", "ERROR");
        assertThat(sink.errors()).singleElement().satisfies(error -> {
            assertThat(error.symbol()).isEqualTo(MSFT);
            assertThat(error.message()).contains("the answer broke off");
            assertThat(error.cause()).isSameAs(outage);
        });
    }

    @Test
    void a_request_that_kept_failing_is_not_asked_again_and_everything_emitted_is_checkpointed() {
        ProviderUnavailableException outage = new ProviderUnavailableException("HTTP 503 after 5 attempts", null);
        provider.with(AAPL, bars(AAPL, 1, 4)).with(MSFT, bars(MSFT, 1, 4, 5)).failingAfter(MSFT, 2, outage);

        boolean complete = fullRefresh(AAPL, MSFT, IBM);

        assertThat(complete).isFalse();
        assertThat(recordDates(MSFT)).containsExactly(march(1), march(4));
        assertThat(requestsUpTo(MSFT)).extracting(Request::symbol).containsExactly(AAPL, MSFT);
        assertNothingAskedAfter(MSFT);
        assertThat(provider.openStreams()).isZero();
        assertThat(sink.lastState().state().cursors())
                .containsExactly(new SymbolCursor(AAPL, march(4)), new SymbolCursor(MSFT, march(4)));
        assertEveryStateCoversExactlyTheRecordsBeforeIt();
        assertThat(sink.kinds()).endsWith("STATE", "INCOMPLETE", "ERROR");
        assertThat(sink.errors()).singleElement().satisfies(error -> {
            assertThat(error.symbol()).isEqualTo(MSFT);
            assertThat(error.cause()).isSameAs(outage);
            assertThat(error.message()).contains("HTTP 503 after 5 attempts");
        });
    }

    @Test
    void an_answer_that_breaks_off_once_is_read_again_from_the_day_after_the_last_bar_emitted() {
        BrokenAnswerException cut = new BrokenAnswerException("the answer broke off");
        provider.with(MSFT, bars(MSFT, 1, 4, 5, 6)).failingOnceAfter(MSFT, 2, cut);

        boolean complete = fullRefresh(MSFT);

        assertThat(complete).isTrue();
        assertThat(recordDates(MSFT)).containsExactly(march(1), march(4), march(5), march(6));
        assertThat(requests()).extracting(r -> r.window().from()).containsExactly(march(1), march(5));
        assertThat(sink.logs(LogLevel.WARN)).anySatisfy(log -> assertThat(log)
                .contains("MSFT", "the answer broke off", "from 2024-03-05", "attempt 2 of 3"));
        assertThat(sink.errors()).isEmpty();
        assertEveryStateCoversExactlyTheRecordsBeforeIt();
    }

    @Test
    void a_provider_waiting_for_its_rate_limit_is_reported_on_the_stream() {
        Instant until = Instant.parse("2024-03-29T12:00:00Z");
        provider.with(AAPL, bars(AAPL, 1)).rateLimitedReading(AAPL, until);

        fullRefresh(AAPL);

        assertThat(sink.events()).contains(new RateLimitedEvent(STREAM, until));
    }

    @Test
    void an_unexpected_exception_stops_the_stream_checkpointed_with_its_cause() {
        IllegalStateException bug = new IllegalStateException("boom");
        provider.with(AAPL, bars(AAPL, 1)).failingAfter(MSFT, 0, bug);

        boolean complete = fullRefresh(AAPL, MSFT);

        assertThat(complete).isFalse();
        assertThat(sink.lastState().state().cursors()).containsExactly(new SymbolCursor(AAPL, march(1)));
        assertThat(sink.statuses()).endsWith(StreamStatus.INCOMPLETE).doesNotContain(StreamStatus.COMPLETE);
        assertThat(sink.errors()).singleElement().satisfies(error -> {
            assertThat(error.symbol()).isEqualTo(MSFT);
            assertThat(error.cause()).isSameAs(bug);
        });
    }

    @Test
    void a_rate_limit_heard_after_the_stream_ended_is_not_reported() {
        provider.with(AAPL, bars(AAPL, 1));

        fullRefresh(AAPL);
        provider.reportRateLimit(Instant.parse("2024-03-29T12:00:00Z"));

        assertThat(sink.kinds()).last().isEqualTo("COMPLETE");
        assertThat(sink.eventsOf(RateLimitedEvent.class)).isEmpty();
    }

    @Test
    void an_error_of_the_jvm_ends_the_stream_checkpointed_with_it_as_the_cause() {
        OutOfMemoryError exhausted = new OutOfMemoryError("test");
        provider.with(AAPL, bars(AAPL, 1)).with(MSFT, bars(MSFT, 1, 4)).runningAfter(MSFT, 1, () -> {
            throw exhausted;
        });

        boolean complete = fullRefresh(AAPL, MSFT);

        assertThat(complete).isFalse();
        assertThat(sink.lastState().state().cursors()).containsExactly(new SymbolCursor(AAPL, march(1)));
        assertThat(sink.statuses()).endsWith(StreamStatus.INCOMPLETE);
        assertThat(sink.errors()).singleElement().satisfies(error -> assertThat(error.cause()).isSameAs(exhausted));
    }

    // ---- a stop asked for by another thread ----------------------------------------------------------------------

    @Test
    void a_stop_checkpoints_exactly_what_was_emitted_ends_the_stream_incomplete_and_emits_nothing_after() {
        StopSignal stop = new StopSignal();
        provider.with(AAPL, bars(AAPL, 1, 4)).with(MSFT, bars(MSFT, 1, 4, 5)).with(IBM, bars(IBM, 1))
                .runningAfter(MSFT, 2, stop::request);

        boolean complete = read(ReadService.DEFAULT_CHECKPOINT_INTERVAL, new ReadCommand(
                settings(0, AAPL, MSFT, IBM), catalog(SyncMode.FULL_REFRESH), SyncState.none(), stop));

        assertThat(complete).isFalse();
        List<String> kinds = sink.kinds();
        assertThat(kinds.subList(kinds.indexOf("INCOMPLETE") + 1, kinds.size())).containsOnly("ERROR");
        assertThat(sink.statuses()).endsWith(StreamStatus.INCOMPLETE).doesNotContain(StreamStatus.COMPLETE);
        assertThat(recordDates(IBM)).isEmpty();
        assertThat(recordDates(MSFT)).isEmpty();
        assertEveryStateCoversExactlyTheRecordsBeforeIt();
        assertThat(sink.errors()).singleElement()
                .satisfies(error -> assertThat(error.cause()).isInstanceOf(ReadStoppedException.class));
    }

    @Test
    void a_stop_before_a_stream_starts_reads_nothing() {
        StopSignal stop = new StopSignal();
        stop.request();
        provider.with(AAPL, bars(AAPL, 1));

        boolean complete = read(ReadService.DEFAULT_CHECKPOINT_INTERVAL, new ReadCommand(
                settings(0, AAPL), catalog(SyncMode.FULL_REFRESH), SyncState.none(), stop));

        assertThat(complete).isTrue();
        assertThat(sink.records()).isEmpty();
        assertThat(requests()).isEmpty();
    }

    // ---- state of symbols no longer configured -------------------------------------------------------------------

    @Test
    void the_cursors_of_symbols_no_longer_configured_are_dropped_with_a_log() {
        provider.with(AAPL, bars(AAPL, 11));

        incremental(cursors(new SymbolCursor(AAPL, march(8)), new SymbolCursor(new Symbol("GONE"), march(1)),
                new SymbolCursor(new Symbol("OLD"), march(2))), 0, AAPL);

        assertThat(sink.states()).allSatisfy(state ->
                assertThat(state.state().cursors()).extracting(SymbolCursor::symbol).containsOnly(AAPL));
        assertThat(sink.logs(LogLevel.INFO)).anySatisfy(log -> assertThat(log).contains("2 symbols no longer"));
    }

    // ---- the configured catalog ----------------------------------------------------------------------------------

    @Test
    void an_unknown_stream_is_a_config_error_before_any_other_message() {
        provider.with(AAPL, bars(AAPL, 1));
        ConfiguredCatalog catalog = new ConfiguredCatalog(List.of(
                new ConfiguredStream(STREAM, SyncMode.FULL_REFRESH),
                new ConfiguredStream("stock_quotes", SyncMode.FULL_REFRESH)));

        assertThatThrownBy(() -> read(ReadService.DEFAULT_CHECKPOINT_INTERVAL,
                new ReadCommand(settings(0, AAPL), catalog, SyncState.none())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("stock_quotes");

        assertThat(requests()).isEmpty();
        assertThat(sink.events()).isEmpty();
    }

    @Test
    void an_empty_catalog_reads_nothing_and_succeeds() {
        boolean complete = read(ReadService.DEFAULT_CHECKPOINT_INTERVAL, new ReadCommand(settings(0, AAPL), new ConfiguredCatalog(List.of()), SyncState.none()));

        assertThat(complete).isTrue();
        assertThat(requests()).isEmpty();
        assertThat(sink.errors()).isEmpty();
        assertThat(sink.records()).isEmpty();
        assertThat(sink.states()).isEmpty();
    }

    @Test
    void the_records_of_one_symbol_come_in_ascending_date_order() {
        provider.with(AAPL, bars(AAPL, 1, 4, 5, 6, 7, 8));

        fullRefresh(AAPL);

        List<LocalDate> dates = new ArrayList<>(recordDates(AAPL));
        assertThat(dates).hasSize(6).isSorted().doesNotHaveDuplicates();
    }
}
