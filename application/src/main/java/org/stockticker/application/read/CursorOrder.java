package org.stockticker.application.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * Holds one partition's records to the sync's promise: within the window, ascending, each day once. A cursor is
 * only correct if no later record of the symbol carries an earlier day, so records that arrive out of order (a
 * provider answering newest first, or shuffled) are put in order, never dropped; a day that comes twice keeps its
 * first record. Each kind of fix is told once per partition, with a count. Memory holds one partition.
 *
 * @param <R> the stream's records
 */
public final class CursorOrder<R> {

    private final DateWindow window;
    private final Function<R, LocalDate> dayOf;
    private final List<R> records = new ArrayList<>();
    private LocalDate last;
    private boolean inOrder = true;

    public CursorOrder(DateWindow window, Function<R, LocalDate> dayOf) {
        this.window = window;
        this.dayOf = dayOf;
    }

    /** Takes {@code record}, unless its day is outside the window. */
    public void add(R record) {
        LocalDate day = dayOf.apply(record);
        if (!window.contains(day)) {
            return;
        }
        if (last != null && !day.isAfter(last)) {
            inOrder = false;
        } else {
            last = day;
        }
        records.add(record);
    }

    /** Whether every record so far came after the one before: then the records are a prefix of the history. */
    public boolean inOrder() {
        return inOrder;
    }

    /** The records taken, ascending by day, each day once; {@code warn} hears what had to be put in order. */
    public List<R> ascending(Symbol symbol, Consumer<String> warn) {
        if (inOrder) {
            return records;
        }
        // A stable sort keeps the first of two records of the same day ahead of the second.
        records.sort(Comparator.comparing(dayOf));
        List<R> unique = new ArrayList<>(records.size());
        int repeated = 0;
        LocalDate firstRepeated = null;
        for (R record : records) {
            LocalDate day = dayOf.apply(record);
            if (!unique.isEmpty() && dayOf.apply(unique.get(unique.size() - 1)).equals(day)) {
                repeated++;
                firstRepeated = firstRepeated == null ? day : firstRepeated;
                continue;
            }
            unique.add(record);
        }
        warn.accept("The provider sent the " + symbol + " records out of date order: " + unique.size()
                + " put in order" + (repeated == 0 ? "" : "; " + repeated + " repeated "
                + (repeated == 1 ? "day" : "days") + " dropped, keeping the first record of each (the first was "
                + firstRepeated + ")"));
        return unique;
    }
}
