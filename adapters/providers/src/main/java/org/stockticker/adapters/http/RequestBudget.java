package org.stockticker.adapters.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.QuotaSpentException;
import org.stockticker.application.port.out.RateLimitListener;

/**
 * The requests one provider may still be sent, and the one place where a request waits for them: every request of
 * every client of the provider takes its turn here (see {@link ResilientFeign}).
 *
 * <p>Three budgets count: a pace of {@link Limits#perMinute()} requests a minute, one request per slot of 60/N
 * seconds so that no burst reaches the provider; and, where the provider's plans count them, at most
 * {@link Limits#perHour()} requests in each clock hour and {@link Limits#perDay()} in each day, both in UTC (a
 * request belongs to the hour and day in which it is sent). The counts are this budget's own, kept since it was
 * made: they know nothing of the requests of an earlier sync, which is why a provider's own answer that its quota is
 * spent ({@link #spent}) counts as much as they do.
 *
 * <p>Waits are never silent when they are long. A wait of up to {@value #SILENT_SECONDS} s passes without a word. A
 * longer one is told to the {@link RateLimitListener} with the moment it ends, and logged when it starts (INFO for
 * the pace, WARN for an hour's, a day's or the provider's quota) and again at least every
 * {@value #LOG_EVERY_MINUTES} minutes while it lasts. A wait for an hour's, a day's or the provider's quota that
 * would last longer than {@link Limits#maxWait()} is not waited: the request fails at once with a
 * {@link QuotaSpentException} that says when the quota resets. The pace is always waited for: its wait is at most
 * a slot for each request queued ahead.
 *
 * <p>Safe to use from several threads: each request reserves its moment under a lock, then waits for it outside.
 */
public final class RequestBudget {

    static final int SILENT_SECONDS = 1;
    static final int LOG_EVERY_MINUTES = 2;

    private static final Duration SILENT = Duration.ofSeconds(SILENT_SECONDS);
    private static final Duration LOG_EVERY = Duration.ofMinutes(LOG_EVERY_MINUTES);

    private static final Logger LOG = LoggerFactory.getLogger(RequestBudget.class);

    /**
     * How many requests a provider may be sent, and how long a request may wait for its turn.
     *
     * @param perMinute the pace: one request per slot of 60/{@code perMinute} seconds
     * @param perHour the most requests in one clock hour (UTC), where the provider counts them
     * @param perDay the most requests in one day (UTC), where the provider counts them
     * @param maxWait the longest wait for an hour's, a day's or the provider's quota; a longer one is not waited
     */
    public record Limits(int perMinute, OptionalInt perHour, OptionalInt perDay, Duration maxWait) {

        /** How long a request may wait for a quota unless told otherwise: a sync still ends within the hour. */
        public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(30);

        public Limits {
            Objects.requireNonNull(perHour, "perHour is required");
            Objects.requireNonNull(perDay, "perDay is required");
            Objects.requireNonNull(maxWait, "maxWait is required");
            if (perMinute < 1 || perHour.orElse(1) < 1 || perDay.orElse(1) < 1) {
                throw new IllegalArgumentException("a budget allows at least 1 request");
            }
            if (maxWait.isNegative()) {
                throw new IllegalArgumentException("maxWait " + maxWait + " is negative");
            }
        }

        /** A pace of {@code perMinute} requests a minute and no other budget. */
        public static Limits pace(int perMinute) {
            return new Limits(perMinute, OptionalInt.empty(), OptionalInt.empty(), DEFAULT_MAX_WAIT);
        }
    }

    private final String provider;
    private final Limits limits;
    private final Duration slot;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Logger log;

    // All guarded by this. Turns are reserved in order, so each count only ever needs its latest hour and day.
    private Instant nextSlot;
    private Instant hour;
    private int inHour;
    private Instant day;
    private int inDay;
    private Instant pausedUntil;
    private String pausedFor;
    private boolean spentForGood;

    /**
     * The budget of the provider named {@code provider}, which tells the time by {@code clock} and waits with
     * {@code sleeper}.
     */
    public RequestBudget(String provider, Limits limits, Clock clock, Sleeper sleeper) {
        this(provider, limits, clock, sleeper, LOG);
    }

    /** A budget that logs its waits to {@code log}, so that they can be checked. */
    RequestBudget(String provider, Limits limits, Clock clock, Sleeper sleeper, Logger log) {
        this.provider = Objects.requireNonNull(provider, "provider is required");
        this.limits = Objects.requireNonNull(limits, "limits are required");
        this.slot = Duration.ofNanos(Duration.ofMinutes(1).toNanos() / limits.perMinute());
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper is required");
        this.log = log;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Waits until the budget allows one more request, and counts it. Tells {@code listener} of a wait longer than a
     * second, and until when.
     *
     * @throws QuotaSpentException when the request could only be sent after more than the longest wait allowed, or
     *     after a quota whose reset the provider did not tell
     * @throws ProviderUnavailableException when the thread is interrupted while it waits
     */
    public void acquire(RateLimitListener listener) {
        Turn turn = reserve();
        Duration wait = Duration.between(turn.now(), turn.at());
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            if (wait.compareTo(SILENT) <= 0) {
                sleeper.sleep(wait);
                return;
            }
            listener.rateLimited(turn.at());
            tell("Waiting {} for provider {}: {}, until {}", turn, wait);
            Duration left = wait;
            while (left.compareTo(LOG_EVERY) > 0) {
                sleeper.sleep(LOG_EVERY);
                left = left.minus(LOG_EVERY);
                tell("Still waiting {} for provider {}: {}, until {}", turn, left);
            }
            sleeper.sleep(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("provider " + provider + ": the wait for " + turn.reason()
                    + " was interrupted", null);
        }
    }

    /**
     * The provider answered that a quota of it is spent. When it resets within the longest wait allowed and
     * {@code mayWait}, the next requests wait for the reset, and this returns: the caller may ask again. Otherwise no
     * further request is sent before the reset (or at all, when the provider does not tell it).
     *
     * @param mayWait false when the request already waited for a reset once and the provider still says so
     * @throws QuotaSpentException when the reset is not known, further away than the longest wait allowed, or not
     *     to be waited for
     */
    public synchronized void spent(SpentQuota answer, boolean mayWait) {
        Instant now = clock.instant();
        Optional<Instant> reset = answer.resetAfter(now);
        if (reset.isEmpty()) {
            spentForGood = true;
            pausedFor = answer.budget();
            throw new QuotaSpentException(provider, answer.budget(), Optional.empty());
        }
        if (pausedUntil == null || reset.get().isAfter(pausedUntil)) {
            pausedUntil = reset.get();
            pausedFor = answer.budget();
        }
        if (!mayWait || Duration.between(now, reset.get()).compareTo(limits.maxWait()) > 0) {
            throw new QuotaSpentException(provider, answer.budget(), reset);
        }
    }

    /** The moment of the next request, counted; or the refusal when that is too far away. */
    private synchronized Turn reserve() {
        Instant now = clock.instant();
        if (spentForGood) {
            throw new QuotaSpentException(provider, pausedFor, Optional.empty());
        }
        Instant at = nextSlot == null || nextSlot.isBefore(now) ? now : nextSlot;
        String reason = "its pace of " + count(limits.perMinute(), "a minute");
        boolean quota = false;
        if (pausedUntil != null && pausedUntil.isAfter(at)) {
            at = pausedUntil;
            reason = pausedFor;
            quota = true;
        }
        if (limits.perHour().isPresent() && isFull(at, ChronoUnit.HOURS, hour, inHour, limits.perHour().getAsInt())) {
            at = at.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
            reason = "its budget of " + count(limits.perHour().getAsInt(), "an hour");
            quota = true;
        }
        if (limits.perDay().isPresent() && isFull(at, ChronoUnit.DAYS, day, inDay, limits.perDay().getAsInt())) {
            at = at.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
            reason = "its budget of " + count(limits.perDay().getAsInt(), "a day");
            quota = true;
        }
        if (quota && Duration.between(now, at).compareTo(limits.maxWait()) > 0) {
            throw new QuotaSpentException(provider, reason, Optional.of(at));
        }
        nextSlot = at.plus(slot);
        Instant atHour = at.truncatedTo(ChronoUnit.HOURS);
        inHour = atHour.equals(hour) ? inHour + 1 : 1;
        hour = atHour;
        Instant atDay = at.truncatedTo(ChronoUnit.DAYS);
        inDay = atDay.equals(day) ? inDay + 1 : 1;
        day = atDay;
        return new Turn(now, at, reason, quota);
    }

    private static boolean isFull(Instant at, ChronoUnit unit, Instant counted, int count, int limit) {
        return at.truncatedTo(unit).equals(counted) && count >= limit;
    }

    private void tell(String format, Turn turn, Duration wait) {
        Object[] arguments = {ResilientFeign.span(wait), provider, turn.reason(),
                turn.at().truncatedTo(ChronoUnit.SECONDS)};
        if (turn.quota()) {
            log.warn(format, arguments);
        } else {
            log.info(format, arguments);
        }
    }

    private static String count(int requests, String per) {
        return requests + (requests == 1 ? " request " : " requests ") + per;
    }

    /** A request's reserved moment {@code at}, asked for at {@code now}, and what makes it wait. */
    private record Turn(Instant now, Instant at, String reason, boolean quota) {
    }
}
