package org.stockticker.application.port.in;

import org.stockticker.domain.SyncSettings;

/** Tells whether the configured provider, key and tickers work, in exactly one connection status. */
public interface CheckConnectionUseCase {

    /** Returns whether the check succeeded. */
    boolean check(SyncSettings settings);
}
