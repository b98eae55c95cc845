package org.stockticker.application.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.stockticker.application.port.in.ReadOutcome.ReadFailure;
import org.stockticker.application.port.in.ReadOutcome.StreamOutcome;
import org.stockticker.application.port.in.ReadStoppedException;
import org.stockticker.application.port.in.StopSignal;
import org.stockticker.application.port.in.UnknownTickersException;
import org.stockticker.application.port.out.ReadReportPort;
import org.stockticker.application.port.out.ReadReportPort.LogLevel;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.application.port.out.UnreadableSymbolException;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.StreamDefinition;
import org.stockticker.domain.StreamField;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.SyncSettings;

/**
 * The read of one stream partitioned by symbol: each symbol's window from its cursor and {@code lookback_days},
 * cursors that never move back, a checkpoint after every symbol, the stream's status and estimate, a re-read of a
 * symbol's whole history when the stream's {@link RereadRule} says its records changed, and a clean end when the
 * read is stopped from another thread.
 */
public final class StreamRead<R> {

    /** Trading days in a calendar year, for the row estimate. */
    private static final double TRADING_DAYS_PER_DAY = 252.0 / 365.0;

    private final ReadableStream<R> stream;
    private final SyncSettings settings;
    private final boolean incremental;
    private final String provider;
    private final ReadReportPort report;
    private final StreamReport<R> progress;
    private final Function<R, LocalDate> dayOf;
    private final int dropped;

    /**
     * A read of {@code stream} for {@code settings}, from {@code state} when {@code incremental}, checkpointing at
     * least every {@code checkpointInterval} records. The cursors of symbols no longer configured are dropped.
     */
    public StreamRead(ReadableStream<R> stream, SyncSettings settings, boolean incremental, StreamState state,
            String provider, ReadReportPort report, int checkpointInterval) {
        this.stream = stream;
        this.settings = settings;
        this.incremental = incremental;
        this.provider = provider;
        this.report = report;
        StreamDefinition<R> definition = stream.definition();
        StreamField<R> cursor = definition.cursor();
        this.dayOf = record -> (LocalDate) cursor.valueOf(record, null);
        StreamState expanded = incremental ? state.expandedTo(settings.tickers()) : StreamState.empty();
        StreamState initial = expanded.retainOnly(settings.tickers());
        this.dropped = expanded.cursors().size() - initial.cursors().size();
        this.progress = new StreamReport<>(definition, initial, provider, report, checkpointInterval);
    }

    /**
     * Reads the stream: every symbol, or up to the failure that stopped it, after a checkpoint. When {@code stop} is
     * requested, the stream is checkpointed and ended at once, on the requesting thread.
     */
    public StreamOutcome run(StopSignal stop) {
        if (dropped > 0) {
            report.log(LogLevel.INFO, "Dropped the " + stream.name() + " cursors of " + dropped
                    + (dropped == 1 ? " symbol" : " symbols") + " no longer in tickers");
        }
        Map<Symbol, DateWindow> plan = plan();
        List<Partition> requests = new ArrayList<>();
        plan.forEach((symbol, window) -> requests.add(new Partition(symbol, requested(symbol, window))));
        List<Symbol> unknown = new ArrayList<>();
        Map<Symbol, String> unreadable = new LinkedHashMap<>();
        // Registered before the stream's first message, so that a stop at any point after it ends the stream.
        try (StopSignal.Registration onStop = stop.onRequest(progress::stop)) {
            progress.started(estimateRows(plan));
            stream.source().onRateLimited(progress::rateLimited);
            return read(plan, requests, unknown, unreadable, stop);
        }
    }

    private StreamOutcome read(Map<Symbol, DateWindow> plan, List<Partition> requests, List<Symbol> unknown,
            Map<Symbol, String> unreadable, StopSignal stop) {
        try (RecordSource.Batch<R> batch = stream.source().batch(requests)) {
            for (Symbol symbol : settings.tickers()) {
                if (stop.requested()) {
                    return fail(symbol, new ReadStoppedException());
                }
                DateWindow window = plan.get(symbol);
                if (window == null) {
                    report.log(LogLevel.INFO, symbol + " is up to date (cursor " + cursor(symbol).orElseThrow()
                            + ", end_date " + settings.endDate() + "): nothing to read");
                    progress.checkpoint();
                    continue;
                }
                try {
                    readSymbol(symbol, window, batch);
                } catch (UnknownSymbolException e) {
                    unknown.add(symbol);
                    report.log(LogLevel.WARN, e.getMessage() + "; reading the other tickers");
                } catch (UnreadableSymbolException e) {
                    unreadable.put(symbol, e.getMessage());
                    report.log(LogLevel.WARN, e.getMessage() + "; reading the other tickers");
                } catch (RuntimeException | Error e) {
                    return fail(symbol, e);
                }
                progress.checkpoint();
            }
        }
        if (!unknown.isEmpty() || !unreadable.isEmpty()) {
            return fail(null, new UnknownTickersException(unknown, unreadable, provider,
                    "; the other tickers were read"));
        }
        progress.complete();
        return StreamOutcome.complete(stream.name());
    }

    private Map<Symbol, DateWindow> plan() {
        Map<Symbol, DateWindow> plan = new LinkedHashMap<>();
        for (Symbol symbol : settings.tickers()) {
            windowOf(symbol).ifPresent(window -> plan.put(symbol, window));
        }
        return plan;
    }

    private Optional<LocalDate> cursor(Symbol symbol) {
        return incremental ? progress.state().cursor(symbol) : Optional.empty();
    }

    private Optional<DateWindow> windowOf(Symbol symbol) {
        Optional<LocalDate> cursor = cursor(symbol);
        if (cursor.isEmpty()) {
            return Optional.of(settings.window());
        }
        LocalDate from = cursor.get().plusDays(1).minusDays(settings.lookbackDays());
        if (from.isBefore(settings.startDate())) {
            from = settings.startDate();
        }
        return DateWindow.between(from, settings.endDate());
    }

    /** The days asked of the source for {@code window}: with the cursor's own day as the anchor of a re-read rule. */
    private DateWindow requested(Symbol symbol, DateWindow window) {
        Optional<LocalDate> cursor = cursor(symbol);
        return watchesForRereads() && cursor.isPresent()
                && cursor.get().isBefore(window.from()) && !cursor.get().isBefore(settings.startDate())
                ? new DateWindow(cursor.get(), window.to()) : window;
    }

    private boolean watchesForRereads() {
        return incremental && settings.rereadOnAdjustment() && stream.reread().isPresent();
    }

    /**
     * Reads {@code symbol} over {@code window}, and once more over the whole configured window when the stream's
     * re-read rule finds that records synced before have changed.
     */
    private void readSymbol(Symbol symbol, DateWindow window, RecordSource.Batch<R> batch) {
        Optional<LocalDate> cursor = cursor(symbol);
        Optional<RereadRule.Watch<R>> watch = watchesForRereads() && cursor.isPresent()
                ? stream.reread().map(rule -> rule.watch(cursor.get())) : Optional.empty();
        DateWindow requested = requested(symbol, window);
        emit(symbol, batch.read(new Partition(symbol, requested)), requested, window.from(), watch);
        if (watch.isPresent() && watch.get().changed()) {
            report.log(LogLevel.INFO, watch.get().reason() + ": reading its whole history again from "
                    + settings.startDate() + " so that the records synced before are corrected");
            emit(symbol, stream.source().read(new Partition(symbol, settings.window())), settings.window(),
                    settings.startDate(), Optional.empty());
        }
    }

    /**
     * Emits the records of {@code source} from {@code emitFrom} on, in date order. A source that fails part way
     * still has the records before the failure emitted, so that they are checkpointed, as long as they came in
     * order: then they are a prefix of the history, and the next read resumes after them without a gap.
     */
    private void emit(Symbol symbol, Stream<R> source, DateWindow window, LocalDate emitFrom,
            Optional<RereadRule.Watch<R>> watch) {
        CursorOrder<R> order = new CursorOrder<>(window, dayOf);
        try (Stream<R> records = source) {
            records.forEach(order::add);
        } catch (RuntimeException | Error e) {
            if (order.inOrder()) {
                try {
                    emit(symbol, order.ascending(symbol, this::warn), emitFrom, watch);
                } catch (RuntimeException | Error emitting) {
                    e.addSuppressed(emitting);
                }
            }
            throw e;
        }
        emit(symbol, order.ascending(symbol, this::warn), emitFrom, watch);
    }

    private void emit(Symbol symbol, List<R> records, LocalDate emitFrom, Optional<RereadRule.Watch<R>> watch) {
        for (R record : records) {
            watch.ifPresent(w -> w.saw(record));
            LocalDate day = dayOf.apply(record);
            if (!day.isBefore(emitFrom)) {
                progress.record(symbol, day, record);
            }
        }
    }

    private void warn(String warning) {
        report.log(LogLevel.WARN, warning);
    }

    private StreamOutcome fail(Symbol symbol, Throwable cause) {
        progress.incomplete();
        return new StreamOutcome(stream.name(), Optional.of(new ReadFailure(stream.name(), symbol, provider, cause)));
    }

    private long estimateRows(Map<Symbol, DateWindow> plan) {
        double days = plan.values().stream().mapToLong(DateWindow::days).sum();
        return Math.round(days * TRADING_DAYS_PER_DAY);
    }
}
