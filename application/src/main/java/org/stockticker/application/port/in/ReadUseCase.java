package org.stockticker.application.port.in;

import java.util.Objects;
import org.stockticker.domain.ConfiguredCatalog;
import org.stockticker.domain.SyncSettings;
import org.stockticker.domain.SyncState;

/** Reads the configured streams, checkpointing as it goes, and tells how each read ended. */
public interface ReadUseCase {

    /**
     * Reads every stream of {@code command}'s catalog, in order.
     *
     * @throws org.stockticker.application.port.in.InvalidInputException before anything is read, when the catalog asks for
     *         a stream or sync mode the source does not offer
     */
    ReadOutcome read(ReadCommand command);

    /** What to read, from where earlier reads left off, and the signal that stops the read early. */
    record ReadCommand(SyncSettings settings, ConfiguredCatalog catalog, SyncState state, StopSignal stop) {

        public ReadCommand {
            Objects.requireNonNull(settings, "settings is required");
            Objects.requireNonNull(catalog, "catalog is required");
            Objects.requireNonNull(state, "state is required");
            Objects.requireNonNull(stop, "stop is required");
        }

        /** A read that nothing stops early. */
        public ReadCommand(SyncSettings settings, ConfiguredCatalog catalog, SyncState state) {
            this(settings, catalog, state, new StopSignal());
        }
    }
}
