package org.stockticker.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * One symbol's daily bars back-adjusted by {@link BackAdjustment}, with what adjusted them.
 *
 * <p>{@code bars} ascend by date, with adjusted prices and volume; each one's {@code adjustedClose} is its adjusted
 * close. {@code priceFactors} and {@code splitFactors} hold one factor per bar, at the bar's index: what its
 * as-traded prices were multiplied by, and what its as-traded volume was divided by. {@code skippedDividends} are the
 * dividends that could not be applied, by ex-dividend date.
 */
public record AdjustedSeries(Adjustment adjustment, List<DailyBar> bars, List<BigDecimal> priceFactors,
        List<BigDecimal> splitFactors, List<SkippedDividend> skippedDividends) {

    public AdjustedSeries {
        Objects.requireNonNull(adjustment, "adjustment is required");
        bars = List.copyOf(Objects.requireNonNull(bars, "bars are required"));
        priceFactors = List.copyOf(Objects.requireNonNull(priceFactors, "price_factors are required"));
        splitFactors = List.copyOf(Objects.requireNonNull(splitFactors, "split_factors are required"));
        skippedDividends = List.copyOf(Objects.requireNonNull(skippedDividends, "skipped_dividends are required"));
        if (priceFactors.size() != bars.size() || splitFactors.size() != bars.size()) {
            throw new IllegalArgumentException("price_factors (" + priceFactors.size() + ") and split_factors ("
                    + splitFactors.size() + ") need one factor per bar (" + bars.size() + ")");
        }
    }

    /**
     * The part of this series within {@code window}: its bars and their factors; the skipped dividends stay whole,
     * since each of them is missing from every bar before it.
     */
    public AdjustedSeries within(DateWindow window) {
        Objects.requireNonNull(window, "window is required");
        List<Integer> inside = IntStream.range(0, bars.size()).filter(i -> window.contains(bars.get(i).date()))
                .boxed().toList();
        return new AdjustedSeries(adjustment, inside.stream().map(bars::get).toList(),
                inside.stream().map(priceFactors::get).toList(), inside.stream().map(splitFactors::get).toList(),
                skippedDividends);
    }

    /** A dividend left out of the adjustment, and why. */
    public record SkippedDividend(Dividend dividend, Reason reason) {

        public SkippedDividend {
            Objects.requireNonNull(dividend, "dividend is required");
            Objects.requireNonNull(reason, "reason is required");
        }

        /** Why a dividend could not be applied. */
        public enum Reason {

            /** Its ex-dividend date is on or before the first bar's day: no close before it to measure it against. */
            NO_EARLIER_BAR,

            /**
             * Its amount is at least the close before its ex-dividend date, which would make its factor zero or
             * negative: a provider's error, or a liquidation rather than a dividend.
             */
            AMOUNT_NOT_BELOW_CLOSE
        }
    }
}
