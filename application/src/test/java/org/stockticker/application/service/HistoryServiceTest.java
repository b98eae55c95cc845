package org.stockticker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stockticker.application.service.FakePriceProvider.Request;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

class LoadDailyBarsServiceTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final DateWindow MARCH = new DateWindow(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));

    private final FakePriceProvider provider = new FakePriceProvider();
    private final LoadDailyBarsService service = new LoadDailyBarsService(provider);

    private static DailyBar bar(int month, int day) {
        return new DailyBar(AAPL, LocalDate.of(2024, month, day), null, null, null, new BigDecimal("1.50"), null, null);
    }

    private List<LocalDate> dates() {
        try (Stream<DailyBar> bars = service.dailyBars(AAPL, MARCH)) {
            return bars.map(DailyBar::date).toList();
        }
    }

    @Test
    void asks_the_provider_for_the_symbol_and_window() {
        provider.with(AAPL, bar(3, 4), bar(3, 5));

        assertThat(dates()).containsExactly(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 5));
        assertThat(provider.requests()).containsExactly(new Request(AAPL, MARCH));
    }

    @Test
    void drops_bars_outside_the_window() {
        provider.sendingBarsOutsideTheWindow().with(AAPL, bar(2, 29), bar(3, 1), bar(3, 31), bar(4, 1));

        assertThat(dates()).containsExactly(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));
    }

    @Test
    void puts_bars_out_of_order_in_order_and_keeps_the_first_of_a_repeated_day() {
        provider.with(AAPL, bar(3, 4), bar(3, 6), bar(3, 5), bar(3, 6), bar(3, 7));

        assertThat(dates()).containsExactly(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 5),
                LocalDate.of(2024, 3, 6), LocalDate.of(2024, 3, 7));
    }

    @Test
    void asks_the_provider_when_the_result_is_first_used_and_closes_its_stream_after() {
        provider.with(AAPL, bar(3, 4));

        try (Stream<DailyBar> bars = service.dailyBars(AAPL, MARCH)) {
            assertThat(provider.requests()).isEmpty();

            assertThat(bars.toList()).hasSize(1);
            assertThat(provider.openStreams()).isZero();
        }
        assertThat(provider.requests()).containsExactly(new Request(AAPL, MARCH));
    }
}
