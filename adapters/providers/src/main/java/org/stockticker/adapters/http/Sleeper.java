package org.stockticker.adapters.http;

import java.time.Clock;
import java.time.Duration;

/**
 * How a {@link RequestBudget} waits: by sleeping the thread, or, in a test, by moving a fake clock on, so that no test
 * waits for a real budget.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps the calling thread. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    /** Returns after {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * How to wait while {@code clock} tells the time: the clock's own way when it is also a sleeper (a test's clock
     * that moves on when waited on), else {@link #THREAD}. A clock and the way it is waited on belong together: the
     * budget measures its waits on the one and spends them with the other.
     */
    static Sleeper of(Clock clock) {
        return clock instanceof Sleeper own ? own : THREAD;
    }
}
