package org.stockticker.application.port.out;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a price provider can answer, for planning a read with the fewest requests: every provider answers one
 * symbol's range of days in a request; some also answer every US stock of one trading day in a single request.
 *
 * @param marketDays whether {@link PriceProviderPort#marketDay} answers every US stock of a trading day at once
 * @param adjustedValues whether the provider's bars carry an adjusted close beside the as-traded close, so that a
 *     split or dividend since the cursor shows in their ratio: what makes a read look back at the cursor's day
 * @param earliestDay the first day the provider has bars for, where it says so; days before it are never asked for
 * @param requestsPerMinute the most requests the provider is sent in a minute, for the plan's expected duration
 * @param splitAdjustedPrices whether the provider's prices themselves are adjusted for splits (by configuration), so
 *     that a split after a symbol's cursor changes the prices synced before it
 */
public record ProviderReach(boolean marketDays, boolean adjustedValues, Optional<LocalDate> earliestDay,
        int requestsPerMinute, boolean splitAdjustedPrices) {

    /** No limit on how fast requests go, as for local files. */
    public static final int UNPACED = Integer.MAX_VALUE;

    public ProviderReach {
        Objects.requireNonNull(earliestDay, "earliestDay is required");
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("requestsPerMinute must be at least 1");
        }
    }

    /** A reach whose prices are as traded. */
    public ProviderReach(boolean marketDays, boolean adjustedValues, Optional<LocalDate> earliestDay,
            int requestsPerMinute) {
        this(marketDays, adjustedValues, earliestDay, requestsPerMinute, false);
    }

    /** This reach, with prices adjusted for splits or not. */
    public ProviderReach withSplitAdjustedPrices(boolean adjusted) {
        return new ProviderReach(marketDays, adjustedValues, earliestDay, requestsPerMinute, adjusted);
    }

    /** A provider that answers one symbol per request, with adjusted values or not, as fast as asked. */
    public static ProviderReach perSymbol(boolean adjustedValues, int requestsPerMinute) {
        return new ProviderReach(false, adjustedValues, Optional.empty(), requestsPerMinute);
    }
}
