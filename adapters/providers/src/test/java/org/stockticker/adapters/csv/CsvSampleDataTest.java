package org.stockticker.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

/**
 * The bundled sample in {@code examples/data}: its splits and dividends are the events its {@code Adj Close} folds
 * in, and {@code tickers.csv} lists its symbols.
 */
class CsvSampleDataTest {

    private static final Path SAMPLE = Path.of("../..", "examples", "data").toAbsolutePath().normalize();
    private static final DateWindow SAMPLE_YEARS = new DateWindow(LocalDate.of(2019, 1, 2), LocalDate.of(2024, 12, 31));
    /** The Adj Close column has 4 decimals, the closes 2: what they leave of the exact adjustment, relatively. */
    private static final BigDecimal ROUNDING = new BigDecimal("0.00001");

    private final CsvPriceProvider provider = new CsvPriceProvider(new CsvSettings(SAMPLE));

    @Test
    void aapl_splits_four_for_one_on_2020_08_31_and_no_other_symbol_splits() {
        assertThat(splits("AAPL")).containsExactly(new Split(new Symbol("AAPL"), LocalDate.of(2020, 8, 31),
                BigDecimal.ONE, new BigDecimal("4")));
        assertThat(Stream.of("MSFT", "IBM", "BRK.B").flatMap(symbol -> splits(symbol).stream())).isEmpty();
    }

    @Test
    void pays_quarterly_regular_dollar_dividends_except_brk_b() {
        assertThat(dividends("AAPL")).hasSize(24).first().isEqualTo(new Dividend(new Symbol("AAPL"),
                LocalDate.of(2019, 2, 11), new BigDecimal("0.77"), "USD", null, null, null, 4, "regular"));
        assertThat(dividends("MSFT")).hasSize(24).last().extracting(Dividend::exDividendDate, Dividend::cashAmount)
                .containsExactly(LocalDate.of(2024, 11, 11), new BigDecimal("0.71"));
        assertThat(dividends("IBM")).hasSize(24);
        assertThat(dividends("BRK.B")).isEmpty();
    }

    @Test
    void lists_the_four_symbols_as_active_common_stock_in_dollars() {
        assertThat(provider.listing(new Symbol("AAPL"))).isEqualTo(new Listing(new Symbol("AAPL"), "Apple Inc.",
                "XNAS", "CS", "USD", true, LocalDate.of(1980, 12, 12), null));
        assertThat(Stream.of("MSFT", "IBM", "BRK.B").map(symbol -> provider.listing(new Symbol(symbol))))
                .allSatisfy(listing -> {
                    assertThat(listing.name()).isNotBlank();
                    assertThat(listing.type()).isEqualTo("CS");
                    assertThat(listing.currency()).isEqualTo("USD");
                    assertThat(listing.active()).isTrue();
                });
    }

    /** Going back from the last day, each split divides the earlier closes, each dividend scales them. */
    @ParameterizedTest
    @ValueSource(strings = {"AAPL", "MSFT", "IBM", "BRK.B"})
    void its_splits_and_dividends_give_the_adjusted_closes_of_its_prices(String symbol) {
        List<DailyBar> bars;
        try (Stream<DailyBar> read = provider.dailyBars(new Symbol(symbol), SAMPLE_YEARS)) {
            bars = read.toList();
        }
        Map<LocalDate, BigDecimal> splitRatios = new HashMap<>();
        splits(symbol).forEach(split -> splitRatios.put(split.executionDate(), split.priceFactor()));
        Map<LocalDate, BigDecimal> amounts = new HashMap<>();
        dividends(symbol).forEach(dividend -> amounts.put(dividend.exDividendDate(), dividend.cashAmount()));

        BigDecimal factor = BigDecimal.ONE;
        for (int i = bars.size() - 1; i >= 0; i--) {
            DailyBar bar = bars.get(i);
            BigDecimal adjusted = bar.close().multiply(factor, MathContext.DECIMAL128);
            assertThat(adjusted.subtract(bar.adjustedClose()).abs()
                    .divide(bar.adjustedClose(), MathContext.DECIMAL128))
                    .as("%s on %s", symbol, bar.date()).isLessThan(ROUNDING);
            factor = factor.multiply(splitRatios.getOrDefault(bar.date(), BigDecimal.ONE), MathContext.DECIMAL128);
            BigDecimal dividend = amounts.get(bar.date());
            if (dividend != null) {
                BigDecimal previousClose = bars.get(i - 1).close();
                factor = factor.multiply(BigDecimal.ONE.subtract(dividend.divide(previousClose, MathContext.DECIMAL128)),
                        MathContext.DECIMAL128);
            }
        }
    }

    private List<Split> splits(String symbol) {
        try (Stream<Split> splits = provider.splits(new Symbol(symbol), SAMPLE_YEARS)) {
            return splits.toList();
        }
    }

    private List<Dividend> dividends(String symbol) {
        try (Stream<Dividend> dividends = provider.dividends(new Symbol(symbol), SAMPLE_YEARS)) {
            return dividends.toList();
        }
    }
}
