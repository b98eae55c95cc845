package org.stockticker.history;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A cash dividend, as declared (its amount is not adjusted for later splits).
 *
 * @param symbol the ticker symbol, upper case
 * @param exDividendDate the first trading day on which a buyer no longer receives it
 * @param cashAmount the amount per share, exact and positive
 * @param currency the ISO 4217 code of the amount; null where the provider does not say
 * @param declarationDate the day it was announced; null where unknown
 * @param recordDate the day a holder had to be on record; null where unknown
 * @param payDate the day it was paid; null where unknown
 * @param frequency payments a year (0 for a one-off); null where unknown
 * @param distributionType {@code regular} unless the provider says otherwise ({@code special}, {@code supplemental},
 *     ...), lower case, never null
 */
public record Dividend(String symbol, LocalDate exDividendDate, BigDecimal cashAmount, String currency,
        LocalDate declarationDate, LocalDate recordDate, LocalDate payDate, Integer frequency,
        String distributionType) {
}
