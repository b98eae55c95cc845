package org.stockticker.adapters.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * What every {@link PriceProviderPort} adapter promises, proven against a stub that answers in the provider's own
 * shapes. An adapter that passes is interchangeable with the others: same bars for the same days, ascending, with
 * the provider's exact decimals. Network providers extend {@link NetworkPriceProviderContractTest}.
 */
public abstract class PriceProviderContractTest {

    protected static final Symbol ACME = new Symbol("ACME");
    protected static final Symbol UNKNOWN = new Symbol("ZZZZ");
    protected static final List<ContractBar> HISTORY = ContractBar.ACME_HISTORY;

    /** The adapter under test, talking to this test's stub. */
    protected abstract PriceProviderPort provider();

    /** Makes the stub serve {@code bars} of {@code symbol}, in the provider's own layout and order. */
    protected abstract void serve(Symbol symbol, List<ContractBar> bars);

    /** Makes the stub answer as the provider does for a symbol it does not know. */
    protected abstract void serveUnknown(Symbol symbol);

    /** Whether the provider reports an adjusted close in the same answer. */
    protected abstract boolean reportsAdjustedClose();

    @Test
    void answers_the_bars_of_the_window_ascending_with_the_providers_exact_decimals() {
        serve(ACME, HISTORY);

        List<DailyBar> bars = read(ACME, HISTORY.get(1).date(), HISTORY.get(6).date());

        assertSameBars(bars, HISTORY.subList(1, 7));
    }

    @Test
    void answers_no_bar_for_a_window_without_trading_days() {
        serve(ACME, HISTORY);

        assertThat(read(ACME, LocalDate.of(2020, 8, 29), LocalDate.of(2020, 8, 30))).isEmpty();
    }

    @Test
    void answers_the_one_bar_of_a_one_day_window() {
        serve(ACME, HISTORY);

        assertSameBars(read(ACME, HISTORY.get(5).date(), HISTORY.get(5).date()), HISTORY.subList(5, 6));
    }

    @Test
    void keeps_as_traded_prices_across_a_four_to_one_split() {
        serve(ACME, HISTORY);

        List<DailyBar> bars = read(ACME, LocalDate.of(2020, 8, 28), ContractBar.SPLIT_DAY);

        assertThat(bars).extracting(bar -> bar.close().toPlainString()).containsExactly("499.2300", "129.0400");
        assertSameBars(bars, HISTORY.subList(3, 5));
    }

    @Test
    void reports_a_symbol_it_does_not_know() {
        serveUnknown(UNKNOWN);

        assertThatThrownBy(() -> read(UNKNOWN, HISTORY.get(0).date(), HISTORY.get(7).date()))
                .isInstanceOf(UnknownSymbolException.class)
                .hasMessageContaining("ZZZZ");
    }

    @Test
    void verifies_a_known_symbol_and_refuses_an_unknown_one() {
        serve(ACME, HISTORY);
        serveUnknown(UNKNOWN);

        provider().verify(ACME);
        assertThatThrownBy(() -> provider().verify(UNKNOWN)).isInstanceOf(UnknownSymbolException.class);
    }

    @Test
    void tells_in_its_reach_whether_its_bars_carry_an_adjusted_close_beside_the_close() {
        assertThat(provider().reach().adjustedValues()).isEqualTo(reportsAdjustedClose());
    }

    /** The connector reads a few symbols ahead, each on a thread of its own: every adapter must serve that. */
    @Test
    void serves_several_symbols_read_at_once_on_several_threads() throws Exception {
        List<Symbol> symbols = List.of(ACME, new Symbol("BETA"), new Symbol("GAMMA"), new Symbol("DELTA"));
        symbols.forEach(symbol -> serve(symbol, HISTORY));
        LocalDate from = HISTORY.get(0).date();
        LocalDate to = HISTORY.get(HISTORY.size() - 1).date();
        ExecutorService threads = Executors.newFixedThreadPool(symbols.size());
        try {
            List<Future<List<DailyBar>>> reads = new ArrayList<>();
            for (Symbol symbol : symbols) {
                reads.add(threads.submit(() -> read(symbol, from, to)));
            }
            for (int i = 0; i < symbols.size(); i++) {
                Symbol symbol = symbols.get(i);
                assertThat(reads.get(i).get(30, TimeUnit.SECONDS)).as("the bars of %s", symbol)
                        .containsExactlyElementsOf(HISTORY.stream()
                                .map(bar -> bar.toDailyBar(symbol, reportsAdjustedClose())).toList());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    protected List<DailyBar> read(Symbol symbol, LocalDate from, LocalDate to) {
        try (Stream<DailyBar> bars = provider().dailyBars(symbol, new DateWindow(from, to))) {
            return bars.filter(bar -> !bar.date().isBefore(from) && !bar.date().isAfter(to)).toList();
        }
    }

    protected void assertSameBars(List<DailyBar> actual, List<ContractBar> expected) {
        List<DailyBar> wanted = expected.stream().map(bar -> bar.toDailyBar(ACME, reportsAdjustedClose())).toList();
        // Records compare BigDecimals with equals, scale included: 499.2300 is not 499.23 here, on purpose.
        assertThat(actual).containsExactlyElementsOf(wanted);
    }
}
