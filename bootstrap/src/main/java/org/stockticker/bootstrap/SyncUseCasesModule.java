package org.stockticker.bootstrap;

import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import java.util.List;
import org.stockticker.application.port.in.CheckConnectionUseCase;
import org.stockticker.application.port.in.ReadUseCase;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.ReadReportPort;
import org.stockticker.application.read.ReadPlanner;
import org.stockticker.application.read.ReadableStream;
import org.stockticker.application.service.CheckConnectionService;
import org.stockticker.application.service.ReadService;
import org.stockticker.domain.UsTradingCalendar;

/** The use cases that talk to the provider: check and read. */
@Module
interface SyncUseCasesModule {

    @Provides
    static CheckConnectionUseCase check(PriceProviderPort provider, Clock clock) {
        return new CheckConnectionService(provider, new UsTradingCalendar(), clock);
    }

    @Provides
    static ReadUseCase read(PriceProviderPort provider, List<ReadableStream<?>> streams, ReadReportPort report,
            Clock clock) {
        return new ReadService(provider.name(), new ReadPlanner(provider.reach(), new UsTradingCalendar(), clock),
                streams, report, ReadService.DEFAULT_CHECKPOINT_INTERVAL);
    }
}
