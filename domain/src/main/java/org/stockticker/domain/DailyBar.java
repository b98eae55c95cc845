package org.stockticker.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One trading day of one symbol, prices exactly as the provider sent them.
 *
 * <p>{@code open}, {@code high}, {@code low}, {@code volume} and {@code adjustedClose} may be null where the
 * provider has no value; {@code close} never is. Prices are positive (no listing trades at zero, so a zero is a
 * provider's placeholder, not a price), below {@link #MAX_PRICE}, with at most {@link #MAX_PRICE_DIGITS} significant
 * digits of which at most {@link #MAX_PRICE_SCALE} after the point (more than any exchange quotes, or any provider's
 * adjustment gives); volume is never negative, and {@code high} is never below {@code low}.
 */
public record DailyBar(
        Symbol symbol,
        LocalDate date,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        Long volume,
        BigDecimal adjustedClose) {

    /** Digits a price may have before the decimal point. */
    public static final int MAX_PRICE_INTEGER_DIGITS = 12;

    /** Prices are below a trillion: far above any listing's price, adjusted or not. */
    public static final BigDecimal MAX_PRICE = BigDecimal.TEN.pow(MAX_PRICE_INTEGER_DIGITS);

    /** Significant digits a price may have. */
    public static final int MAX_PRICE_DIGITS = 20;

    /** Digits a price may have after the decimal point. */
    public static final int MAX_PRICE_SCALE = 20;

    public DailyBar {
        Objects.requireNonNull(symbol, "symbol is required");
        Objects.requireNonNull(date, "date is required");
        Objects.requireNonNull(close, "close is required");
        requirePositive("open", open);
        requirePositive("high", high);
        requirePositive("low", low);
        requirePositive("close", close);
        requirePositive("adjusted_close", adjustedClose);
        if (volume != null && volume < 0) {
            throw new IllegalArgumentException("volume " + volume + " is negative");
        }
        if (high != null && low != null && high.compareTo(low) < 0) {
            throw new IllegalArgumentException("high " + high.toPlainString() + " is below low " + low.toPlainString());
        }
    }

    private static void requirePositive(String field, BigDecimal price) {
        if (price != null) {
            ExactAmounts.requirePositive(field, price, "price");
        }
    }

}
