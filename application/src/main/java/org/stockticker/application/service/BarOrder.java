package org.stockticker.application.service;

import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;

/**
 * Holds a provider's bars to the sync's promise: within the window, ascending, each date once. A cursor is only
 * correct if no later record can carry an earlier date, so a bar out of order is dropped, never emitted.
 */
final class BarOrder {

    private BarOrder() {
    }

    static Stream<DailyBar> ascendingWithin(Stream<DailyBar> bars, DateWindow window, Consumer<String> warn) {
        LocalDate[] last = {null};
        return bars.filter(bar -> {
            if (!window.contains(bar.date())) {
                return false;
            }
            if (last[0] != null && !bar.date().isAfter(last[0])) {
                warn.accept("Dropped the " + bar.symbol() + " bar of " + bar.date() + ": it came after the bar of "
                        + last[0] + " (the provider's dates are out of order or repeated)");
                return false;
            }
            last[0] = bar.date();
            return true;
        });
    }
}
