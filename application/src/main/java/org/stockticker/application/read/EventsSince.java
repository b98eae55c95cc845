package org.stockticker.application.read;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.stockticker.application.port.out.CorporateActionsPort;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

/**
 * The symbols whose adjusted closes changed with a split or dividend after their cursor, from a provider that reads
 * each symbol's events without a request (local files): deciding costs nothing, and the estimate counts the re-read.
 */
public final class EventsSince implements HistoryChanges {

    private final CorporateActionsPort actions;

    public EventsSince(CorporateActionsPort actions) {
        if (!actions.readsEventsWithoutRequests()) {
            throw new IllegalArgumentException("provider " + actions.name() + " reads events with requests");
        }
        this.actions = actions;
    }

    @Override
    public Map<Symbol, String> since(Map<Symbol, LocalDate> cursors, LocalDate end) {
        Map<Symbol, String> changed = new TreeMap<>();
        cursors.forEach((symbol, cursor) -> DateWindow.between(cursor.plusDays(1), end)
                .flatMap(window -> firstSplit(symbol, window).or(() -> firstDividend(symbol, window)))
                .ifPresent(event -> changed.put(symbol, event + " changed its adjusted closes synced up to "
                        + cursor)));
        return changed;
    }

    private Optional<String> firstSplit(Symbol symbol, DateWindow window) {
        try (Stream<Split> splits = actions.splits(symbol, window)) {
            return splits.filter(split -> window.contains(split.executionDate())).findFirst()
                    .map(split -> "A split of " + symbol + " on " + split.executionDate() + " ("
                            + split.splitFrom().toPlainString() + " shares became " + split.splitTo().toPlainString()
                            + ")");
        }
    }

    private Optional<String> firstDividend(Symbol symbol, DateWindow window) {
        try (Stream<Dividend> dividends = actions.dividends(symbol, window)) {
            return dividends.filter(dividend -> window.contains(dividend.exDividendDate())).findFirst()
                    .map(dividend -> "A dividend of " + symbol + " of " + dividend.cashAmount().toPlainString()
                            + " a share, ex-dividend on " + dividend.exDividendDate());
        }
    }
}
