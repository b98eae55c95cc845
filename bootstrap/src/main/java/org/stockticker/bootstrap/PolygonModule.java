package org.stockticker.bootstrap;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import java.time.Clock;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.polygon.PolygonPriceProvider;
import org.stockticker.adapters.polygon.PolygonSettings;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.ProviderConfig;

/** Polygon.io (Massive) daily aggregates, over Feign with retries and a rate limit. */
@Module
public interface PolygonModule {

    @Provides
    @IntoMap
    @StringKey("polygon")
    static PriceProviderPort polygon(ProviderConfig config, Clock clock) {
        PolygonSettings settings = PolygonSettings.from(config);
        return new PolygonPriceProvider(settings, HttpPolicy.defaults(settings.network().requestsPerMinute()), clock);
    }
}
