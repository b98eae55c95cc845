package org.stockticker.bootstrap;

import dagger.Module;
import dagger.Provides;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.inject.Named;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.ReadReportPort;
import org.stockticker.application.read.AdjustedCloseDrift;
import org.stockticker.application.read.DaySource;
import org.stockticker.application.read.PriceDays;
import org.stockticker.application.read.PriceSource;
import org.stockticker.application.read.ReadAheadSource;
import org.stockticker.application.read.ReadableStream;
import org.stockticker.application.read.RecordSource;
import org.stockticker.application.read.RereadingSource;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.StockPrices;
import org.stockticker.domain.StreamDefinition;

/**
 * The streams the connector offers, each registered once here: its definition for {@code discover}, and for a read
 * its records' source, wrapped in the read-ahead and the re-read of broken answers.
 */
@Module
interface StreamsModule {

    /** The definitions of the streams below, for {@code discover}, which needs no provider. */
    static List<StreamDefinition<?>> definitions() {
        return List.of(StockPrices.STREAM);
    }

    @Provides
    static List<ReadableStream<?>> streams(PriceProviderPort provider, ReadReportPort report,
            @Named("read-ahead") Executor readAhead) {
        return List.of(prices(provider, report, readAhead));
    }

    private static ReadableStream<DailyBar> prices(PriceProviderPort provider, ReadReportPort report,
            Executor readAhead) {
        RecordSource<DailyBar> source = new RereadingSource<>(
                new ReadAheadSource<>(new PriceSource(provider), readAhead, ReadAheadModule.THREADS), DailyBar::date,
                provider.name(), report);
        Optional<DaySource<DailyBar>> days = provider.reach().marketDays()
                ? Optional.of(new PriceDays(provider)) : Optional.empty();
        return new ReadableStream<>(StockPrices.STREAM, source, days, Optional.of(new AdjustedCloseDrift()));
    }
}
