package org.stockticker.bootstrap;

import dagger.Module;
import dagger.Provides;
import org.stockticker.application.port.in.DiscoverUseCase;
import org.stockticker.application.port.in.SpecUseCase;
import org.stockticker.application.port.out.MessageSinkPort;
import org.stockticker.application.service.DiscoverService;
import org.stockticker.application.service.SpecService;

/** The use cases that need no provider: spec and discover. */
@Module
interface CatalogUseCasesModule {

    @Provides
    static SpecUseCase spec(MessageSinkPort sink) {
        return new SpecService(sink);
    }

    @Provides
    static DiscoverUseCase discover(MessageSinkPort sink) {
        return new DiscoverService(sink);
    }
}
