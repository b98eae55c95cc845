package org.stockticker.application.read;

import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.stockticker.domain.DateWindow;

/**
 * Holds a source's records to the sync's promise: within the window, ascending, each day once. A cursor is only
 * correct if no later record can carry an earlier day, so a record out of order is dropped, never emitted.
 */
public final class CursorOrder {

    private CursorOrder() {
    }

    /** {@code records} within {@code window}, each day after the one before; {@code warn} hears of each dropped. */
    public static <R> Stream<R> ascendingWithin(Stream<R> records, DateWindow window, Function<R, LocalDate> dayOf,
            Function<R, ?> symbolOf, Consumer<String> warn) {
        LocalDate[] last = {null};
        return records.filter(record -> {
            LocalDate day = dayOf.apply(record);
            if (!window.contains(day)) {
                return false;
            }
            if (last[0] != null && !day.isAfter(last[0])) {
                warn.accept("Dropped the " + symbolOf.apply(record) + " record of " + day + ": it came after the"
                        + " record of " + last[0] + " (the provider's dates are out of order or repeated)");
                return false;
            }
            last[0] = day;
            return true;
        });
    }
}
