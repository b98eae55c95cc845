package org.stockticker.adapters.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.Symbol;

/**
 * One trading day of the contract's data, prices written exactly as a provider's stub must send them: as-traded
 * open, high, low, close and volume, and the split- and dividend-adjusted close.
 */
public record ContractBar(
        LocalDate date, String open, String high, String low, String close, long volume, String adjustedClose) {

    /** The day {@link #ACME_HISTORY} splits 4:1: the as-traded prices drop to a quarter, the adjusted ones do not. */
    public static final LocalDate SPLIT_DAY = LocalDate.of(2020, 8, 31);

    /** Eight trading days of one symbol around a 4:1 split, ascending; decimals with trailing zeros on purpose. */
    public static final List<ContractBar> ACME_HISTORY = List.of(
            new ContractBar(LocalDate.of(2020, 8, 25), "498.7900", "500.7200", "492.2100", "499.3000", 52_990_000, "123.9100"),
            new ContractBar(LocalDate.of(2020, 8, 26), "504.7200", "507.9700", "500.3300", "506.0900", 40_755_600, "125.5900"),
            new ContractBar(LocalDate.of(2020, 8, 27), "508.5700", "509.9400", "495.3300", "500.0400", 38_888_100, "124.0900"),
            new ContractBar(LocalDate.of(2020, 8, 28), "504.0500", "505.7700", "498.3100", "499.2300", 46_907_500, "123.8900"),
            new ContractBar(SPLIT_DAY, "127.5800", "131.0000", "126.0000", "129.0400", 225_702_700, "128.0600"),
            new ContractBar(LocalDate.of(2020, 9, 1), "132.7600", "134.8000", "130.5300", "134.1800", 151_948_100, "133.1600"),
            new ContractBar(LocalDate.of(2020, 9, 2), "137.5900", "137.9800", "127.0000", "131.4000", 200_119_000, "130.4000"),
            new ContractBar(LocalDate.of(2020, 9, 3), "126.9100", "128.8400", "120.5000", "120.8800", 257_599_600, "119.9600"));

    /** The bar as the domain must hold it; the adjusted close only where the provider reports one. */
    public DailyBar toDailyBar(Symbol symbol, boolean withAdjustedClose) {
        return new DailyBar(symbol, date, new BigDecimal(open), new BigDecimal(high), new BigDecimal(low),
                new BigDecimal(close), volume, withAdjustedClose ? new BigDecimal(adjustedClose) : null);
    }
}
