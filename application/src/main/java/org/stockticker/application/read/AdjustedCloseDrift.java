package org.stockticker.application.read;

import java.time.LocalDate;
import org.stockticker.domain.AdjustmentDrift;
import org.stockticker.domain.DailyBar;

/**
 * Prices synced before changed when the adjusted close moved against the close between the cursor's day and the
 * newest bar: a split or dividend since, which the provider folded into every earlier adjusted close.
 */
public final class AdjustedCloseDrift implements RereadRule<DailyBar> {

    @Override
    public Watch<DailyBar> watch(LocalDate cursor) {
        return new Watch<>() {
            private DailyBar atCursor;
            private DailyBar newest;

            @Override
            public void saw(DailyBar bar) {
                if (bar.date().isAfter(cursor)) {
                    newest = bar;
                } else {
                    atCursor = bar;
                }
            }

            @Override
            public boolean changed() {
                return atCursor != null && newest != null && AdjustmentDrift.between(atCursor, newest);
            }

            @Override
            public String reason() {
                return "The adjusted closes of " + newest.symbol() + " changed since " + cursor
                        + " (a split or dividend)";
            }
        };
    }
}
