package org.stockticker.bootstrap;

import dagger.Module;
import dagger.Provides;
import org.stockticker.application.port.in.CheckConnectionUseCase;
import org.stockticker.application.port.in.ReadPricesUseCase;
import org.stockticker.application.port.out.MessageSinkPort;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.service.CheckConnectionService;
import org.stockticker.application.service.ReadPricesService;

/** The use cases that talk to the provider: check and read. */
@Module
interface SyncUseCasesModule {

    @Provides
    static CheckConnectionUseCase check(PriceProviderPort provider, MessageSinkPort sink) {
        return new CheckConnectionService(provider, sink);
    }

    @Provides
    static ReadPricesUseCase read(PriceProviderPort provider, MessageSinkPort sink) {
        return new ReadPricesService(provider, sink);
    }
}
