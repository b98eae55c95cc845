package org.stockticker.bootstrap;

import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import org.stockticker.adapters.airbyte.CatalogReader;
import org.stockticker.adapters.airbyte.ConfigReader;
import org.stockticker.adapters.airbyte.StateReader;

/** The Airbyte edge: the readers of the files the platform hands over. */
@Module
interface AirbyteModule {

    @Provides
    static ConfigReader configReader(Clock clock) {
        return new ConfigReader(clock);
    }

    @Provides
    static CatalogReader catalogReader() {
        return new CatalogReader();
    }

    @Provides
    static StateReader stateReader() {
        return new StateReader();
    }
}
