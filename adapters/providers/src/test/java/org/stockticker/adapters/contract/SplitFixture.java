package org.stockticker.adapters.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

/**
 * One split of the contract's data, its ratio written exactly as a provider's stub must send it: {@code splitFrom}
 * old shares became {@code splitTo} new ones on {@code executionDate}.
 */
public record SplitFixture(LocalDate executionDate, String splitFrom, String splitTo) {

    /** The 1-for-10 reverse split of {@link #ACME_SPLITS}. */
    public static final SplitFixture REVERSE = new SplitFixture(LocalDate.of(2023, 3, 1), "10", "1");

    /**
     * The splits of one symbol over twenty years, ascending: forward splits, a 5% stock dividend (1 into 1.05) and a
     * 1-for-10 reverse split.
     */
    public static final List<SplitFixture> ACME_SPLITS = List.of(
            new SplitFixture(LocalDate.of(2005, 2, 28), "1", "2"),
            new SplitFixture(LocalDate.of(2014, 6, 9), "1", "7"),
            new SplitFixture(LocalDate.of(2020, 8, 31), "1", "4"),
            new SplitFixture(LocalDate.of(2021, 5, 3), "1", "1.05"),
            REVERSE);

    /** The split as the domain holds it, for {@code symbol}. */
    public Split toSplit(Symbol symbol) {
        return new Split(symbol, executionDate, new BigDecimal(splitFrom), new BigDecimal(splitTo));
    }
}
