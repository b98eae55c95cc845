package org.stockticker.adapters.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How a provider client treats the network: its pace, its patience and how often it tries again.
 *
 * @param requestsPerMinute the most requests sent in any minute; requests wait for their turn rather than fail
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long any read of an answer waits for its next bytes: the start, and every part of the body
 * @param maxAttempts how many times one call is tried in all, the first attempt included
 * @param initialBackoff the wait before the first retry; each later wait roughly doubles, with jitter
 * @param maxBackoff the longest wait between attempts when the provider does not say how long to wait
 * @param maxRetryAfter the longest wait granted to a provider's {@code Retry-After}
 * @param answerDeadline how long one whole answer may take, from sending the request to the last byte of its body:
 *     a provider sending a byte every few seconds never trips the read timeout, but trips this
 */
public record HttpPolicy(
        int requestsPerMinute,
        Duration connectTimeout,
        Duration readTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxRetryAfter,
        Duration answerDeadline) {

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
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is below initialBackoff " + initialBackoff);
        }
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
                maxRetryAfter, deadline);
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
