package org.stockticker.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/** However long a history, a symbol read ahead holds a bounded number of bars until the writer takes them. */
class ReadAheadTest {

    private static final Symbol ENDLESS = new Symbol("ENDLESS");
    private static final DateWindow WINDOW = new DateWindow(LocalDate.of(1900, 1, 1), LocalDate.of(2999, 12, 31));

    private final AtomicLong served = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final PriceProviderPort endless = new PriceProviderPort() {
        @Override
        public String name() {
            return "endless";
        }

        @Override
        public Stream<DailyBar> dailyBars(Symbol symbol, DateWindow window) {
            return Stream.iterate(window.from(), day -> day.plusDays(1))
                    .map(day -> {
                        served.incrementAndGet();
                        return new DailyBar(symbol, day, null, null, null, BigDecimal.ONE, 1L, null);
                    })
                    .onClose(() -> closed.set(true));
        }

        @Override
        public void verify(Symbol symbol) {
        }
    };

    @Test
    void a_symbol_not_yet_taken_stops_reading_at_its_buffer_and_is_closed_with_the_read_ahead() throws Exception {
        // The promise of the README: 4,096 bars a symbol, plus the chunk in the making.
        long bound = 4_096 + ReadAhead.CHUNK;
        try (ReadAhead ahead = new ReadAhead(endless, Map.of(ENDLESS, WINDOW), 2)) {
            // Wait until the reading thread stops, or for 5 s: an unbounded buffer would never stop.
            long before = -1;
            for (int round = 0; round < 25 && (served.get() != before || before <= 0); round++) {
                before = served.get();
                Thread.sleep(200);
            }

            assertThat(served.get()).isBetween(1L, bound);
        }
        assertThat(closed).isTrue();
    }

    @Test
    void taking_bars_lets_the_reading_go_on_in_order() {
        try (ReadAhead ahead = new ReadAhead(endless, Map.of(ENDLESS, WINDOW), 1);
                Stream<DailyBar> bars = ahead.bars(ENDLESS)) {
            assertThat(bars.limit(10_000).map(DailyBar::date).toList())
                    .startsWith(WINDOW.from(), WINDOW.from().plusDays(1))
                    .hasSize(10_000).isSorted();
        }
        assertThatThrownBy(() -> new ReadAhead(endless, Map.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_symbol_is_taken_once() {
        try (ReadAhead ahead = new ReadAhead(endless, Map.of(ENDLESS, WINDOW), 1)) {
            ahead.bars(ENDLESS).close();

            assertThatThrownBy(() -> ahead.bars(ENDLESS)).isInstanceOf(IllegalStateException.class);
        }
    }
}
