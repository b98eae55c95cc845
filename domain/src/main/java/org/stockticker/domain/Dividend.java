package org.stockticker.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * A cash dividend of {@code symbol}, identified by its ex-dividend date and its kind: {@code cashAmount} per share as
 * declared (not adjusted for later splits), in {@code currency} (an ISO 4217 code, or null where the provider does not
 * say), with the declaration, record and pay dates where known, {@code frequency} payments a year (0 for a one-off,
 * null where unknown), and {@code distributionType}, never null: {@value #REGULAR} unless the provider says
 * otherwise ({@code special}, {@code supplemental}, ...), lower case.
 */
public record Dividend(Symbol symbol, LocalDate exDividendDate, BigDecimal cashAmount, String currency,
        LocalDate declarationDate, LocalDate recordDate, LocalDate payDate, Integer frequency,
        String distributionType) {

    /** The distribution type of an ordinary, recurring dividend. */
    public static final String REGULAR = "regular";

    public Dividend {
        Objects.requireNonNull(symbol, "symbol is required");
        Objects.requireNonNull(exDividendDate, "ex_dividend_date is required");
        Objects.requireNonNull(cashAmount, "cash_amount is required");
        ExactAmounts.requirePositive("cash_amount", cashAmount, "cash amount");
        if (currency != null && !isCurrencyCode(currency)) {
            throw new IllegalArgumentException("currency '" + printable(currency) + "' is not an ISO 4217 code");
        }
        if (frequency != null && (frequency < 0 || frequency > 366)) {
            throw new IllegalArgumentException("frequency " + frequency + " is not a number of payments a year");
        }
        Objects.requireNonNull(distributionType, "distribution_type is required");
        if (!distributionType.matches("[a-z][a-z0-9_]{0,39}")) {
            throw new IllegalArgumentException("distribution_type '" + printable(distributionType)
                    + "' is not a lower-case word");
        }
    }

    /** Whether {@code code} is an ISO 4217 currency code, upper case, as {@link Currency} knows them. */
    public static boolean isCurrencyCode(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code text} as a distribution type: trimmed, lower case, spaces and dashes as underscores. */
    public static String distributionType(String text) {
        return text.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    private static String printable(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
