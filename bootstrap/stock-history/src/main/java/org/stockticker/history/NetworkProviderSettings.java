package org.stockticker.history;

import java.time.Duration;
import java.util.Map;

/**
 * The settings every provider reached over the network takes: where it answers, how fast to ask, how long to wait,
 * and how often to try again.
 *
 * @param <S> the provider's own settings
 */
public abstract class NetworkProviderSettings<S extends NetworkProviderSettings<S>> extends ProviderSettings {

    static final String API_KEY = "api_key";
    static final String BASE_URL = "base_url";
    static final String REQUESTS_PER_MINUTE = "requests_per_minute";
    static final String REQUESTS_PER_HOUR = "requests_per_hour";
    static final String REQUESTS_PER_DAY = "requests_per_day";
    static final String MAX_WAIT_MINUTES = "max_wait_minutes";
    static final String TIMEOUT_SECONDS = "timeout_seconds";
    static final String MAX_ATTEMPTS = "max_attempts";

    NetworkProviderSettings(String provider, Map<String, Object> values) {
        super(provider, values);
    }

    /** Settings of the same provider holding {@code values}. */
    abstract S copy(Map<String, Object> values);

    /**
     * The API root, instead of the provider's own ({@code base_url}): https, unless its host is loopback, since the
     * key travels with every request.
     *
     * @param baseUrl the API root, such as {@code https://api.polygon.io}
     * @return the settings with it
     */
    public S baseUrl(String baseUrl) {
        return copy(with(BASE_URL, required(BASE_URL, baseUrl)));
    }

    /**
     * The most requests sent in a minute ({@code requests_per_minute}): the plan's rate, so that the provider never
     * has to refuse one. Requests wait for their turn, whichever thread sends them.
     *
     * @param requests at least 1
     * @return the settings with it
     */
    public S requestsPerMinute(int requests) {
        return copy(with(REQUESTS_PER_MINUTE, requests));
    }

    /**
     * The longest a request waits for a quota ({@code max_wait_minutes}, 30 minutes unless set): a spent hourly or
     * daily budget, or a provider's {@code Retry-After}. A longer wait throws {@link QuotaExhaustedException} at once.
     *
     * @param maxWait whole minutes, at least 1
     * @return the settings with it
     * @throws InvalidSettingsException if it is not a whole number of minutes
     */
    public S maxWait(Duration maxWait) {
        return copy(with(MAX_WAIT_MINUTES, whole(MAX_WAIT_MINUTES, maxWait, Duration.ofMinutes(1))));
    }

    /**
     * The longest one answer may take, from sending the request to its last byte ({@code timeout_seconds}; 2
     * minutes unless set, with 10 seconds to connect and 30 seconds between bytes). An answer that takes longer is
     * tried again, as a failed one is.
     *
     * @param timeout whole seconds, from 1 second to an hour
     * @return the settings with it
     * @throws InvalidSettingsException if it is not a whole number of seconds
     */
    public S timeout(Duration timeout) {
        return copy(with(TIMEOUT_SECONDS, whole(TIMEOUT_SECONDS, timeout, Duration.ofSeconds(1))));
    }

    /**
     * How many times a request is tried in all, the first included ({@code max_attempts}; 5 unless set). Retries
     * wait about half a second, then about twice as long each time (at random around it, up to 30 seconds), or as
     * long as the provider's {@code Retry-After} says (up to a minute).
     *
     * @param attempts from 1 (never retry) to 10
     * @return the settings with it
     */
    public S maxAttempts(int attempts) {
        return copy(with(MAX_ATTEMPTS, attempts));
    }

    static long whole(String name, Duration duration, Duration unit) {
        if (duration == null) {
            throw new InvalidSettingsException(name + " is required", null);
        }
        long unitSeconds = unit.getSeconds();
        if (duration.isNegative() || duration.getNano() != 0 || duration.getSeconds() % unitSeconds != 0) {
            throw new InvalidSettingsException(name + " must be a whole number of "
                    + (unitSeconds == 60 ? "minutes" : "seconds") + ", not " + duration, null);
        }
        return duration.getSeconds() / unitSeconds;
    }
}
