package org.stockticker.adapters.polygon;

import java.net.URI;
import java.util.Objects;
import org.stockticker.application.InvalidInputException;
import org.stockticker.application.ProviderConfig;

/**
 * What the Polygon adapter needs from the {@code provider} configuration: the key, where to send it, which prices
 * to ask for, and how fast.
 *
 * @param apiKey the Polygon key, sent as the {@code apiKey} query parameter
 * @param baseUrl the API root, https unless loopback, without a trailing slash
 * @param adjusted whether to ask for split-adjusted prices instead of as-traded ones
 * @param requestsPerMinute the most requests sent in a minute
 */
public record PolygonSettings(String apiKey, URI baseUrl, boolean adjusted, int requestsPerMinute) {

    /** Polygon's own API root (the renamed service, Massive, also answers at {@code https://api.massive.com}). */
    public static final String DEFAULT_BASE_URL = "https://api.polygon.io";

    /** Polygon's free plan allows 5 requests per minute; paid plans raise it with {@code requests_per_minute}. */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 5;

    public PolygonSettings {
        if (apiKey == null || apiKey.isBlank()) {
            throw new InvalidInputException("provider.api_key is required");
        }
        Objects.requireNonNull(baseUrl, "provider.base_url is required");
        if (requestsPerMinute < 1) {
            throw new InvalidInputException("provider.requests_per_minute must be at least 1");
        }
    }

    /**
     * Reads {@code api_key} (required), {@code base_url} (checked by {@link ProviderConfig#baseUrl}),
     * {@code adjusted} (true or false, default false) and {@code requests_per_minute} (a whole number of at least 1).
     *
     * @throws InvalidInputException naming the first field that is missing or wrong
     */
    public static PolygonSettings from(ProviderConfig config) {
        String apiKey = config.requiredString("api_key");
        boolean adjusted = config.bool("adjusted").orElse(false);
        int requestsPerMinute = config.integer("requests_per_minute").orElse(DEFAULT_REQUESTS_PER_MINUTE);
        return new PolygonSettings(apiKey, config.baseUrl(DEFAULT_BASE_URL), adjusted, requestsPerMinute);
    }

    @Override
    public String toString() {
        return "PolygonSettings[apiKey=****, baseUrl=" + baseUrl + ", adjusted=" + adjusted + ", requestsPerMinute="
                + requestsPerMinute + "]";
    }
}
