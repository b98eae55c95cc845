package org.stockticker.bootstrap;

import dagger.Module;
import dagger.Provides;
import java.util.List;
import org.stockticker.application.port.in.CheckConnectionUseCase;
import org.stockticker.application.port.in.ReadUseCase;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.ReadReportPort;
import org.stockticker.application.read.ReadableStream;
import org.stockticker.application.service.CheckConnectionService;
import org.stockticker.application.service.ReadService;

/** The use cases that talk to the provider: check and read. */
@Module
interface SyncUseCasesModule {

    @Provides
    static CheckConnectionUseCase check(PriceProviderPort provider) {
        return new CheckConnectionService(provider);
    }

    @Provides
    static ReadUseCase read(PriceProviderPort provider, List<ReadableStream<?>> streams, ReadReportPort report) {
        return new ReadService(provider.name(), streams, report, ReadService.DEFAULT_CHECKPOINT_INTERVAL);
    }
}
