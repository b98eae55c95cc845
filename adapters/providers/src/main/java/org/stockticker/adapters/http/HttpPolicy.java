package org.stockticker.adapters.http;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a provider client treats the network: its pace and budgets, its patience and how often it tries again.
 *
 * @param requestsPerMinute the pace: one request per slot of 60/N seconds; requests wait for their turn
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long any read of an answer waits for its next bytes: the start, and every part of the body
 * @param maxAttempts how many times one call is tried in all, the first attempt included
 * @param initialBackoff the wait before the first retry; each later wait roughly doubles, with jitter
 * @param maxBackoff the longest wait between attempts when the provider does not say how long to wait
 * @param maxRetryAfter the longest wait granted to a provider's {@code Retry-After}
 * @param answerDeadline how long one whole answer may take, from sending the request to the last byte of its body:
 *     a provider sending a byte every few seconds never trips the read timeout, but trips this
 * @param requestsPerHour the most requests in one clock hour (UTC), where the provider's plan counts them
 * @param requestsPerDay the most requests in one day (UTC), where the provider's plan counts them
 * @param maxWait the longest a request waits for an hour's, a day's or the provider's quota; past it, the request
 *     fails at once saying when the quota resets (see {@link RequestBudget})
 */
public record HttpPolicy(
        int requestsPerMinute,
        Duration connectTimeout,
        Duration readTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxRetryAfter,
        Duration answerDeadline,
        OptionalInt requestsPerHour,
        OptionalInt requestsPerDay,
        Duration maxWait) {

    /** Long enough for the largest answer a provider sends (decades of daily bars) over a slow line. */
    public static final Duration DEFAULT_ANSWER_DEADLINE = Duration.ofMinutes(2);

    public HttpPolicy {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("requestsPerMinute " + requestsPerMinute + " is below 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts " + maxAttempts + " is below 1");
        }
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("readTimeout", readTimeout);
        requirePositive("initialBackoff", initialBackoff);
        requirePositive("maxBackoff", maxBackoff);
        requirePositive("maxRetryAfter", maxRetryAfter);
        requirePositive("answerDeadline", answerDeadline);
        requirePositive("maxWait", maxWait);
        Objects.requireNonNull(requestsPerHour, "requestsPerHour is required");
        Objects.requireNonNull(requestsPerDay, "requestsPerDay is required");
        if (requestsPerHour.orElse(1) < 1 || requestsPerDay.orElse(1) < 1) {
            throw new IllegalArgumentException("requestsPerHour and requestsPerDay must be at least 1 where given");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is below initialBackoff " + initialBackoff);
        }
    }

    /** A policy paced at {@code requestsPerMinute} alone, which waits up to 30 minutes for a provider's quota. */
    public HttpPolicy(int requestsPerMinute, Duration connectTimeout, Duration readTimeout, int maxAttempts,
            Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter, Duration answerDeadline) {
        this(requestsPerMinute, connectTimeout, readTimeout, maxAttempts, initialBackoff, maxBackoff, maxRetryAfter,
                answerDeadline, OptionalInt.empty(), OptionalInt.empty(), RequestBudget.Limits.DEFAULT_MAX_WAIT);
    }

    /** A policy with the {@link #DEFAULT_ANSWER_DEADLINE default deadline} for a whole answer. */
    public HttpPolicy(int requestsPerMinute, Duration connectTimeout, Duration readTimeout, int maxAttempts,
            Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
        this(requestsPerMinute, connectTimeout, readTimeout, maxAttempts, initialBackoff, maxBackoff, maxRetryAfter,
                DEFAULT_ANSWER_DEADLINE);
    }

    /** This policy with {@code deadline} for a whole answer. */
    public HttpPolicy withAnswerDeadline(Duration deadline) {
        return new HttpPolicy(requestsPerMinute, connectTimeout, readTimeout, maxAttempts, initialBackoff, maxBackoff,
                maxRetryAfter, deadline, requestsPerHour, requestsPerDay, maxWait);
    }

    /**
     * This policy with budgets of {@code perHour} requests a clock hour and {@code perDay} a day (where the provider
     * counts them), and {@code maxWait} as the longest wait for a quota.
     */
    public HttpPolicy withBudgets(OptionalInt perHour, OptionalInt perDay, Duration maxWait) {
        return new HttpPolicy(requestsPerMinute, connectTimeout, readTimeout, maxAttempts, initialBackoff, maxBackoff,
                maxRetryAfter, answerDeadline, perHour, perDay, maxWait);
    }

    /**
     * This policy with {@code timeout} as the longest any one answer may take, from sending the request to its last
     * byte; the connect and read timeouts are cut to it where they were longer.
     */
    public HttpPolicy withTimeout(Duration timeout) {
        requirePositive("timeout", timeout);
        return new HttpPolicy(requestsPerMinute, shorter(connectTimeout, timeout), shorter(readTimeout, timeout),
                maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, timeout, requestsPerHour, requestsPerDay,
                maxWait);
    }

    /** This policy trying each call {@code attempts} times in all, the first attempt included. */
    public HttpPolicy withMaxAttempts(int attempts) {
        return new HttpPolicy(requestsPerMinute, connectTimeout, readTimeout, attempts, initialBackoff, maxBackoff,
                maxRetryAfter, answerDeadline, requestsPerHour, requestsPerDay, maxWait);
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The budgets a {@link RequestBudget} keeps for a client of this policy. */
    public RequestBudget.Limits limits() {
        return new RequestBudget.Limits(requestsPerMinute, requestsPerHour, requestsPerDay, maxWait);
    }

    /**
     * Settings suited to public market-data APIs: patient enough for a slow answer, and five attempts whose waits
     * (up to 30 s each) ride out a short outage without stalling a sync for long; a whole answer may take 2 minutes.
     */
    public static HttpPolicy defaults(int requestsPerMinute) {
        return new HttpPolicy(requestsPerMinute, Duration.ofSeconds(10), Duration.ofSeconds(30), 5,
                Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    private static void requirePositive(String field, Duration value) {
        Objects.requireNonNull(value, field + " is required");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " " + value + " is not positive");
        }
    }
}
