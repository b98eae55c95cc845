package org.stockticker.adapters.provider;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.http.RequestBudget;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.out.ProviderConfig;

/**
 * What every network provider needs from the {@code provider} configuration: the key, where to send it, how fast,
 * how many requests an hour and a day where the provider's plans count them, and how long to wait for a spent
 * quota. A provider with settings of its own keeps them in a small record of its own that holds this one.
 *
 * @param apiKey the provider's key, sent however the provider asks for it
 * @param baseUrl the API root, https unless loopback, without a trailing slash
 * @param requestsPerMinute the most requests sent in a minute
 * @param requestsPerHour the most requests sent in a clock hour (UTC), where the provider counts them
 * @param requestsPerDay the most requests sent in a day (UTC), where the provider counts them
 * @param maxWait the longest wait for a quota before the read checkpoints and ends instead
 * @param timeout the longest one answer may take, where it is set (else {@link HttpPolicy#defaults}' deadline)
 * @param maxAttempts how many times a call is tried in all, where it is set (else {@link HttpPolicy#defaults}')
 */
public record NetworkSettings(String apiKey, URI baseUrl, int requestsPerMinute, OptionalInt requestsPerHour,
        OptionalInt requestsPerDay, Duration maxWait, Optional<Duration> timeout, OptionalInt maxAttempts) {

    /** The most attempts a call may be given: more would only add to the load of a provider that is down. */
    public static final int MAX_ATTEMPTS = 10;

    /** The longest timeout of one answer, in seconds: an hour. */
    public static final int MAX_TIMEOUT_SECONDS = 3600;

    public NetworkSettings {
        if (apiKey == null || apiKey.isBlank()) {
            throw new InvalidInputException("provider.api_key is required");
        }
        Objects.requireNonNull(baseUrl, "provider.base_url is required");
        Objects.requireNonNull(requestsPerHour, "requestsPerHour is required");
        Objects.requireNonNull(requestsPerDay, "requestsPerDay is required");
        Objects.requireNonNull(maxWait, "maxWait is required");
        Objects.requireNonNull(timeout, "timeout is required");
        Objects.requireNonNull(maxAttempts, "maxAttempts is required");
        if (requestsPerMinute < 1) {
            throw new InvalidInputException("provider.requests_per_minute must be at least 1");
        }
        if (requestsPerHour.orElse(1) < 1) {
            throw new InvalidInputException("provider.requests_per_hour must be at least 1");
        }
        if (requestsPerDay.orElse(1) < 1) {
            throw new InvalidInputException("provider.requests_per_day must be at least 1");
        }
        if (maxWait.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new InvalidInputException(ProviderConfig.MAX_WAIT_MINUTES + " must be at least 1");
        }
        if (timeout.isPresent() && (timeout.get().compareTo(Duration.ofSeconds(1)) < 0
                || timeout.get().compareTo(Duration.ofSeconds(MAX_TIMEOUT_SECONDS)) > 0)) {
            throw new InvalidInputException("provider.timeout_seconds must be from 1 to " + MAX_TIMEOUT_SECONDS);
        }
        if (maxAttempts.isPresent() && (maxAttempts.getAsInt() < 1 || maxAttempts.getAsInt() > MAX_ATTEMPTS)) {
            throw new InvalidInputException("provider.max_attempts must be from 1 to " + MAX_ATTEMPTS);
        }
    }

    /** Settings with the default timeout and attempts. */
    public NetworkSettings(String apiKey, URI baseUrl, int requestsPerMinute, OptionalInt requestsPerHour,
            OptionalInt requestsPerDay, Duration maxWait) {
        this(apiKey, baseUrl, requestsPerMinute, requestsPerHour, requestsPerDay, maxWait, Optional.empty(),
                OptionalInt.empty());
    }

    /** Settings paced at {@code requestsPerMinute} alone, waiting up to 30 minutes for a quota. */
    public NetworkSettings(String apiKey, URI baseUrl, int requestsPerMinute) {
        this(apiKey, baseUrl, requestsPerMinute, OptionalInt.empty(), OptionalInt.empty(),
                RequestBudget.Limits.DEFAULT_MAX_WAIT);
    }

    /**
     * Reads {@code api_key} (required), {@code requests_per_minute} (a whole number of at least 1, else
     * {@code defaultRequestsPerMinute}), {@code base_url} (checked by {@link ProviderConfig#baseUrl}, else
     * {@code defaultBaseUrl}), {@link ProviderConfig#MAX_WAIT_MINUTES} (at least 1, else 30), {@code timeout_seconds}
     * (1 to {@value #MAX_TIMEOUT_SECONDS}, else the policy's own) and {@code max_attempts} (1 to
     * {@value #MAX_ATTEMPTS}, else the policy's own).
     *
     * @throws InvalidInputException naming the first field that is missing or wrong
     */
    public static NetworkSettings from(ProviderConfig config, String defaultBaseUrl, int defaultRequestsPerMinute) {
        return from(config, defaultBaseUrl, defaultRequestsPerMinute, OptionalInt.empty(), OptionalInt.empty());
    }

    /**
     * Reads what {@link #from(ProviderConfig, String, int)} reads, and, for a provider whose plans count them (a
     * default is given), {@code requests_per_hour} and {@code requests_per_day} (whole numbers of at least 1, else
     * the defaults). A provider without such a count ignores the field, as its spec does not offer it.
     *
     * @throws InvalidInputException naming the first field that is missing or wrong
     */
    public static NetworkSettings from(ProviderConfig config, String defaultBaseUrl, int defaultRequestsPerMinute,
            OptionalInt defaultRequestsPerHour, OptionalInt defaultRequestsPerDay) {
        String apiKey = config.requiredString("api_key");
        int requestsPerMinute = config.integer("requests_per_minute").orElse(defaultRequestsPerMinute);
        OptionalInt requestsPerHour = counted(config, "requests_per_hour", defaultRequestsPerHour);
        OptionalInt requestsPerDay = counted(config, "requests_per_day", defaultRequestsPerDay);
        long maxWaitMinutes = config.integer(ProviderConfig.MAX_WAIT_MINUTES)
                .orElse((int) RequestBudget.Limits.DEFAULT_MAX_WAIT.toMinutes());
        Optional<Duration> timeout = optional(config.integer("timeout_seconds")).map(Duration::ofSeconds);
        return new NetworkSettings(apiKey, config.baseUrl(defaultBaseUrl), requestsPerMinute, requestsPerHour,
                requestsPerDay, Duration.ofMinutes(maxWaitMinutes), timeout, config.integer("max_attempts"));
    }

    /** The default policy of a provider client, at these settings' pace, budgets, timeout and attempts. */
    public HttpPolicy httpPolicy() {
        HttpPolicy policy = HttpPolicy.defaults(requestsPerMinute).withBudgets(requestsPerHour, requestsPerDay, maxWait);
        if (timeout.isPresent()) {
            policy = policy.withTimeout(timeout.get());
        }
        if (maxAttempts.isPresent()) {
            policy = policy.withMaxAttempts(maxAttempts.getAsInt());
        }
        return policy;
    }

    private static Optional<Integer> optional(OptionalInt value) {
        return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
    }

    private static OptionalInt counted(ProviderConfig config, String key, OptionalInt defaultCount) {
        if (defaultCount.isEmpty()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(config.integer(key).orElse(defaultCount.getAsInt()));
    }

    @Override
    public String toString() {
        return "NetworkSettings[apiKey=****, baseUrl=" + baseUrl + ", requestsPerMinute=" + requestsPerMinute
                + budget("requestsPerHour", requestsPerHour) + budget("requestsPerDay", requestsPerDay)
                + ", maxWait=" + maxWait + timeout.map(t -> ", timeout=" + t).orElse("")
                + (maxAttempts.isPresent() ? ", maxAttempts=" + maxAttempts.getAsInt() : "") + "]";
    }

    private static String budget(String name, OptionalInt count) {
        return count.isPresent() ? ", " + name + "=" + count.getAsInt() : "";
    }
}
