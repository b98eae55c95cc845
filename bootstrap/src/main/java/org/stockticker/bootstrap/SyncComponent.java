package org.stockticker.bootstrap;

import dagger.BindsInstance;
import dagger.Subcomponent;
import org.stockticker.application.ProviderConfig;
import org.stockticker.application.port.in.CheckConnectionUseCase;
import org.stockticker.application.port.in.ReadPricesUseCase;

/** The commands that talk to a price provider, built for the provider a configuration names. */
@Subcomponent(modules = {ProvidersModule.class, SyncUseCasesModule.class})
interface SyncComponent {

    CheckConnectionUseCase check();

    ReadPricesUseCase read();

    @Subcomponent.Factory
    interface Factory {
        SyncComponent create(@BindsInstance ProviderConfig provider);
    }
}
