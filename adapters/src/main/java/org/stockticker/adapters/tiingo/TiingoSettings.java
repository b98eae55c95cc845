package org.stockticker.adapters.tiingo;

import java.net.URI;
import java.util.Objects;
import org.stockticker.application.InvalidInputException;
import org.stockticker.application.ProviderConfig;

/**
 * What the Tiingo adapter needs from the {@code provider} configuration: the key, where to send it, and how fast.
 *
 * @param apiKey the Tiingo API token, sent only in the {@code Authorization: Token ...} header
 * @param baseUrl the API root, https unless loopback, without a trailing slash
 * @param requestsPerMinute the most requests sent in a minute
 */
public record TiingoSettings(String apiKey, URI baseUrl, int requestsPerMinute) {

    /** Tiingo's own API root. */
    public static final String DEFAULT_BASE_URL = "https://api.tiingo.com";

    /**
     * One request a minute: Tiingo's free plan allows 50 requests an hour, and one a minute is the slowest pace a
     * whole {@code requests_per_minute} can express. That still allows 60 in an hour, so a sync of more than 50
     * requests within one hour can meet Tiingo's hourly 429: the retry layer backs off as for any rate limit, and
     * when the allocation is not back by the last attempt the read ends as a transient failure, to resume from its
     * last checkpoint. Paid plans raise the setting.
     */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 1;

    public TiingoSettings {
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
     * {@code requests_per_minute} (a whole number of at least 1, by default {@value #DEFAULT_REQUESTS_PER_MINUTE}).
     *
     * @throws InvalidInputException naming the first field that is missing or wrong
     */
    public static TiingoSettings from(ProviderConfig config) {
        String apiKey = config.requiredString("api_key");
        int requestsPerMinute = config.integer("requests_per_minute").orElse(DEFAULT_REQUESTS_PER_MINUTE);
        return new TiingoSettings(apiKey, config.baseUrl(DEFAULT_BASE_URL), requestsPerMinute);
    }

    @Override
    public String toString() {
        return "TiingoSettings[apiKey=****, baseUrl=" + baseUrl + ", requestsPerMinute=" + requestsPerMinute + "]";
    }
}
