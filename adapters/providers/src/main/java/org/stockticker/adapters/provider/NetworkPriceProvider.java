package org.stockticker.adapters.provider;

import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.http.RequestBudget;
import org.stockticker.adapters.http.ResilientFeign;
import org.stockticker.adapters.http.Sleeper;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.RateLimitListener;

/**
 * What every network price provider shares: its name, one {@link RequestBudget} for all its requests, and clients
 * built by {@link ResilientFeign} whose waits (the budget's and a 429's) reach the listener given to
 * {@link #onRateLimited}. A provider adds its own requests, answers and errors.
 */
public abstract class NetworkPriceProvider implements PriceProviderPort {

    private final String name;
    private final Clock clock;
    private final RateLimitRelay rateLimits = new RateLimitRelay();
    private RequestBudget budget;

    /**
     * A provider known by {@code name} in configurations, records and messages, whose budget tells the time by
     * {@code clock} and waits as {@link Sleeper#of} says for it.
     */
    protected NetworkPriceProvider(String name, Clock clock) {
        this.name = name;
        this.clock = Objects.requireNonNull(clock, "clock is required");
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
     * {@code errors} turns into exceptions (see {@link ResilientFeign#client}). Every client of the provider shares
     * one budget, kept at the budgets of the first client's {@code policy}; a provider builds its clients as it is
     * made.
     */
    protected final <T> T client(Class<T> api, URI baseUrl, HttpPolicy policy, ErrorDecoder errors) {
        return ResilientFeign.client(api, name, baseUrl, policy, budget(policy), errors, rateLimits);
    }

    /** A client as {@link #client(Class, URI, HttpPolicy, ErrorDecoder)}, whose answers {@code decoder} reads. */
    protected final <T> T client(Class<T> api, URI baseUrl, HttpPolicy policy, ErrorDecoder errors, Decoder decoder) {
        return ResilientFeign.client(api, name, baseUrl, policy, budget(policy), errors, rateLimits, decoder);
    }

    /** The provider's one budget, made at the budgets of the first client's {@code policy}. */
    private RequestBudget budget(HttpPolicy policy) {
        if (budget == null) {
            budget = new RequestBudget(name, policy.limits(), clock, Sleeper.of(clock));
        }
        return budget;
    }
}
