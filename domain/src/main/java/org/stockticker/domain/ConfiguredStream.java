package org.stockticker.domain;

import java.util.Objects;

/** A stream the user chose to sync, and how. */
public record ConfiguredStream(String name, SyncMode syncMode) {

    public ConfiguredStream {
        Objects.requireNonNull(name, "stream name is required");
        Objects.requireNonNull(syncMode, "sync mode is required");
    }
}
