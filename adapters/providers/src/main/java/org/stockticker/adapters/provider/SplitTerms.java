package org.stockticker.adapters.provider;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The two whole-number terms of a split that a provider gives as one factor: {@code from} shares before became
 * {@code to} shares after, in lowest terms, whose ratio is exactly the factor as sent. A factor of 1.5 new shares per
 * old one is 2 → 3, and 0.5 is 2 → 1; the price factor 0.25 is 1 → 4.
 *
 * @param from shares before the split, a positive whole number
 * @param to shares after the split, a positive whole number
 */
public record SplitTerms(BigInteger from, BigInteger to) {

    /**
     * The most digits, and the most places after the point, of a factor that is turned into terms; a longer one is
     * no split ratio, and its terms could run to any length.
     */
    private static final int MAX_FACTOR_DIGITS = 20;

    public SplitTerms {
        if (from.signum() <= 0 || to.signum() <= 0) {
            throw new IllegalArgumentException("split terms " + from + " and " + to + " are not both positive");
        }
    }

    /**
     * The terms whose {@code to / from} is exactly {@code sharesFactor}, the new shares per old share (2.0 for a
     * 2-for-1 split, 0.5 for a 1-for-2 reverse split).
     *
     * @throws IllegalArgumentException when the factor is not positive or has too many digits to be a split ratio
     */
    public static SplitTerms ofSharesFactor(BigDecimal sharesFactor) {
        BigInteger[] fraction = lowestTerms("split factor", sharesFactor);
        return new SplitTerms(fraction[1], fraction[0]);
    }

    /**
     * The terms whose {@code from / to} is exactly {@code priceFactor}, what prices before the split are multiplied
     * by (0.25 for a 4-for-1 split, 10 for a 1-for-10 reverse split).
     *
     * @throws IllegalArgumentException when the factor is not positive or has too many digits to be a split ratio
     */
    public static SplitTerms ofPriceFactor(BigDecimal priceFactor) {
        BigInteger[] fraction = lowestTerms("split ratio", priceFactor);
        return new SplitTerms(fraction[0], fraction[1]);
    }

    /** The larger of the two terms. */
    public BigInteger largest() {
        return from.max(to);
    }

    /** {@link #from} as the exact number a {@link org.stockticker.domain.Split} holds. */
    public BigDecimal splitFrom() {
        return new BigDecimal(from);
    }

    /** {@link #to} as the exact number a {@link org.stockticker.domain.Split} holds. */
    public BigDecimal splitTo() {
        return new BigDecimal(to);
    }

    /** {@code value} as numerator and denominator in lowest terms; both positive. */
    private static BigInteger[] lowestTerms(String noun, BigDecimal value) {
        // Checked from precision and scale alone, before anything writes the value out or raises ten to its scale.
        if (value.precision() > MAX_FACTOR_DIGITS || Math.abs(value.scale()) > MAX_FACTOR_DIGITS) {
            throw new IllegalArgumentException(noun + " " + BarSkipRules.shown(value) + " is out of range");
        }
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(noun + " " + value.toPlainString() + " is not positive");
        }
        BigInteger numerator = value.unscaledValue();
        BigInteger denominator = BigInteger.ONE;
        if (value.scale() > 0) {
            denominator = BigInteger.TEN.pow(value.scale());
        } else {
            numerator = numerator.multiply(BigInteger.TEN.pow(-value.scale()));
        }
        BigInteger common = numerator.gcd(denominator);
        return new BigInteger[] {numerator.divide(common), denominator.divide(common)};
    }
}
