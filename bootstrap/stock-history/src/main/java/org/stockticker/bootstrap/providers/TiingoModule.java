package org.stockticker.bootstrap.providers;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import java.time.Clock;
import org.stockticker.adapters.provider.NetworkSettings;
import org.stockticker.adapters.tiingo.TiingoPriceProvider;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.ProviderConfig;

/** Tiingo end-of-day prices, over Feign with retries and a request budget; the key travels in a header. */
@Module
public interface TiingoModule {

    @Provides
    @IntoMap
    @StringKey("tiingo")
    static PriceProviderPort tiingo(ProviderConfig config, Clock clock) {
        NetworkSettings settings = TiingoPriceProvider.settings(config);
        return new TiingoPriceProvider(settings, settings.httpPolicy(), clock);
    }
}
