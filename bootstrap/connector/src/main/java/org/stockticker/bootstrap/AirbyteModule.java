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
import org.stockticker.application.port.out.ProviderConfig;
import org.stockticker.application.port.out.ReadReportPort;
import org.stockticker.application.service.DiscoverService;
import org.stockticker.domain.Catalog;

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

    /**
     * The catalog of every stream the connector knows, whichever provider serves it, made when it is asked for: the
     * streams whose states a {@code --state} file may hold. The streams' definitions (and the lambdas in them) stay
     * unloaded in every other command, which keeps {@code spec} fast.
     */
    @Provides
    @Named("every stream")
    static DiscoverUseCase everyStream() {
        return new DiscoverOnDemand();
    }

    /** Discovers through a {@link DiscoverService} built on the first call. */
    final class DiscoverOnDemand implements DiscoverUseCase {

        @Override
        public Catalog discover() {
            return new DiscoverService(StreamsModule.definitions()).discover();
        }
    }

    @Provides
    static ProviderUseCases.Factory providers(SyncComponent.Factory sync) {
        return new SyncComponents(sync);
    }

    /** The provider-bound use cases, built by Dagger's subcomponent; a class rather than a lambda, for start-up. */
    final class SyncComponents implements ProviderUseCases.Factory {

        private final SyncComponent.Factory sync;

        SyncComponents(SyncComponent.Factory sync) {
            this.sync = sync;
        }

        @Override
        public ProviderUseCases forProvider(ProviderConfig provider) {
            return sync.create(provider);
        }
    }

    @Provides
    static AirbyteConnector connector(@Named("stdout") OutputStream out, @Named("stderr") PrintStream err,
            Clock clock, AirbyteMessageWriter writer, @Named("every stream") DiscoverUseCase everyStream,
            ProviderUseCases.Factory providers) {
        return new AirbyteConnector(out, err, clock, writer, everyStream, providers);
    }
}
