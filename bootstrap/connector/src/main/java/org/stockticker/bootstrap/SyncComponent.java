package org.stockticker.bootstrap;

import dagger.BindsInstance;
import dagger.Subcomponent;
import org.stockticker.adapters.airbyte.ProviderUseCases;
import org.stockticker.application.port.out.ProviderConfig;
import org.stockticker.bootstrap.providers.ProvidersModule;

/** The commands that talk to a price provider, built for the provider a configuration names. */
@Subcomponent(modules = {ProvidersModule.class, StreamsModule.class, SyncUseCasesModule.class})
interface SyncComponent extends ProviderUseCases {

    @Subcomponent.Factory
    interface Factory {
        SyncComponent create(@BindsInstance ProviderConfig provider);
    }
}
