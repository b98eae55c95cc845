package org.stockticker.application.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/** However long a history, a partition read ahead holds a bounded number of bars until the writer takes them. */
class ReadAheadSourceTest {

    private static final Symbol ENDLESS = new Symbol("ENDLESS");
    private static final DateWindow WINDOW = new DateWindow(LocalDate.of(1900, 1, 1), LocalDate.of(2999, 12, 31));

    private static final Partition PARTITION = new Partition(ENDLESS, WINDOW);

    private final AtomicLong served = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final RecordSource<DailyBar> endless = partition -> Stream.iterate(partition.window().from(),
                    day -> day.plusDays(1))
            .map(day -> {
                served.incrementAndGet();
                return new DailyBar(partition.symbol(), day, null, null, null, BigDecimal.ONE, 1L, null);
            })
            .onClose(() -> closed.set(true));
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void a_partition_not_yet_taken_stops_reading_at_its_buffer_and_is_closed_with_the_read_ahead() throws Exception {
        // The promise of the README: 4,096 bars a symbol, plus the chunk in the making.
        long bound = 4_096 + ReadAheadSource.CHUNK;
        try (RecordSource.Batch<DailyBar> ahead = new ReadAheadSource<>(endless, threads, 2).batch(List.of(PARTITION))) {
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
        try (RecordSource.Batch<DailyBar> ahead = new ReadAheadSource<>(endless, threads, 2).batch(List.of(PARTITION));
                Stream<DailyBar> bars = ahead.read(PARTITION)) {
            assertThat(bars.limit(10_000).map(DailyBar::date).toList())
                    .startsWith(WINDOW.from(), WINDOW.from().plusDays(1))
                    .hasSize(10_000).isSorted();
        }
    }

    @Test
    void a_partition_is_taken_once() {
        try (RecordSource.Batch<DailyBar> ahead = new ReadAheadSource<>(endless, threads, 2).batch(List.of(PARTITION))) {
            ahead.read(PARTITION).close();

            assertThatThrownBy(() -> ahead.read(PARTITION)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void starts_no_more_than_its_depth_beyond_the_partition_taken() throws Exception {
        List<Symbol> asked = new CopyOnWriteArrayList<>();
        RecordSource<DailyBar> small = partition -> {
            asked.add(partition.symbol());
            return Stream.of(new DailyBar(partition.symbol(), partition.window().from(), null, null, null,
                    BigDecimal.ONE, 1L, null));
        };
        List<Partition> partitions = IntStream.rangeClosed(1, 10)
                .mapToObj(i -> new Partition(new Symbol("S" + i), WINDOW)).toList();

        try (RecordSource.Batch<DailyBar> ahead = new ReadAheadSource<>(small, threads, 2).batch(partitions)) {
            Thread.sleep(300);
            assertThat(asked).as("asked before any was taken").hasSize(2);

            try (Stream<DailyBar> first = ahead.read(partitions.get(0))) {
                assertThat(first.toList()).hasSize(1);
            }
            Thread.sleep(300);
            assertThat(asked).as("asked once the first was taken").hasSize(3);
        }
    }
}
