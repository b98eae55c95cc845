package org.stockticker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.ReadReportPort;
import org.stockticker.application.read.Partition;
import org.stockticker.application.read.ReadableStream;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.StreamDefinition;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.Symbol;

class StreamsModuleTest {

    private final PriceProviderPort provider = new PriceProviderPort() {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public Stream<DailyBar> dailyBars(Symbol symbol, DateWindow window) {
            return Stream.empty();
        }

        @Override
        public void verify(Symbol symbol) {
        }
    };

    private final ReadReportPort report = new ReadReportPort() {
        @Override
        public <R> void record(StreamDefinition<R> stream, R record, String provider) {
        }

        @Override
        public void checkpoint(String stream, StreamState state, long recordCount) {
        }

        @Override
        public void status(String stream, StreamStatus status) {
        }

        @Override
        public void rateLimited(String stream, Instant until) {
        }

        @Override
        public void estimate(String stream, long rows) {
        }

        @Override
        public void log(LogLevel level, String message) {
        }
    };

    @Test
    void discover_offers_exactly_the_streams_a_read_can_read() {
        Executor direct = Runnable::run;

        List<ReadableStream<?>> readable = StreamsModule.streams(provider, report, direct);

        List<StreamDefinition<?>> read = readable.stream().<StreamDefinition<?>>map(ReadableStream::definition).toList();
        assertThat(read).isEqualTo(StreamsModule.definitions());
    }

    @Test
    void the_price_stream_reads_from_the_provider_through_its_decorators() {
        ReadableStream<?> prices = StreamsModule.streams(provider, report, Runnable::run).get(0);

        assertThat(prices.name()).isEqualTo("stock_prices");
        assertThat(prices.reread()).isPresent();
        assertThat(prices.source().read(new Partition(new Symbol("AAPL"),
                new DateWindow(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3))))).isEmpty();
    }
}
