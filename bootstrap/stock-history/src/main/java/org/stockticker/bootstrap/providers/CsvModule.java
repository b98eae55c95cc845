package org.stockticker.bootstrap.providers;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import org.stockticker.adapters.csv.CsvPriceProvider;
import org.stockticker.adapters.csv.CsvSettings;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.ProviderConfig;

/** Local CSV files: no network, no key. */
@Module
public interface CsvModule {

    @Provides
    @IntoMap
    @StringKey("csv")
    static PriceProviderPort csv(ProviderConfig config) {
        return new CsvPriceProvider(CsvSettings.from(config));
    }
}
