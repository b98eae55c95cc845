package org.stockticker.bootstrap.providers;

import dagger.Module;
import dagger.Provides;
import java.util.Map;
import java.util.TreeSet;
import javax.inject.Provider;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.ProviderConfig;

/**
 * Chooses the price provider by {@code provider.name}. Each provider's module adds one entry to the map; only the
 * chosen entry is ever built, so the other adapters cost nothing and need no settings.
 */
@Module(includes = {IexModule.class, PolygonModule.class, AlphaVantageModule.class, TiingoModule.class, CsvModule.class})
public interface ProvidersModule {

    @Provides
    static PriceProviderPort provider(ProviderConfig config, Map<String, Provider<PriceProviderPort>> providers) {
        Provider<PriceProviderPort> chosen = providers.get(config.name());
        if (chosen == null) {
            throw new InvalidInputException("provider.name '" + config.name() + "' is not one of: "
                    + String.join(", ", new TreeSet<>(providers.keySet())));
        }
        return chosen.get();
    }
}
