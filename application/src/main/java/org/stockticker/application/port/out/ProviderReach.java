package org.stockticker.application.port.out;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

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
 * @param requestsPerHour the most requests the provider is sent in a clock hour, where its plan counts them
 * @param requestsPerDay the most requests the provider is sent in a day, where its plan counts them: a plan that
 *     needs more takes several syncs
 */
public record ProviderReach(boolean marketDays, boolean adjustedValues, Optional<LocalDate> earliestDay,
        int requestsPerMinute, boolean splitAdjustedPrices, OptionalInt requestsPerHour, OptionalInt requestsPerDay) {

    /** No limit on how fast requests go, as for local files. */
    public static final int UNPACED = Integer.MAX_VALUE;

    public ProviderReach {
        Objects.requireNonNull(earliestDay, "earliestDay is required");
        Objects.requireNonNull(requestsPerHour, "requestsPerHour is required");
        Objects.requireNonNull(requestsPerDay, "requestsPerDay is required");
        if (requestsPerMinute < 1 || requestsPerHour.orElse(1) < 1 || requestsPerDay.orElse(1) < 1) {
            throw new IllegalArgumentException("a budget of requests must be at least 1");
        }
    }

    /** A reach whose prices are split-adjusted or not, without hourly or daily budgets. */
    public ProviderReach(boolean marketDays, boolean adjustedValues, Optional<LocalDate> earliestDay,
            int requestsPerMinute, boolean splitAdjustedPrices) {
        this(marketDays, adjustedValues, earliestDay, requestsPerMinute, splitAdjustedPrices, OptionalInt.empty(),
                OptionalInt.empty());
    }

    /** A reach whose prices are as traded. */
    public ProviderReach(boolean marketDays, boolean adjustedValues, Optional<LocalDate> earliestDay,
            int requestsPerMinute) {
        this(marketDays, adjustedValues, earliestDay, requestsPerMinute, false);
    }

    /** This reach, with prices adjusted for splits or not. */
    public ProviderReach withSplitAdjustedPrices(boolean adjusted) {
        return new ProviderReach(marketDays, adjustedValues, earliestDay, requestsPerMinute, adjusted,
                requestsPerHour, requestsPerDay);
    }

    /** This reach, with budgets of {@code perHour} requests a clock hour and {@code perDay} a day, where counted. */
    public ProviderReach withBudgets(OptionalInt perHour, OptionalInt perDay) {
        return new ProviderReach(marketDays, adjustedValues, earliestDay, requestsPerMinute, splitAdjustedPrices,
                perHour, perDay);
    }

    /** A provider that answers one symbol per request, with adjusted values or not, as fast as asked. */
    public static ProviderReach perSymbol(boolean adjustedValues, int requestsPerMinute) {
        return new ProviderReach(false, adjustedValues, Optional.empty(), requestsPerMinute);
    }
}
