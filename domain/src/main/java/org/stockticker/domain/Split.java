package org.stockticker.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A stock split of {@code symbol} that took effect on {@code executionDate}: {@code splitFrom} shares before became
 * {@code splitTo} shares after (1 and 4 for a 4-for-1 split, 10 and 1 for a 1-for-10 reverse split), both exact and
 * positive.
 */
public record Split(Symbol symbol, LocalDate executionDate, BigDecimal splitFrom, BigDecimal splitTo) {

    public Split {
        Objects.requireNonNull(symbol, "symbol is required");
        Objects.requireNonNull(executionDate, "execution_date is required");
        Objects.requireNonNull(splitFrom, "split_from is required");
        Objects.requireNonNull(splitTo, "split_to is required");
        ExactAmounts.requirePositive("split_from", splitFrom, "split ratio");
        ExactAmounts.requirePositive("split_to", splitTo, "split ratio");
    }

    /**
     * What each price before the split is multiplied by to compare with prices after it: {@code splitFrom / splitTo}
     * (0.25 for a 4-for-1 split), exact to {@link java.math.MathContext#DECIMAL128}.
     */
    public BigDecimal priceFactor() {
        return splitFrom.divide(splitTo, java.math.MathContext.DECIMAL128);
    }
}
