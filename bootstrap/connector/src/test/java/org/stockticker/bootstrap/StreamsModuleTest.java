package org.stockticker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stockticker.application.port.out.CorporateActionsPort;
import org.stockticker.application.port.out.ListingsPort;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.ReadReportPort;
import org.stockticker.application.read.Partition;
import org.stockticker.application.read.ReadableStream;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Split;
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

    /** A provider of prices, corporate actions and listings, all empty. */
    private static final class EverythingProvider implements PriceProviderPort, CorporateActionsPort, ListingsPort {

        @Override
        public String name() {
            return "everything";
        }

        @Override
        public Stream<DailyBar> dailyBars(Symbol symbol, DateWindow window) {
            return Stream.empty();
        }

        @Override
        public void verify(Symbol symbol) {
        }

        @Override
        public Stream<Split> splits(Symbol symbol, DateWindow window) {
            return Stream.empty();
        }

        @Override
        public Stream<Dividend> dividends(Symbol symbol, DateWindow window) {
            return Stream.empty();
        }

        @Override
        public Listing listing(Symbol symbol) {
            return new Listing(symbol, null, null, null, null, true, null, null);
        }
    }

    @Test
    void a_provider_of_every_kind_of_data_serves_every_stream_the_connector_knows() {
        List<ReadableStream<?>> readable = StreamsModule.streams(new EverythingProvider(), report, Runnable::run);

        List<StreamDefinition<?>> read = readable.stream().<StreamDefinition<?>>map(ReadableStream::definition).toList();
        assertThat(read).isEqualTo(StreamsModule.definitions());
    }

    @Test
    void a_provider_of_prices_only_serves_the_price_stream_only() {
        List<ReadableStream<?>> readable = StreamsModule.streams(provider, report, Runnable::run);

        assertThat(readable).extracting(ReadableStream::name).containsExactly("stock_prices");
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
