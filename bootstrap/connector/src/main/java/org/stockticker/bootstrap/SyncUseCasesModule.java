package org.stockticker.bootstrap;

import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import java.util.List;
import org.stockticker.application.port.in.CheckConnectionUseCase;
import org.stockticker.application.port.in.DiscoverUseCase;
import org.stockticker.application.port.in.ReadUseCase;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.ReadReportPort;
import org.stockticker.application.read.ReadPlanner;
import org.stockticker.application.read.ReadableStream;
import org.stockticker.application.service.CheckConnectionService;
import org.stockticker.application.service.DiscoverService;
import org.stockticker.application.service.ReadService;
import org.stockticker.domain.StreamDefinition;
import org.stockticker.domain.UsTradingCalendar;

/** The use cases of one provider: discover (the streams it serves), check and read. */
@Module
interface SyncUseCasesModule {

    /** The streams this provider serves: {@code discover} builds the provider, and never calls it. */
    @Provides
    static DiscoverUseCase discover(List<ReadableStream<?>> streams) {
        return new DiscoverService(streams.stream().<StreamDefinition<?>>map(ReadableStream::definition).toList());
    }

    @Provides
    static CheckConnectionUseCase check(PriceProviderPort provider, List<ReadableStream<?>> streams, Clock clock) {
        return new CheckConnectionService(provider, new UsTradingCalendar(), clock, streams.size());
    }

    @Provides
    static ReadUseCase read(PriceProviderPort provider, List<ReadableStream<?>> streams, ReadReportPort report,
            Clock clock) {
        return new ReadService(provider.name(), new ReadPlanner(provider.reach(), new UsTradingCalendar(), clock),
                streams, report, ReadService.DEFAULT_CHECKPOINT_INTERVAL);
    }
}
