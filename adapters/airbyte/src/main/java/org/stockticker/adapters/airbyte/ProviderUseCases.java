package org.stockticker.adapters.airbyte;

import org.stockticker.application.port.in.CheckConnectionUseCase;
import org.stockticker.application.port.in.DiscoverUseCase;
import org.stockticker.application.port.in.ReadUseCase;
import org.stockticker.application.port.out.ProviderConfig;

/** The use cases that talk to a price provider, built for the provider a configuration names. */
public interface ProviderUseCases {

    /** The catalog of the streams this provider serves, made without calling it. */
    DiscoverUseCase discover();

    CheckConnectionUseCase check();

    ReadUseCase read();

    /** Builds the use cases of one provider; an unknown provider or bad settings throw the application's errors. */
    @FunctionalInterface
    interface Factory {

        ProviderUseCases forProvider(ProviderConfig provider);
    }
}
