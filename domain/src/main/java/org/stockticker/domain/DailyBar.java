package org.stockticker.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One trading day of one symbol, prices exactly as the provider sent them.
 *
 * <p>{@code open}, {@code high}, {@code low}, {@code volume} and {@code adjustedClose} may be null where the
 * provider has no value; {@code close} never is. Prices are positive (no listing trades at zero, so a zero is a
 * provider's placeholder, not a price), volume is never negative, and {@code high} is never below {@code low}.
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
        if (price != null && price.signum() <= 0) {
            throw new IllegalArgumentException(field + " " + price.toPlainString() + " is not a positive price");
        }
    }
}
