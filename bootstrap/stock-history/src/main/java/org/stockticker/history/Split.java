package org.stockticker.history;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;

/**
 * A stock split: {@code splitFrom} shares before became {@code splitTo} shares after (1 and 4 for a 4-for-1 split,
 * 10 and 1 for a 1-for-10 reverse split).
 *
 * @param symbol the ticker symbol, upper case
 * @param executionDate the first trading day at the new share count
 * @param splitFrom the shares before, exact and positive
 * @param splitTo the shares after, exact and positive
 */
public record Split(String symbol, LocalDate executionDate, BigDecimal splitFrom, BigDecimal splitTo) {

    /**
     * What each price before the split is multiplied by to compare with prices after it: {@code splitFrom / splitTo}
     * (0.25 for a 4-for-1 split), to 34 significant digits.
     *
     * @return the price factor of this split
     */
    public BigDecimal priceFactor() {
        return splitFrom.divide(splitTo, MathContext.DECIMAL128);
    }
}
