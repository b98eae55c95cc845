package org.stockticker.bootstrap;

import dagger.BindsInstance;
import dagger.Component;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import javax.inject.Named;
import javax.inject.Singleton;
import org.stockticker.adapters.airbyte.AirbyteConnector;

/** The connector's object graph: the Airbyte edge; the provider-bound part is {@link SyncComponent}. */
@Singleton
@Component(modules = {AirbyteModule.class, ReadAheadModule.class})
interface ConnectorComponent {

    AirbyteConnector connector();

    @Component.Factory
    interface Factory {
        ConnectorComponent create(@BindsInstance @Named("stdout") OutputStream out,
                @BindsInstance @Named("stderr") PrintStream err, @BindsInstance Clock clock);
    }
}
