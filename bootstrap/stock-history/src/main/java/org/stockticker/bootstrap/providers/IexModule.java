package org.stockticker.bootstrap.providers;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import java.time.Clock;
import org.stockticker.adapters.iex.IexPriceProvider;
import org.stockticker.adapters.provider.NetworkSettings;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.ProviderConfig;

/** The IEX Cloud provider, over Feign with retries and a request budget. */
@Module
public interface IexModule {

    @Provides
    @IntoMap
    @StringKey("iex")
    static PriceProviderPort iex(ProviderConfig config, Clock clock) {
        NetworkSettings settings = IexPriceProvider.settings(config);
        return new IexPriceProvider(settings, settings.httpPolicy(), clock);
    }
}
