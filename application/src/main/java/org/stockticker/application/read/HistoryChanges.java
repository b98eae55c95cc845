package org.stockticker.application.read;

import java.time.LocalDate;
import java.util.Map;
import org.stockticker.domain.Symbol;

/**
 * Which symbols' records, synced up to their cursors, have changed since, and why: known from the events that
 * change them (a split changes every split-adjusted price before it), before anything is read, so that such a
 * symbol's history is read once, whole, and the estimate counts it.
 */
public interface HistoryChanges {

    /**
     * Of the symbols in {@code cursors}, those whose records up to their cursor changed with an event after it and
     * no later than {@code end}, each with a sentence saying which event, for the log.
     */
    Map<Symbol, String> since(Map<Symbol, LocalDate> cursors, LocalDate end);
}
