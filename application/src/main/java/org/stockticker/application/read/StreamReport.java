package org.stockticker.application.read;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.stockticker.application.port.in.ReadStoppedException;
import org.stockticker.application.port.out.ReadReportPort;
import org.stockticker.application.port.out.ReadReportPort.StreamStatus;
import org.stockticker.domain.StreamDefinition;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.Symbol;

/**
 * What one stream reports as it is read: its statuses, its records, and its checkpoints, one whenever asked (after
 * each partition) and one every {@code interval} records, each covering exactly the records emitted before it.
 *
 * <p>Everything happens under one lock, so that a stop asked for by another thread ({@link #stop}) checkpoints
 * exactly what was emitted, ends the stream INCOMPLETE, and lets nothing more of the stream through afterwards.
 */
final class StreamReport<R> {

    /** How long a stop waits for the record being written; past it, the process ends without that checkpoint. */
    private static final long STOP_WAIT_SECONDS = 2;

    private final StreamDefinition<R> stream;
    private final String provider;
    private final ReadReportPort report;
    private final int interval;
    private final ReentrantLock lock = new ReentrantLock();
    private final boolean everySymbolCursor;
    private volatile StreamState state;
    private long sinceCheckpoint;
    // The days of the records since the last checkpoint that are not yet in the state, by symbol: folded in at the
    // checkpoint, rather than a new state per record. A whole-market read keeps the last record's symbol and day.
    private final Map<Symbol, LocalDate> pending = new HashMap<>();
    private Symbol lastSymbol;
    private LocalDate lastDay;
    private boolean running;
    private boolean ended;

    /**
     * The report of {@code stream}, from {@code initial}; with {@code everySymbolCursor}, the state is one cursor for
     * every symbol, as a whole-market read keeps it, rather than one per symbol.
     */
    StreamReport(StreamDefinition<R> stream, StreamState initial, boolean everySymbolCursor, String provider,
            ReadReportPort report, int interval) {
        this.stream = stream;
        this.everySymbolCursor = everySymbolCursor;
        this.state = initial;
        this.provider = provider;
        this.report = report;
        this.interval = interval;
    }

    StreamState state() {
        return state;
    }

    void started() {
        locked(() -> report.status(stream.name(), StreamStatus.STARTED));
    }

    /** The records the stream expects to emit, before its first. */
    void estimate(long estimatedRows) {
        locked(() -> {
            if (!ended) {
                report.estimate(stream.name(), estimatedRows);
            }
        });
    }

    /**
     * Emits {@code record} of {@code symbol} on {@code day} (null for a stream without a cursor), after the stream's
     * RUNNING status before its first.
     *
     * @throws ReadStoppedException when the stream was stopped
     */
    void record(Symbol symbol, LocalDate day, R record) {
        lock.lock();
        try {
            if (ended) {
                throw new ReadStoppedException();
            }
            if (!running) {
                report.status(stream.name(), StreamStatus.RUNNING);
                running = true;
            }
            report.record(stream, record, provider);
            if (day == null) {
                // A stream without a cursor: nothing to resume from.
            } else if (everySymbolCursor) {
                lastSymbol = symbol;
                lastDay = day;
            } else {
                pending.put(symbol, day);
            }
            if (++sinceCheckpoint >= interval) {
                checkpointLocked();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The stream waits for its provider's rate limit until {@code until}; from any thread (reads ahead report too),
     * and never after the stream's last status.
     */
    void rateLimited(Instant until) {
        locked(() -> {
            if (!ended) {
                report.rateLimited(stream.name(), until);
            }
        });
    }

    /**
     * A STATE covering every record emitted so far, with every symbol read through {@code day}: a whole-market
     * read's checkpoint after a day, whether or not the day had records.
     */
    void checkpointDay(LocalDate day) {
        locked(() -> {
            if (!ended) {
                lastSymbol = null;
                state = state.everySymbolReadThrough(day);
                checkpointLocked();
            }
        });
    }

    /** A STATE covering every record emitted so far. */
    void checkpoint() {
        locked(() -> {
            if (!ended) {
                checkpointLocked();
            }
        });
    }

    void complete() {
        locked(() -> {
            if (!ended) {
                ended = true;
                report.status(stream.name(), StreamStatus.COMPLETE);
            }
        });
    }

    /** Checkpoints what was emitted and ends the stream INCOMPLETE, unless it has ended already. */
    void incomplete() {
        locked(this::endIncomplete);
    }

    /**
     * From another thread: checkpoints what was emitted and ends the stream INCOMPLETE, after the record being
     * written, if any; every later call of the reading thread reports nothing more. Answers whether this ended it.
     */
    boolean stop() {
        try {
            if (lock.tryLock(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                try {
                    return endIncomplete();
                } finally {
                    lock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private boolean endIncomplete() {
        if (ended) {
            return false;
        }
        checkpointLocked();
        report.status(stream.name(), StreamStatus.INCOMPLETE);
        ended = true;
        return true;
    }

    private void checkpointLocked() {
        if (lastSymbol != null) {
            state = state.everySymbolReadThrough(lastDay, lastSymbol);
            lastSymbol = null;
        }
        if (!pending.isEmpty()) {
            state = state.advanceAll(pending);
            pending.clear();
        }
        report.checkpoint(stream.name(), state, sinceCheckpoint);
        sinceCheckpoint = 0;
    }

    private void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }
}
