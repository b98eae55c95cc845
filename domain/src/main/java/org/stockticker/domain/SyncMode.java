package org.stockticker.domain;

/** How a stream is read: everything in the configured window, or only what came after the saved cursors. */
public enum SyncMode {
    FULL_REFRESH,
    INCREMENTAL
}
