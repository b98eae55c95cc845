package org.stockticker.history;

import java.time.Instant;
import java.util.Optional;

/**
 * A quota of requests is spent: the provider said so (Alpha Vantage's daily limit, Tiingo's hourly allocation, IEX's
 * 402, a long {@code Retry-After}), or the settings' own hourly or daily budget would make the next request wait
 * longer than the settings' {@code maxWait}. Time fixes it: call again after {@link #resetsAt()}.
 */
public class QuotaExhaustedException extends StockHistoryException {

    private static final long serialVersionUID = 1L;

    private final transient Optional<Instant> resetsAt;

    /**
     * A spent quota.
     *
     * @param message which quota is spent, and when it resets where that is known
     * @param resetsAt when requests are allowed again, where that is known
     * @param cause what it was found by, or null
     */
    public QuotaExhaustedException(String message, Optional<Instant> resetsAt, Throwable cause) {
        super(message, cause);
        this.resetsAt = resetsAt;
    }

    /**
     * When the quota allows requests again.
     *
     * @return the instant, or empty where the provider does not say
     */
    public Optional<Instant> resetsAt() {
        return resetsAt == null ? Optional.empty() : resetsAt;
    }
}
