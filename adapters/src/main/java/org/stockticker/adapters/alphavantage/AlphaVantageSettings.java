package org.stockticker.adapters.alphavantage;

import java.net.URI;
import java.util.Objects;
import org.stockticker.application.InvalidInputException;
import org.stockticker.application.ProviderConfig;

/**
 * What the Alpha Vantage adapter needs from the {@code provider} configuration: the key, where to send it, and
 * how fast.
 *
 * @param apiKey the Alpha Vantage key, sent as the {@code apikey} query parameter
 * @param baseUrl the API root, https unless loopback, without a trailing slash
 * @param requestsPerMinute the most requests sent in a minute
 */
public record AlphaVantageSettings(String apiKey, URI baseUrl, int requestsPerMinute) {

    /** Alpha Vantage's own API root. */
    public static final String DEFAULT_BASE_URL = "https://www.alphavantage.co";

    /**
     * Suits the free plan, which allows about one request a second and 25 a day: one request every 12 seconds
     * never trips the per-second limit, and a sync of a few tickers does not burn the day's quota in a burst.
     * Paid plans allow far more; {@code requests_per_minute} raises the pace.
     */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 5;

    public AlphaVantageSettings {
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
     * {@code requests_per_minute} (a whole number of at least 1, default {@value #DEFAULT_REQUESTS_PER_MINUTE}).
     *
     * @throws InvalidInputException naming the first field that is missing or wrong
     */
    public static AlphaVantageSettings from(ProviderConfig config) {
        String apiKey = config.requiredString("api_key");
        int requestsPerMinute = config.integer("requests_per_minute").orElse(DEFAULT_REQUESTS_PER_MINUTE);
        return new AlphaVantageSettings(apiKey, config.baseUrl(DEFAULT_BASE_URL), requestsPerMinute);
    }

    @Override
    public String toString() {
        return "AlphaVantageSettings[apiKey=****, baseUrl=" + baseUrl + ", requestsPerMinute=" + requestsPerMinute
                + "]";
    }
}
