package org.stockticker.application.port.out;

import java.time.Instant;

/** Told when a provider makes the connector wait for its rate limit, and until when. */
@FunctionalInterface
public interface RateLimitListener {

    void rateLimited(Instant until);
}
