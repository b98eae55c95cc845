package org.stockticker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.stockticker.application.port.in.ReadUseCase.ReadCommand;
import org.stockticker.application.port.out.BrokenAnswerException;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.ReadReportPort.StreamStatus;
import org.stockticker.application.read.ReadAheadSource;
import org.stockticker.application.service.FakePriceProvider.Request;
import org.stockticker.application.service.RecordingReport.Event;
import org.stockticker.application.service.RecordingReport.RecordEvent;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.SyncMode;
import org.stockticker.domain.SyncSettings;
import org.stockticker.domain.SyncState;

/**
 * Every rule of {@link ReadServiceTest}, with three symbols read ahead of the one being written. Only which
 * requests were sent may differ: a symbol after the one that failed may have been asked for already. The messages
 * are the same, in the same order.
 */
class ReadAheadReadServiceTest extends ReadServiceTest {

    private List<Symbol> dueOrder = List.of();

    @Override
    int readAhead() {
        return 3;
    }

    /**
     * The requests grouped by symbol, each symbol's in the order they were sent, the symbols in the order their first
     * requests were due: the order of one symbol after the other. Read ahead, symbols are asked for at once.
     */
    @Override
    List<Request> requests() {
        List<Request> sent = provider.requests();
        List<Symbol> due = sent.stream().map(Request::symbol).distinct()
                .sorted(Comparator.comparingInt(symbol -> dueOrder.indexOf(symbol))).toList();
        return due.stream().flatMap(symbol -> sent.stream().filter(r -> r.symbol().equals(symbol))).toList();
    }

    @Override
    boolean fullRefresh(Symbol... tickers) {
        dueOrder = List.of(tickers);
        return super.fullRefresh(tickers);
    }

    @Override
    boolean incremental(StreamState state, int lookbackDays, Symbol... tickers) {
        dueOrder = List.of(tickers);
        return super.incremental(state, lookbackDays, tickers);
    }

    @RepeatedTest(20)
    void many_symbols_give_the_same_messages_in_the_same_order_as_one_after_the_other() {
        Symbol[] tickers = IntStream.rangeClosed(1, 12).mapToObj(i -> new Symbol("S" + i)).toArray(Symbol[]::new);
        for (Symbol ticker : tickers) {
            provider.with(ticker, bars(ticker, IntStream.rangeClosed(1, 29).toArray()));
        }
        provider.failingOnceAfter(tickers[4], 7, new BrokenAnswerException("the answer broke off"));
        FakePriceProvider sequentialProvider = new FakePriceProvider("fake");
        for (Symbol ticker : tickers) {
            sequentialProvider.with(ticker, bars(ticker, IntStream.rangeClosed(1, 29).toArray()));
        }
        sequentialProvider.failingOnceAfter(tickers[4], 7, new BrokenAnswerException("the answer broke off"));
        RecordingReport sequential = new RecordingReport();
        sequential.ended(Reads.service(sequentialProvider, sequential, 10, 0).read(fullRefreshCommand(tickers)));

        read(10, fullRefreshCommand(tickers));

        assertThat(sink.events()).hasSize(sequential.events().size());
        assertThat(withoutCauses(sink.events())).isEqualTo(withoutCauses(sequential.events()));
        assertEveryStateCoversExactlyTheRecordsBeforeIt();
        assertThat(provider.openStreams()).isZero();
    }

    @Test
    void bars_are_handed_over_in_order_across_chunk_boundaries() {
        Symbol longer = new Symbol("LONG");
        int days = ReadAheadSource.CHUNK * (ReadAheadSource.BUFFERED_CHUNKS + 3) + 17;
        List<DailyBar> history = IntStream.range(0, days)
                .mapToObj(day -> bar(longer, END.minusDays(days - 1).plusDays(day))).toList();
        provider.with(longer, history.toArray(DailyBar[]::new));

        read(1_000, new ReadCommand(
                new SyncSettings(List.of(longer), history.get(0).date(), END, 0), catalog(SyncMode.FULL_REFRESH),
                SyncState.none()));

        assertThat(sink.records()).extracting(RecordEvent::bar).containsExactlyElementsOf(history);
    }

    @Test
    void a_rate_limit_a_thread_reading_ahead_meets_after_the_stream_ended_incomplete_is_not_reported() {
        Instant until = Instant.parse("2024-03-29T12:00:00Z");
        CountDownLatch ibmAsked = new CountDownLatch(1);
        AtomicBoolean told = new AtomicBoolean();
        provider.with(AAPL, bars(AAPL, 1)).with(IBM, bars(IBM, 1, 4))
                .onRequest(MSFT, () -> await(ibmAsked))
                .failing(MSFT, new ProviderUnavailableException("provider fake kept failing", null))
                .onRequest(IBM, () -> {
                    ibmAsked.countDown();
                    // The thread reading IBM ahead waits for its turn in the provider's budget until the stream ends.
                    awaitStatus(StreamStatus.INCOMPLETE);
                    provider.reportRateLimit(until);
                    told.set(true);
                });

        boolean complete = fullRefresh(AAPL, MSFT, IBM);

        assertThat(complete).isFalse();
        assertThat(told).as("the rate limit was told after the stream ended").isTrue();
        assertThat(sink.eventsOf(RecordingReport.RateLimitedEvent.class)).isEmpty();
        assertThat(sink.statuses()).last().isEqualTo(StreamStatus.INCOMPLETE);
        assertThat(sink.kinds()).last().isEqualTo("ERROR");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(4, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitStatus(StreamStatus status) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        while (!sink.statuses().contains(status) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** Symbols after the one a read ended with may have been read ahead: each once at most, no more than the depth. */
    @Override
    void assertNothingAskedAfter(Symbol symbol) {
        List<Request> after = requests().subList(requestsUpTo(symbol).size(), requests().size());
        assertThat(after).extracting(Request::symbol).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(readAhead());
    }

    private static ReadCommand fullRefreshCommand(Symbol... tickers) {
        return new ReadCommand(new SyncSettings(List.of(tickers), START, END, 0), catalog(SyncMode.FULL_REFRESH),
                SyncState.none());
    }

    /** The events, with each failure's cause left out: the same exception class is enough. */
    private static List<String> withoutCauses(List<Event> events) {
        return events.stream().map(event -> event instanceof RecordingReport.ErrorEvent error
                ? error.cause().getClass() + " " + error.symbol() + " " + error.message() : event.toString()).toList();
    }
}
