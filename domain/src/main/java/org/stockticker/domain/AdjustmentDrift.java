package org.stockticker.domain;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Tells whether a split or dividend happened between two bars of one symbol, from their adjusted closes.
 *
 * <p>A provider computes adjusted prices as of the day it answers: the ratio {@code adjusted_close / close} of a
 * bar is the product of the adjustments of every split and dividend after it. Two bars with the same ratio had no
 * such event between them; a different ratio means one happened, and every adjusted price before it, including
 * those synced earlier, has changed. Differences within the rounding of the prices as sent (judged by their
 * significant decimals, since some providers pad "181.99" to "181.9900"), plus a floor of 0.02% for providers
 * that round their own way, are not events: the smallest dividends are worth about 0.1%.
 */
public final class AdjustmentDrift {

    private static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final BigDecimal FLOOR = new BigDecimal("0.0002");

    private AdjustmentDrift() {
    }

    /** Whether {@code earlier} and {@code later} show a split or dividend between them; false if either lacks an adjusted close. */
    public static boolean between(DailyBar earlier, DailyBar later) {
        if (earlier.adjustedClose() == null || later.adjustedClose() == null) {
            return false;
        }
        BigDecimal before = ratio(earlier);
        BigDecimal after = ratio(later);
        BigDecimal tolerance = before.multiply(roundingShare(earlier).add(FLOOR), PRECISION)
                .add(after.multiply(roundingShare(later), PRECISION));
        return before.subtract(after).abs().compareTo(tolerance) > 0;
    }

    private static BigDecimal ratio(DailyBar bar) {
        return bar.adjustedClose().divide(bar.close(), PRECISION);
    }

    /** The largest relative error that rounding the two prices to the digits sent can put into their ratio. */
    private static BigDecimal roundingShare(DailyBar bar) {
        return halfUnit(bar.adjustedClose()).divide(bar.adjustedClose(), PRECISION)
                .add(halfUnit(bar.close()).divide(bar.close(), PRECISION));
    }

    private static BigDecimal halfUnit(BigDecimal price) {
        int decimals = Math.max(price.stripTrailingZeros().scale(), 0);
        return BigDecimal.ONE.scaleByPowerOfTen(-decimals).divide(BigDecimal.valueOf(2), PRECISION);
    }
}
