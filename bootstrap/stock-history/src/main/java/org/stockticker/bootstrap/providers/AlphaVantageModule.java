package org.stockticker.bootstrap.providers;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import java.time.Clock;
import org.stockticker.adapters.alphavantage.AlphaVantagePriceProvider;
import org.stockticker.adapters.provider.NetworkSettings;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.ProviderConfig;

/** Alpha Vantage daily prices, over Feign with retries and a request budget. */
@Module
public interface AlphaVantageModule {

    @Provides
    @IntoMap
    @StringKey("alpha_vantage")
    static PriceProviderPort alphaVantage(ProviderConfig config, Clock clock) {
        NetworkSettings settings = AlphaVantagePriceProvider.settings(config);
        return new AlphaVantagePriceProvider(settings, settings.httpPolicy(), clock);
    }
}
