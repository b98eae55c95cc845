package org.stockticker.adapters.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Symbol;

/**
 * One dividend of the contract's data, its amount written exactly as a provider's stub must send it, and its
 * distribution type in the contract's words ({@code regular}, {@code special}), which a stub translates into the
 * provider's own (Massive's {@code recurring}, say).
 */
public record DividendFixture(LocalDate exDividendDate, String cashAmount, String currency,
        LocalDate declarationDate, LocalDate recordDate, LocalDate payDate, Integer frequency,
        String distributionType) {

    /** The day of {@link #ACME_DIVIDENDS} on which a special dividend goes ex beside the regular one. */
    public static final LocalDate SPECIAL_DAY = LocalDate.of(2024, 5, 10);

    /**
     * An amount with more digits than a {@code double} holds: read as a {@code double} anywhere on its way, it would
     * come out as 0.12345678901234568.
     */
    public static final String MANY_DECIMALS = "0.1234567890123456789";

    /**
     * A year of quarterly dividends of one symbol, ascending by ex-dividend date, with a special dividend going ex on
     * the same day as a regular one, and a regular one whose amount has many decimals.
     */
    public static final List<DividendFixture> ACME_DIVIDENDS = List.of(
            regular(LocalDate.of(2023, 11, 10), "0.24", LocalDate.of(2023, 11, 2)),
            regular(LocalDate.of(2024, 2, 9), "0.24", LocalDate.of(2024, 2, 1)),
            regular(SPECIAL_DAY, "0.25", LocalDate.of(2024, 5, 2)),
            new DividendFixture(SPECIAL_DAY, "1.00", "USD", LocalDate.of(2024, 5, 2), LocalDate.of(2024, 5, 13),
                    LocalDate.of(2024, 5, 16), 0, "special"),
            regular(LocalDate.of(2024, 8, 12), MANY_DECIMALS, LocalDate.of(2024, 8, 1)));

    /** A regular quarterly dividend in US dollars, recorded the next business day, paid a week after going ex. */
    private static DividendFixture regular(LocalDate exDate, String amount, LocalDate declared) {
        return new DividendFixture(exDate, amount, "USD", declared, exDate.plusDays(3), exDate.plusDays(6), 4,
                Dividend.REGULAR);
    }

    /** The dividend as the domain holds it, for {@code symbol}, every field known. */
    public Dividend toDividend(Symbol symbol) {
        return new Dividend(symbol, exDividendDate, new BigDecimal(cashAmount), currency, declarationDate, recordDate,
                payDate, frequency, distributionType);
    }
}
