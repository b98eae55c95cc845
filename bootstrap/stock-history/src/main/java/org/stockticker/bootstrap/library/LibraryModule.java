package org.stockticker.bootstrap.library;

import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockticker.application.port.in.HistoryUseCase;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.service.HistoryService;

/** The library's one use case, whose warnings (bars put in order, dividends left out) go to the SLF4J log. */
@Module
interface LibraryModule {

    @Provides
    static HistoryUseCase history(PriceProviderPort provider, Clock clock) {
        Logger log = LoggerFactory.getLogger("org.stockticker.history.StockHistory");
        return new HistoryService(provider, clock, log::warn);
    }
}
