package org.stockticker.adapters.provider;

import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import java.net.URI;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.http.ResilientFeign;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.RateLimitListener;

/**
 * What every network price provider shares: its name, and a client built by {@link ResilientFeign} whose rate-limit
 * waits reach the listener given to {@link #onRateLimited}. A provider adds its own requests, answers and errors.
 */
public abstract class NetworkPriceProvider implements PriceProviderPort {

    private final String name;
    private final RateLimitRelay rateLimits = new RateLimitRelay();

    /** A provider known by {@code name} in configurations, records and messages. */
    protected NetworkPriceProvider(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void onRateLimited(RateLimitListener listener) {
        rateLimits.relayTo(listener);
    }

    /**
     * A client of {@code api} at {@code baseUrl}, with the project's one retry layer around it, whose error statuses
     * {@code errors} turns into exceptions (see {@link ResilientFeign#client}).
     */
    protected final <T> T client(Class<T> api, URI baseUrl, HttpPolicy policy, ErrorDecoder errors) {
        return ResilientFeign.client(api, name, baseUrl, policy, errors, rateLimits);
    }

    /** A client as {@link #client(Class, URI, HttpPolicy, ErrorDecoder)}, whose answers {@code decoder} reads. */
    protected final <T> T client(Class<T> api, URI baseUrl, HttpPolicy policy, ErrorDecoder errors, Decoder decoder) {
        return ResilientFeign.client(api, name, baseUrl, policy, errors, rateLimits, decoder);
    }
}
