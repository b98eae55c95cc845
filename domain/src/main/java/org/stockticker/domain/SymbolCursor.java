package org.stockticker.domain;

import java.time.LocalDate;
import java.util.Objects;

/** How far one symbol has been read: every trading day up to and including {@code date} has been emitted. */
public record SymbolCursor(Symbol symbol, LocalDate date) {

    public SymbolCursor {
        Objects.requireNonNull(symbol, "symbol is required");
        Objects.requireNonNull(date, "cursor date is required");
    }
}
