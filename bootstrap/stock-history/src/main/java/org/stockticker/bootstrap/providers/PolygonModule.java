package org.stockticker.bootstrap.providers;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import java.time.Clock;
import org.stockticker.adapters.polygon.PolygonPriceProvider;
import org.stockticker.adapters.polygon.PolygonSettings;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.ProviderConfig;

/**
 * Massive (formerly Polygon.io) daily aggregates, over Feign with retries and a request budget. {@code massive} and its
 * former name {@code polygon} build the same adapter, which names itself in records and messages as configured.
 */
@Module
public interface PolygonModule {

    @Provides
    @IntoMap
    @StringKey(PolygonPriceProvider.NAME)
    static PriceProviderPort massive(ProviderConfig config, Clock clock) {
        return build(config, clock);
    }

    @Provides
    @IntoMap
    @StringKey(PolygonPriceProvider.FORMER_NAME)
    static PriceProviderPort polygon(ProviderConfig config, Clock clock) {
        return build(config, clock);
    }

    private static PriceProviderPort build(ProviderConfig config, Clock clock) {
        PolygonSettings settings = PolygonSettings.from(config);
        return new PolygonPriceProvider(config.name(), settings,
                settings.network().httpPolicy(), clock);
    }
}
