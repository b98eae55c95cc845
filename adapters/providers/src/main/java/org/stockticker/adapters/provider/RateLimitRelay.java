package org.stockticker.adapters.provider;

import java.time.Instant;
import java.util.Objects;
import org.stockticker.application.port.out.RateLimitListener;

/**
 * Passes each rate-limit wait of a provider's client on to the listener the provider was last given. The client is
 * built once, with the relay, before anyone listens; until a listener is given, waits are heard by no one.
 *
 * <p>Safe to use from several threads: a sync reads several symbols at once, each wait told from the thread that
 * waits, while the listener may be replaced from another.
 */
public final class RateLimitRelay implements RateLimitListener {

    private volatile RateLimitListener listener = until -> { };

    /** From now on, tells {@code next} of every wait, in place of the listener before it. */
    public void relayTo(RateLimitListener next) {
        listener = Objects.requireNonNull(next, "listener is required");
    }

    @Override
    public void rateLimited(Instant until) {
        listener.rateLimited(until);
    }
}
