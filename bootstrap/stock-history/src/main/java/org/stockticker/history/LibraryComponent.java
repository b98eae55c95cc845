package org.stockticker.history;

import dagger.BindsInstance;
import dagger.Component;
import java.time.Clock;
import org.stockticker.application.port.in.HistoryUseCase;
import org.stockticker.application.port.out.ProviderConfig;
import org.stockticker.bootstrap.providers.ProvidersModule;

/** The library's object graph: one provider and the history it serves, with no Airbyte in it. */
@Component(modules = {ProvidersModule.class, LibraryModule.class})
interface LibraryComponent {

    HistoryUseCase history();

    @Component.Factory
    interface Factory {
        LibraryComponent create(@BindsInstance ProviderConfig provider, @BindsInstance Clock clock);
    }
}
