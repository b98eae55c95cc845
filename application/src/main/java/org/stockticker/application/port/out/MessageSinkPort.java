package org.stockticker.application.port.out;

import java.time.Instant;
import org.stockticker.domain.Catalog;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.StreamState;

/** Where the connector's answers go: one call per message, in order. */
public interface MessageSinkPort {

    /** The connector's specification: the schema a configuration must match. */
    void spec();

    void connectionStatus(boolean succeeded, String message);

    void catalog(Catalog catalog);

    void record(String stream, DailyBar bar, String provider);

    /** A checkpoint: {@code state} covers every record emitted so far; {@code recordCount} came since the last. */
    void state(String stream, StreamState state, long recordCount);

    void streamStatus(String stream, StreamStatus status);

    /** The stream is still running, but waits for the provider's rate limit until {@code until}. */
    void rateLimited(String stream, Instant until);

    void estimate(String stream, long rows);

    void log(LogLevel level, String message);

    /** A failure the platform should show; {@code cause} details go to the internal fields, never the message. */
    void error(FailureType type, String message, Throwable cause);

    /** The life cycle of a stream within one read. */
    enum StreamStatus { STARTED, RUNNING, COMPLETE, INCOMPLETE }

    enum LogLevel { DEBUG, INFO, WARN, ERROR }

    /** Who can fix a failure: the user ({@code CONFIG}), time ({@code TRANSIENT}) or the maintainers. */
    enum FailureType { CONFIG, TRANSIENT, SYSTEM }
}
