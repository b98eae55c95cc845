package org.stockticker.bootstrap.library;

import dagger.Module;
import dagger.Provides;
import org.stockticker.application.port.in.LoadDailyBarsUseCase;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.service.LoadDailyBarsService;

/** The library's one use case: history for a symbol and window. */
@Module
interface LibraryModule {

    @Provides
    static LoadDailyBarsUseCase dailyBars(PriceProviderPort provider) {
        return new LoadDailyBarsService(provider);
    }
}
