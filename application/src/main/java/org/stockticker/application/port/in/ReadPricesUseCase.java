package org.stockticker.application.port.in;

import java.util.Objects;
import org.stockticker.domain.ConfiguredCatalog;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.SyncSettings;

/** Reads the configured streams, checkpointing as it goes. */
public interface ReadPricesUseCase {

    /** Returns whether every configured stream was read completely. */
    boolean read(ReadCommand command);

    /** What to read, and from where a previous read left off. */
    record ReadCommand(SyncSettings settings, ConfiguredCatalog catalog, StreamState state) {

        public ReadCommand {
            Objects.requireNonNull(settings, "settings is required");
            Objects.requireNonNull(catalog, "catalog is required");
            Objects.requireNonNull(state, "state is required");
        }
    }
}
