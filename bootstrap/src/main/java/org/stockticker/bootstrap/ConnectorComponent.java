package org.stockticker.bootstrap;

import dagger.BindsInstance;
import dagger.Component;
import java.time.Clock;
import javax.inject.Singleton;
import org.stockticker.adapters.airbyte.CatalogReader;
import org.stockticker.adapters.airbyte.ConfigReader;
import org.stockticker.adapters.airbyte.StateReader;
import org.stockticker.application.port.in.DiscoverUseCase;
import org.stockticker.application.port.in.SpecUseCase;
import org.stockticker.application.port.out.MessageSinkPort;

/** The connector's object graph: what every command needs; the provider-bound part is {@link SyncComponent}. */
@Singleton
@Component(modules = {AirbyteModule.class, CatalogUseCasesModule.class})
interface ConnectorComponent {

    SpecUseCase spec();

    DiscoverUseCase discover();

    ConfigReader configReader();

    CatalogReader catalogReader();

    StateReader stateReader();

    SyncComponent.Factory sync();

    @Component.Factory
    interface Factory {
        ConnectorComponent create(@BindsInstance MessageSinkPort sink, @BindsInstance Clock clock);
    }
}
