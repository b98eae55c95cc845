package org.stockticker.adapters.polygon;

import java.util.Objects;
import org.stockticker.adapters.provider.NetworkSettings;
import org.stockticker.application.port.out.ProviderConfig;

/**
 * What the Polygon adapter needs from the {@code provider} configuration: the settings of every network provider,
 * and which prices to ask for.
 *
 * @param network the key (sent as the {@code apiKey} query parameter), the API root and the pace
 * @param adjusted whether to ask for split-adjusted prices instead of as-traded ones
 */
public record PolygonSettings(NetworkSettings network, boolean adjusted) {

    /**
     * Massive's API root, the default for both provider names; Polygon.io's former root,
     * {@code https://api.polygon.io}, still answers alike and can be set as {@code base_url}.
     */
    public static final String DEFAULT_BASE_URL = "https://api.massive.com";

    /** Polygon's free plan allows 5 requests per minute; paid plans raise it with {@code requests_per_minute}. */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 5;

    public PolygonSettings {
        Objects.requireNonNull(network, "network settings are required");
    }

    /**
     * Reads the network settings (see {@link NetworkSettings#from}) and {@code adjusted} (true or false, default
     * false).
     *
     * @throws org.stockticker.application.port.in.InvalidInputException naming the first field that is missing or wrong
     */
    public static PolygonSettings from(ProviderConfig config) {
        NetworkSettings network = NetworkSettings.from(config, DEFAULT_BASE_URL, DEFAULT_REQUESTS_PER_MINUTE);
        return new PolygonSettings(network, config.bool("adjusted").orElse(false));
    }
}
