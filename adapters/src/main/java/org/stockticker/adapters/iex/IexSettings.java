package org.stockticker.adapters.iex;

import java.net.URI;
import java.util.Objects;
import org.stockticker.application.InvalidInputException;
import org.stockticker.application.ProviderConfig;

/**
 * What the IEX adapter needs from the {@code provider} configuration: the key, where to send it, and how fast.
 *
 * @param apiKey the IEX token, sent as the {@code token} query parameter
 * @param baseUrl the API root, https unless loopback, without a trailing slash
 * @param requestsPerMinute the most requests sent in a minute
 */
public record IexSettings(String apiKey, URI baseUrl, int requestsPerMinute) {

    /** IEX Cloud's own API root. */
    public static final String DEFAULT_BASE_URL = "https://cloud.iexapis.com/stable";

    /**
     * IEX Cloud's documented limit, on every plan: 100 requests per second per IP address, measured in milliseconds.
     * The rate limiter spaces requests evenly, one every 10 ms, so no second ever holds more than 100.
     */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 6_000;

    public IexSettings {
        if (apiKey == null || apiKey.isBlank()) {
            throw new InvalidInputException("provider.api_key is required");
        }
        Objects.requireNonNull(baseUrl, "provider.base_url is required");
        if (requestsPerMinute < 1) {
            throw new InvalidInputException("provider.requests_per_minute must be at least 1");
        }
    }

    /**
     * Reads {@code api_key} (required), {@code base_url} (checked by {@link ProviderConfig#baseUrl}) and
     * {@code requests_per_minute} (a whole number of at least 1).
     *
     * @throws InvalidInputException naming the first field that is missing or wrong
     */
    public static IexSettings from(ProviderConfig config) {
        String apiKey = config.requiredString("api_key");
        int requestsPerMinute = config.integer("requests_per_minute").orElse(DEFAULT_REQUESTS_PER_MINUTE);
        return new IexSettings(apiKey, config.baseUrl(DEFAULT_BASE_URL), requestsPerMinute);
    }

    @Override
    public String toString() {
        return "IexSettings[apiKey=****, baseUrl=" + baseUrl + ", requestsPerMinute=" + requestsPerMinute + "]";
    }
}
