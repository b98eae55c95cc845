package org.stockticker.application.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * Holds one partition's records to the sync's promise: within the window, ascending, each record once. A cursor is
 * only correct if no later record of the symbol carries an earlier day, so records that arrive out of order (a
 * provider answering newest first, or shuffled) are put in order, never dropped; a record that comes twice (the same
 * key: its day, and for a stream with several records a day, what tells them apart) keeps its first copy. Each kind
 * of fix is told once per partition, with a count. Memory holds one partition.
 *
 * @param <R> the stream's records
 */
public final class CursorOrder<R> {

    private final DateWindow window;
    private final Function<R, LocalDate> dayOf;
    private final Function<R, ?> keyOf;
    private final List<R> records = new ArrayList<>();
    private LocalDate last;
    private Object lastKey;
    private boolean inOrder = true;

    /** Records with one record a day at most: a record's day is its key. */
    public CursorOrder(DateWindow window, Function<R, LocalDate> dayOf) {
        this(window, dayOf, dayOf);
    }

    /** Records told apart by {@code keyOf}, which holds the day and whatever else tells a day's records apart. */
    public CursorOrder(DateWindow window, Function<R, LocalDate> dayOf, Function<R, ?> keyOf) {
        this.window = window;
        this.dayOf = dayOf;
        this.keyOf = keyOf;
    }

    /** Takes {@code record}, unless its day is outside the window. */
    public void add(R record) {
        LocalDate day = dayOf.apply(record);
        if (!window.contains(day)) {
            return;
        }
        Object key = keyOf.apply(record);
        if (last != null && (day.isBefore(last) || day.equals(last) && key.equals(lastKey))) {
            inOrder = false;
        } else {
            last = day;
            lastKey = key;
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
        Set<Object> seenToday = new HashSet<>();
        LocalDate today = null;
        for (R record : records) {
            LocalDate day = dayOf.apply(record);
            if (!day.equals(today)) {
                today = day;
                seenToday.clear();
            }
            if (!seenToday.add(keyOf.apply(record))) {
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
