package org.stockticker.application.read;

import java.util.Objects;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/** One symbol's records over a window of days: what one request of a source covers. */
public record Partition(Symbol symbol, DateWindow window) {

    public Partition {
        Objects.requireNonNull(symbol, "symbol is required");
        Objects.requireNonNull(window, "window is required");
    }
}
