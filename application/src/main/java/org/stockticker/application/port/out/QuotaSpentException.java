package org.stockticker.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A budget of requests to the provider is spent, and the next request could only be made after a long wait: the
 * connector's own budget (requests an hour or a day) would make it wait longer than it may, or the provider answered
 * that its quota is spent. Time fixes it: a later sync resumes from the last checkpoint once the quota resets.
 */
public class QuotaSpentException extends ProviderException {

    private final String provider;
    private final String budget;
    private final transient Optional<Instant> resetsAt;

    /**
     * The {@code budget} of {@code provider} is spent, a phrase such as "its budget of 25 requests a day"; it resets
     * at {@code resetsAt}, where that is known.
     */
    public QuotaSpentException(String provider, String budget, Optional<Instant> resetsAt) {
        super("provider " + provider + ": " + budget + " is spent; "
                + resetsAt.map(reset -> "it resets at " + reset).orElse("when it resets is not known"), null);
        this.provider = Objects.requireNonNull(provider, "provider is required");
        this.budget = Objects.requireNonNull(budget, "budget is required");
        this.resetsAt = Objects.requireNonNull(resetsAt, "resetsAt is required");
    }

    public String provider() {
        return provider;
    }

    /** What is spent, such as "its budget of 25 requests a day". */
    public String budget() {
        return budget;
    }

    /** When the budget allows requests again; empty when the provider does not say. */
    public Optional<Instant> resetsAt() {
        return resetsAt;
    }
}
