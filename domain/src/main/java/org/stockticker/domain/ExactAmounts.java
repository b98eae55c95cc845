package org.stockticker.domain;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The bounds of every exact amount the domain holds, prices, split ratios and dividends alike: positive, below
 * {@link DailyBar#MAX_PRICE}, with at most {@link DailyBar#MAX_PRICE_DIGITS} significant digits of which at most
 * {@link DailyBar#MAX_PRICE_SCALE} after the point. Checked before anything prints the value: an absurd exponent
 * would make a string of billions of digits.
 */
final class ExactAmounts {

    private ExactAmounts() {
    }

    /**
     * Refuses {@code value} of {@code field} unless it is a positive amount within the bounds.
     *
     * @param noun what the value is, for the message ("price", "split ratio")
     */
    static void requirePositive(String field, BigDecimal value, String noun) {
        if (value.precision() > DailyBar.MAX_PRICE_DIGITS || value.scale() > DailyBar.MAX_PRICE_SCALE
                || (long) value.precision() - value.scale() > DailyBar.MAX_PRICE_INTEGER_DIGITS) {
            throw new IllegalArgumentException(field + " " + shown(value) + " is out of range for a " + noun
                    + ": at most " + DailyBar.MAX_PRICE_DIGITS + " significant digits, " + DailyBar.MAX_PRICE_SCALE
                    + " after the point, below " + DailyBar.MAX_PRICE.toPlainString());
        }
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(field + " " + value.toPlainString() + " is not a positive " + noun);
        }
    }

    /** A value short enough to show whatever its exponent: scientific notation, cut to 30 characters. */
    private static String shown(BigDecimal value) {
        String text = value.round(new MathContext(DailyBar.MAX_PRICE_DIGITS)).toString();
        return text.length() > 30 ? text.substring(0, 30) + "..." : text;
    }
}
