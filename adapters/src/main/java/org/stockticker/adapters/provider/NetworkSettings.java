package org.stockticker.adapters.provider;

import java.net.URI;
import java.util.Objects;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.out.ProviderConfig;

/**
 * What every network provider needs from the {@code provider} configuration: the key, where to send it, and how
 * fast. A provider with settings of its own keeps them in a small record of its own that holds this one.
 *
 * @param apiKey the provider's key, sent however the provider asks for it
 * @param baseUrl the API root, https unless loopback, without a trailing slash
 * @param requestsPerMinute the most requests sent in a minute
 */
public record NetworkSettings(String apiKey, URI baseUrl, int requestsPerMinute) {

    public NetworkSettings {
        if (apiKey == null || apiKey.isBlank()) {
            throw new InvalidInputException("provider.api_key is required");
        }
        Objects.requireNonNull(baseUrl, "provider.base_url is required");
        if (requestsPerMinute < 1) {
            throw new InvalidInputException("provider.requests_per_minute must be at least 1");
        }
    }

    /**
     * Reads {@code api_key} (required), {@code requests_per_minute} (a whole number of at least 1, else
     * {@code defaultRequestsPerMinute}) and {@code base_url} (checked by {@link ProviderConfig#baseUrl}, else
     * {@code defaultBaseUrl}).
     *
     * @throws InvalidInputException naming the first field that is missing or wrong
     */
    public static NetworkSettings from(ProviderConfig config, String defaultBaseUrl, int defaultRequestsPerMinute) {
        String apiKey = config.requiredString("api_key");
        int requestsPerMinute = config.integer("requests_per_minute").orElse(defaultRequestsPerMinute);
        return new NetworkSettings(apiKey, config.baseUrl(defaultBaseUrl), requestsPerMinute);
    }

    @Override
    public String toString() {
        return "NetworkSettings[apiKey=****, baseUrl=" + baseUrl + ", requestsPerMinute=" + requestsPerMinute + "]";
    }
}
