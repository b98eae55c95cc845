package org.stockticker.bootstrap.library;

import dagger.BindsInstance;
import dagger.Component;
import java.time.Clock;
import org.stockticker.application.port.in.HistoryUseCase;
import org.stockticker.application.port.out.ProviderConfig;
import org.stockticker.bootstrap.providers.ProvidersModule;

/**
 * The library's object graph: one provider and the history it serves, with no Airbyte in it. Public for the
 * library's facade in {@code org.stockticker.history}; not part of its API.
 */
@Component(modules = {ProvidersModule.class, LibraryModule.class})
public interface LibraryComponent {

    HistoryUseCase history();

    /** Builds the graph of one provider. */
    @Component.Factory
    interface Factory {
        LibraryComponent create(@BindsInstance ProviderConfig provider, @BindsInstance Clock clock);
    }
}
