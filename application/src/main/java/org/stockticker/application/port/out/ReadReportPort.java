package org.stockticker.application.port.out;

import java.time.Instant;
import org.stockticker.domain.StreamDefinition;
import org.stockticker.domain.StreamState;

/** Where a read reports as it goes: its records, its checkpoints and its progress, one call at a time, in order. */
public interface ReadReportPort {

    /** One record of {@code stream}, read from {@code provider}. */
    <R> void record(StreamDefinition<R> stream, R record, String provider);

    /** A checkpoint: {@code state} covers every record emitted so far; {@code recordCount} came since the last. */
    void checkpoint(String stream, StreamState state, long recordCount);

    void status(String stream, StreamStatus status);

    /** The stream is still running, but waits for the provider's rate limit until {@code until}. */
    void rateLimited(String stream, Instant until);

    /** About how many records {@code stream} will emit in this read. */
    void estimate(String stream, long rows);

    void log(LogLevel level, String message);

    /** The life cycle of a stream within one read. */
    enum StreamStatus { STARTED, RUNNING, COMPLETE, INCOMPLETE }

    enum LogLevel { DEBUG, INFO, WARN, ERROR }
}
