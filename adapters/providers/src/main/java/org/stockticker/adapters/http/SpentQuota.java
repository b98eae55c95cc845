package org.stockticker.adapters.http;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A provider's answer that its quota is spent, as a provider's decoder recognises it, thrown from inside the call:
 * the {@link RequestBudget} of the client, which keeps the time, decides whether to wait for the reset or to give
 * up with the application's {@link org.stockticker.application.port.out.QuotaSpentException}. The reset is the
 * start of the next clock hour or day in UTC, a moment the provider named, or not known.
 */
public final class SpentQuota extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String budget;
    private final ChronoUnit window;
    private final Duration wait;

    private SpentQuota(String budget, ChronoUnit window, Duration wait) {
        super(budget, null, false, false);
        this.budget = budget;
        this.window = window;
        this.wait = wait;
    }

    /** {@code budget} (a phrase such as "its hourly request allocation") resets when the next clock hour in UTC starts. */
    public static SpentQuota untilTheNextHour(String budget) {
        return new SpentQuota(budget, ChronoUnit.HOURS, null);
    }

    /** {@code budget} resets at the next midnight UTC. */
    public static SpentQuota untilTheNextDay(String budget) {
        return new SpentQuota(budget, ChronoUnit.DAYS, null);
    }

    /** {@code budget} resets after {@code wait}, counted from the moment the answer came. */
    public static SpentQuota after(Duration wait, String budget) {
        return new SpentQuota(budget, null, wait);
    }

    /** {@code budget} resets at a moment the provider does not tell. */
    public static SpentQuota withoutReset(String budget) {
        return new SpentQuota(budget, null, null);
    }

    /** What is spent, as a message names it. */
    public String budget() {
        return budget;
    }

    /** When the quota resets, for an answer that came at {@code now}; empty when that is not known. */
    public Optional<Instant> resetAfter(Instant now) {
        if (window != null) {
            return Optional.of(now.truncatedTo(window).plus(1, window));
        }
        if (wait != null) {
            Instant reset = now.plus(wait);
            // A whole second, rounded up: the reset is shown to people, and asking early would only be refused.
            return Optional.of(reset.getNano() == 0 ? reset : reset.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
        }
        return Optional.empty();
    }
}
