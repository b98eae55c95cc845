package org.stockticker.application.read;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.stockticker.application.port.out.CorporateActionsPort;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

/**
 * The symbols whose split-adjusted prices changed with a split after their cursor, from a provider that lists every
 * symbol's splits since a day in one paged request: deciding costs no request per symbol.
 */
public final class SplitsSince implements HistoryChanges {

    private final CorporateActionsPort actions;

    public SplitsSince(CorporateActionsPort actions) {
        if (!actions.listsEverySymbolAtOnce()) {
            throw new IllegalArgumentException("provider " + actions.name() + " lists splits one symbol at a time");
        }
        this.actions = actions;
    }

    @Override
    public Map<Symbol, String> since(Map<Symbol, LocalDate> cursors, LocalDate end) {
        if (cursors.isEmpty()) {
            return Map.of();
        }
        LocalDate from = Collections.min(cursors.values()).plusDays(1);
        if (from.isAfter(end)) {
            return Map.of();
        }
        Map<Symbol, String> changed = new TreeMap<>();
        try (Stream<Split> splits = actions.splitsFrom(from)) {
            splits.forEach(split -> {
                LocalDate cursor = cursors.get(split.symbol());
                if (cursor != null && split.executionDate().isAfter(cursor) && !split.executionDate().isAfter(end)
                        && !changed.containsKey(split.symbol())) {
                    changed.put(split.symbol(), "A split of " + split.symbol() + " on " + split.executionDate() + " ("
                            + split.splitFrom().toPlainString() + " shares became " + split.splitTo().toPlainString()
                            + ") changed its split-adjusted prices synced up to " + cursor);
                }
            });
        }
        return changed;
    }
}
