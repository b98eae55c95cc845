package org.stockticker.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The progress of a dated stream: one cursor per symbol, and optionally one cursor that stands for every symbol
 * without its own: the single-date states of older connector versions, and the progress of a whole-market read,
 * which reads every symbol day by day. A whole-market read stopped part way through a day leaves that day read for
 * the symbols up to and including one, in ascending order: the every-symbol cursor then stands at that day for those
 * symbols, and at the day before for the others.
 *
 * <p>Immutable. A cursor never moves backwards: {@link #advance} keeps the later of the two dates.
 */
public final class StreamState {

    private static final StreamState EMPTY = new StreamState(new TreeMap<>(), null, null);

    private final TreeMap<Symbol, LocalDate> cursors;
    private final LocalDate everySymbol;
    private final Symbol everySymbolThrough;

    private StreamState(TreeMap<Symbol, LocalDate> cursors, LocalDate everySymbol, Symbol everySymbolThrough) {
        this.cursors = cursors;
        this.everySymbol = everySymbol;
        this.everySymbolThrough = everySymbolThrough;
    }

    /** No symbol has been read. */
    public static StreamState empty() {
        return EMPTY;
    }

    /** A state with one cursor per symbol; a symbol may appear once only. */
    public static StreamState of(Collection<SymbolCursor> cursors) {
        TreeMap<Symbol, LocalDate> map = new TreeMap<>();
        for (SymbolCursor cursor : cursors) {
            Objects.requireNonNull(cursor, "cursor is required");
            if (map.put(cursor.symbol(), cursor.date()) != null) {
                throw new IllegalArgumentException("symbol " + cursor.symbol() + " has more than one cursor");
            }
        }
        return new StreamState(map, null, null);
    }

    /** A state whose one cursor applies to every symbol. */
    public static StreamState forEverySymbol(LocalDate date) {
        Objects.requireNonNull(date, "cursor date is required");
        return new StreamState(new TreeMap<>(), date, null);
    }

    /**
     * A state whose one cursor stands at {@code date} for the symbols up to and including {@code through}, and at
     * the day before for every other symbol: a day read part way, in ascending order of symbols.
     */
    public static StreamState forEverySymbolThrough(LocalDate date, Symbol through) {
        Objects.requireNonNull(date, "cursor date is required");
        Objects.requireNonNull(through, "through symbol is required");
        return new StreamState(new TreeMap<>(), date, through);
    }

    /** The date up to which {@code symbol} has been read, if it has. */
    public Optional<LocalDate> cursor(Symbol symbol) {
        LocalDate own = cursors.get(symbol);
        if (own != null || everySymbol == null) {
            return Optional.ofNullable(own);
        }
        return Optional.of(everySymbolThrough == null || symbol.compareTo(everySymbolThrough) <= 0
                ? everySymbol : everySymbol.minusDays(1));
    }

    /**
     * This state with every symbol read through {@code day}, unless the every-symbol cursor already stands later;
     * for the whole-market read, after a day's records.
     */
    public StreamState everySymbolReadThrough(LocalDate day) {
        Objects.requireNonNull(day, "cursor date is required");
        if (everySymbol != null && (everySymbol.isAfter(day) || everySymbol.equals(day) && everySymbolThrough == null)) {
            return this;
        }
        return new StreamState(cursors, day, null);
    }

    /**
     * This state with {@code day} read for the symbols up to and including {@code through}, and every day before
     * it for all symbols, unless the every-symbol cursor already covers that; for the whole-market read, part way
     * through a day.
     */
    public StreamState everySymbolReadThrough(LocalDate day, Symbol through) {
        Objects.requireNonNull(day, "cursor date is required");
        Objects.requireNonNull(through, "through symbol is required");
        if (everySymbol != null && (everySymbol.isAfter(day) || everySymbol.equals(day)
                && (everySymbolThrough == null || everySymbolThrough.compareTo(through) >= 0))) {
            return this;
        }
        return new StreamState(cursors, day, through);
    }

    /**
     * This state with each symbol's cursor moved to its date in {@code latest}, unless it already stands later: the
     * cursors of several symbols at once.
     */
    public StreamState advanceAll(Map<Symbol, LocalDate> latest) {
        TreeMap<Symbol, LocalDate> next = null;
        for (Map.Entry<Symbol, LocalDate> entry : latest.entrySet()) {
            Symbol symbol = Objects.requireNonNull(entry.getKey(), "symbol is required");
            LocalDate date = Objects.requireNonNull(entry.getValue(), "cursor date is required");
            LocalDate current = cursor(symbol).orElse(null);
            LocalDate kept = current != null && current.isAfter(date) ? current : date;
            if (!kept.equals(cursors.get(symbol))) {
                if (next == null) {
                    next = new TreeMap<>(cursors);
                }
                next.put(symbol, kept);
            }
        }
        return next == null ? this : new StreamState(next, everySymbol, everySymbolThrough);
    }

    /** This state with {@code symbol}'s cursor at {@code date}, unless it already stands later. */
    public StreamState advance(Symbol symbol, LocalDate date) {
        Objects.requireNonNull(symbol, "symbol is required");
        Objects.requireNonNull(date, "cursor date is required");
        LocalDate current = cursor(symbol).orElse(null);
        LocalDate kept = current != null && current.isAfter(date) ? current : date;
        if (kept.equals(cursors.get(symbol))) {
            return this;
        }
        TreeMap<Symbol, LocalDate> next = new TreeMap<>(cursors);
        next.put(symbol, kept);
        return new StreamState(next, everySymbol, everySymbolThrough);
    }

    /**
     * This state with a cursor of its own for each of {@code symbols} that the every-symbol cursor covers, so
     * that the state can be written per symbol without losing that cursor.
     */
    public StreamState expandedTo(Collection<Symbol> symbols) {
        if (everySymbol == null) {
            return this;
        }
        TreeMap<Symbol, LocalDate> next = new TreeMap<>(cursors);
        for (Symbol symbol : symbols) {
            next.putIfAbsent(symbol, cursor(symbol).orElseThrow());
        }
        return new StreamState(next, null, null);
    }

    /** This state with the cursors of {@code symbols} only: those of other symbols are dropped. */
    public StreamState retainOnly(Collection<Symbol> symbols) {
        TreeMap<Symbol, LocalDate> kept = new TreeMap<>(cursors);
        kept.keySet().retainAll(Set.copyOf(symbols));
        return kept.size() == cursors.size() ? this : new StreamState(kept, everySymbol, everySymbolThrough);
    }

    /** The per-symbol cursors, ordered by symbol. */
    public List<SymbolCursor> cursors() {
        return cursors.entrySet().stream().map(e -> new SymbolCursor(e.getKey(), e.getValue())).toList();
    }

    /** The cursor that stands for every symbol without its own, if any. */
    public Optional<LocalDate> everySymbolCursor() {
        return Optional.ofNullable(everySymbol);
    }

    /** The symbol up to which the every-symbol cursor's day was read, when that day was read part way. */
    public Optional<Symbol> everySymbolThrough() {
        return Optional.ofNullable(everySymbolThrough);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamState that && cursors.equals(that.cursors)
                && Objects.equals(everySymbol, that.everySymbol)
                && Objects.equals(everySymbolThrough, that.everySymbolThrough);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cursors, everySymbol, everySymbolThrough);
    }

    @Override
    public String toString() {
        return "StreamState" + Map.copyOf(cursors) + (everySymbol == null ? "" : " every symbol: " + everySymbol)
                + (everySymbolThrough == null ? "" : " through " + everySymbolThrough);
    }
}
