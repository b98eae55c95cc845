package org.stockticker.application.read;

import java.time.LocalDate;
import org.stockticker.application.port.out.ReadReportPort;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.Symbol;

/**
 * A stream's state as records are emitted, and its checkpoints: one whenever asked (after each partition) and one
 * every {@code interval} records, each covering exactly the records emitted before it.
 */
final class Checkpoints {

    private final String stream;
    private final ReadReportPort report;
    private final int interval;
    private StreamState state;
    private long sinceCheckpoint;
    // The symbol whose records since the last checkpoint are not yet in the state: folded in at the checkpoint,
    // rather than a new state per record.
    private Symbol pending;
    private LocalDate pendingTo;

    Checkpoints(String stream, StreamState initial, ReadReportPort report, int interval) {
        this.stream = stream;
        this.state = initial;
        this.report = report;
        this.interval = interval;
    }

    StreamState state() {
        return state;
    }

    /** A record of {@code symbol} on {@code day} was emitted. */
    void emitted(Symbol symbol, LocalDate day) {
        pending = symbol;
        pendingTo = day;
        if (++sinceCheckpoint >= interval) {
            checkpoint();
        }
    }

    /** A STATE covering every record emitted so far. */
    void checkpoint() {
        if (pending != null) {
            state = state.advance(pending, pendingTo);
            pending = null;
        }
        report.checkpoint(stream, state, sinceCheckpoint);
        sinceCheckpoint = 0;
    }
}
