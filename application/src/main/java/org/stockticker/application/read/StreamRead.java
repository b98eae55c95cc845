package org.stockticker.application.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.stockticker.application.port.in.ReadOutcome.ReadFailure;
import org.stockticker.application.port.in.ReadOutcome.StreamOutcome;
import org.stockticker.application.port.in.UnknownTickersException;
import org.stockticker.application.port.out.ReadReportPort;
import org.stockticker.application.port.out.ReadReportPort.LogLevel;
import org.stockticker.application.port.out.ReadReportPort.StreamStatus;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.StreamDefinition;
import org.stockticker.domain.StreamField;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.SyncSettings;

/**
 * The read of one stream partitioned by symbol: each symbol's window from its cursor and {@code lookback_days},
 * cursors that never move back, a checkpoint after every symbol, the stream's status and estimate, and a re-read of
 * a symbol's whole history when the stream's {@link RereadRule} says its records changed.
 */
public final class StreamRead<R> {

    /** Trading days in a calendar year, for the row estimate. */
    private static final double TRADING_DAYS_PER_DAY = 252.0 / 365.0;

    private final ReadableStream<R> stream;
    private final StreamDefinition<R> definition;
    private final SyncSettings settings;
    private final boolean incremental;
    private final String provider;
    private final ReadReportPort report;
    private final Checkpoints checkpoints;
    private final Function<R, LocalDate> dayOf;
    private boolean running;

    /**
     * A read of {@code stream} for {@code settings}, from {@code state} when {@code incremental}, checkpointing at
     * least every {@code checkpointInterval} records.
     */
    public StreamRead(ReadableStream<R> stream, SyncSettings settings, boolean incremental, StreamState state,
            String provider, ReadReportPort report, int checkpointInterval) {
        this.stream = stream;
        this.definition = stream.definition();
        StreamField<R> cursor = definition.cursor();
        this.dayOf = record -> (LocalDate) cursor.valueOf(record, null);
        this.settings = settings;
        this.incremental = incremental;
        this.provider = provider;
        this.report = report;
        this.checkpoints = new Checkpoints(stream.name(), incremental ? state.expandedTo(settings.tickers())
                : StreamState.empty(), report, checkpointInterval);
    }

    /** Reads the stream: every symbol, or up to the failure that stopped it, after a checkpoint. */
    public StreamOutcome run() {
        Map<Symbol, DateWindow> plan = plan();
        report.status(stream.name(), StreamStatus.STARTED);
        report.estimate(stream.name(), estimateRows(plan));
        stream.source().onRateLimited(until -> report.rateLimited(stream.name(), until));
        List<Partition> requests = new ArrayList<>();
        plan.forEach((symbol, window) -> requests.add(new Partition(symbol, requested(symbol, window))));
        List<Symbol> unknown = new ArrayList<>();
        try (RecordSource.Batch<R> batch = stream.source().batch(requests)) {
            for (Symbol symbol : settings.tickers()) {
                DateWindow window = plan.get(symbol);
                if (window == null) {
                    report.log(LogLevel.INFO, symbol + " is up to date (cursor " + cursor(symbol).orElseThrow()
                            + ", end_date " + settings.endDate() + "): nothing to read");
                    checkpoints.checkpoint();
                    continue;
                }
                try {
                    readSymbol(symbol, window, batch);
                } catch (UnknownSymbolException e) {
                    unknown.add(symbol);
                    report.log(LogLevel.WARN, e.getMessage() + "; reading the other tickers");
                } catch (RuntimeException e) {
                    return fail(symbol, e);
                }
                checkpoints.checkpoint();
            }
        }
        if (!unknown.isEmpty()) {
            return fail(null, new UnknownTickersException(unknown, provider, "; the other tickers were read"));
        }
        report.status(stream.name(), StreamStatus.COMPLETE);
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
        return incremental ? checkpoints.state().cursor(symbol) : Optional.empty();
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

    private void emit(Symbol symbol, Stream<R> source, DateWindow window, LocalDate emitFrom,
            Optional<RereadRule.Watch<R>> watch) {
        try (Stream<R> records = CursorOrder.ascendingWithin(source, window, dayOf, r -> symbol,
                warning -> report.log(LogLevel.WARN, warning))) {
            Iterator<R> it = records.iterator();
            while (it.hasNext()) {
                R record = it.next();
                watch.ifPresent(w -> w.saw(record));
                LocalDate day = dayOf.apply(record);
                if (day.isBefore(emitFrom)) {
                    continue;
                }
                if (!running) {
                    report.status(stream.name(), StreamStatus.RUNNING);
                    running = true;
                }
                report.record(definition, record, provider);
                checkpoints.emitted(symbol, day);
            }
        }
    }

    private StreamOutcome fail(Symbol symbol, RuntimeException cause) {
        checkpoints.checkpoint();
        report.status(stream.name(), StreamStatus.INCOMPLETE);
        return new StreamOutcome(stream.name(), Optional.of(new ReadFailure(stream.name(), symbol, provider, cause)));
    }

    private long estimateRows(Map<Symbol, DateWindow> plan) {
        double days = plan.values().stream().mapToLong(DateWindow::days).sum();
        return Math.round(days * TRADING_DAYS_PER_DAY);
    }
}
