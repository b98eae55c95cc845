package org.stockticker.application.port.in;

import org.stockticker.domain.SyncSettings;

/** Tells whether the configured provider, key and tickers work. */
public interface CheckConnectionUseCase {

    CheckResult check(SyncSettings settings);
}
