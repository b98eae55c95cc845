package org.stockticker.bootstrap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.stockticker.adapters.http.Sleeper;

/**
 * A clock that stands still until it is waited on, and then moves on by the wait at once: handed to the connector,
 * its request budgets wait on it ({@link Sleeper#of}), so a run meets hours and days of quota without sleeping.
 */
final class SteppingClock extends Clock implements Sleeper {

    private Instant now;
    private Duration waited = Duration.ZERO;

    SteppingClock(String now) {
        this.now = Instant.parse(now);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        waited = waited.plus(duration);
        now = now.plus(duration);
    }

    /** All the time waited on this clock. */
    synchronized Duration waited() {
        return waited;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock's time, in another zone: it moves on with this one. */
    @Override
    public Clock withZone(ZoneId zone) {
        SteppingClock time = this;
        return zone.equals(ZoneOffset.UTC) ? this : new Clock() {
            @Override
            public Instant instant() {
                return time.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return time.withZone(other);
            }
        };
    }
}
