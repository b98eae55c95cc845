package org.stockticker.history;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One trading day of one symbol. Prices are exact decimals as the provider sent them (or, from
 * {@link StockHistory#adjustedBars}, as adjusted); the date is the exchange's (New York) trading day.
 *
 * @param symbol the ticker symbol, upper case
 * @param date the trading day
 * @param open the first price of the day; null where the provider has none
 * @param high the highest price of the day; null where the provider has none
 * @param low the lowest price of the day; null where the provider has none
 * @param close the last price of the day; never null
 * @param volume the shares traded; null where the provider has none
 * @param adjustedClose the provider's own adjusted close where it sends one, or the adjusted close of an adjusted bar;
 *     else null
 */
public record Bar(String symbol, LocalDate date, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
        Long volume, BigDecimal adjustedClose) {
}
