package org.stockticker.bootstrap;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import javax.inject.Named;
import javax.inject.Singleton;
import org.stockticker.adapters.airbyte.AirbyteConnector;
import org.stockticker.adapters.airbyte.ProviderUseCases;
import org.stockticker.adapters.airbyte.output.AirbyteMessageWriter;
import org.stockticker.application.port.in.DiscoverUseCase;
import org.stockticker.application.port.out.ReadReportPort;
import org.stockticker.application.service.DiscoverService;

/** The Airbyte edge: the messages it writes, the use cases it drives, and the provider-bound ones it builds. */
@Module(subcomponents = SyncComponent.class)
interface AirbyteModule {

    @Provides
    @Singleton
    static AirbyteMessageWriter writer(@Named("stdout") OutputStream out, Clock clock) {
        return new AirbyteMessageWriter(out, clock);
    }

    @Binds
    ReadReportPort report(AirbyteMessageWriter writer);

    @Provides
    static DiscoverUseCase discover() {
        return new DiscoverService(StreamsModule.definitions());
    }

    @Provides
    static ProviderUseCases.Factory providers(SyncComponent.Factory sync) {
        return sync::create;
    }

    @Provides
    static AirbyteConnector connector(@Named("stdout") OutputStream out, @Named("stderr") PrintStream err,
            Clock clock, AirbyteMessageWriter writer, DiscoverUseCase discover, ProviderUseCases.Factory providers) {
        return new AirbyteConnector(out, err, clock, writer, discover, providers);
    }
}
