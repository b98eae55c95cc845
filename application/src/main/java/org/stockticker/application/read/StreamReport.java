package org.stockticker.application.read;

import java.time.Instant;
import java.time.LocalDate;
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
    private volatile StreamState state;
    private long sinceCheckpoint;
    // The symbol whose records since the last checkpoint are not yet in the state: folded in at the checkpoint,
    // rather than a new state per record.
    private Symbol pending;
    private LocalDate pendingTo;
    private boolean running;
    private boolean ended;

    StreamReport(StreamDefinition<R> stream, StreamState initial, String provider, ReadReportPort report,
            int interval) {
        this.stream = stream;
        this.state = initial;
        this.provider = provider;
        this.report = report;
        this.interval = interval;
    }

    StreamState state() {
        return state;
    }

    void started(long estimatedRows) {
        locked(() -> {
            report.status(stream.name(), StreamStatus.STARTED);
            report.estimate(stream.name(), estimatedRows);
        });
    }

    /**
     * Emits {@code record} of {@code symbol} on {@code day}, after the stream's RUNNING status before its first.
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
            pending = symbol;
            pendingTo = day;
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
        if (pending != null) {
            state = state.advance(pending, pendingTo);
            pending = null;
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
