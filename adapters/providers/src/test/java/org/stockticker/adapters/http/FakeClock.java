package org.stockticker.adapters.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that stands still until it is waited on, and then moves on by the wait at once: a request budget that
 * tells the time by it and waits with it ({@link Sleeper#of}) never sleeps.
 */
public final class FakeClock extends Clock implements Sleeper {

    private Instant now;
    private final List<Duration> waits = new ArrayList<>();

    public FakeClock(String now) {
        this.now = Instant.parse(now);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        waits.add(duration);
        now = now.plus(duration);
    }

    /** Moves the clock on without a wait, as time passes between two syncs. */
    public synchronized void set(String later) {
        now = Instant.parse(later);
    }

    /** Every wait so far, in order. */
    public synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }

    /** The waits longer than {@code threshold}: those of a budget, rather than of a fast pace. */
    public synchronized List<Duration> waitsLongerThan(Duration threshold) {
        return waits.stream().filter(wait -> wait.compareTo(threshold) > 0).toList();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock's time, in another zone: it moves on with this one. */
    @Override
    public Clock withZone(ZoneId zone) {
        FakeClock time = this;
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
