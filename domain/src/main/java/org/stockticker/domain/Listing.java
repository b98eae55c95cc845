package org.stockticker.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A listing of {@code symbol} as the provider knows it: the company or fund's name, the exchange it trades on (as
 * the provider names it: a MIC such as {@code XNAS}, or {@code NASDAQ}), its type ({@code CS} for common stock,
 * {@code ETF}, ...), its currency, whether it still trades, and the days it was listed and delisted where known.
 * Everything but the symbol and {@code active} may be unknown (null).
 */
public record Listing(Symbol symbol, String name, String exchange, String type, String currency, boolean active,
        LocalDate listDate, LocalDate delistedDate) {

    public Listing {
        Objects.requireNonNull(symbol, "symbol is required");
        if (listDate != null && delistedDate != null && delistedDate.isBefore(listDate)) {
            throw new IllegalArgumentException("delisted_date " + delistedDate + " is before list_date " + listDate);
        }
    }
}
