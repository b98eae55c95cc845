package org.stockticker.history;

import java.time.LocalDate;

/**
 * A symbol's listing as the provider knows it. Everything but the symbol and {@code active} may be unknown (null).
 *
 * @param symbol the ticker symbol, upper case
 * @param name the company or fund's name
 * @param exchange the exchange it trades on, as the provider names it (a MIC such as {@code XNAS}, or {@code NASDAQ})
 * @param type its type as the provider names it ({@code CS} for common stock, {@code ETF}, ...)
 * @param currency the ISO 4217 code of its prices
 * @param active whether it still trades
 * @param listDate the day it was listed
 * @param delistedDate the day it was delisted
 */
public record Listing(String symbol, String name, String exchange, String type, String currency, boolean active,
        LocalDate listDate, LocalDate delistedDate) {
}
