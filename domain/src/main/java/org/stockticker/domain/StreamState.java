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
 * The progress of the price stream: one cursor per symbol, and optionally one cursor that stands for every
 * symbol without its own (the single-date states of older connector versions).
 *
 * <p>Immutable. A cursor never moves backwards: {@link #advance} keeps the later of the two dates.
 */
public final class StreamState {

    private static final StreamState EMPTY = new StreamState(new TreeMap<>(), null);

    private final TreeMap<Symbol, LocalDate> cursors;
    private final LocalDate everySymbol;

    private StreamState(TreeMap<Symbol, LocalDate> cursors, LocalDate everySymbol) {
        this.cursors = cursors;
        this.everySymbol = everySymbol;
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
        return new StreamState(map, null);
    }

    /** A state whose one cursor applies to every symbol. */
    public static StreamState forEverySymbol(LocalDate date) {
        Objects.requireNonNull(date, "cursor date is required");
        return new StreamState(new TreeMap<>(), date);
    }

    /** The date up to which {@code symbol} has been read, if it has. */
    public Optional<LocalDate> cursor(Symbol symbol) {
        return Optional.ofNullable(cursors.getOrDefault(symbol, everySymbol));
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
        return new StreamState(next, everySymbol);
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
            next.putIfAbsent(symbol, everySymbol);
        }
        return new StreamState(next, null);
    }

    /** This state with the cursors of {@code symbols} only: those of other symbols are dropped. */
    public StreamState retainOnly(Collection<Symbol> symbols) {
        TreeMap<Symbol, LocalDate> kept = new TreeMap<>(cursors);
        kept.keySet().retainAll(Set.copyOf(symbols));
        return kept.size() == cursors.size() ? this : new StreamState(kept, everySymbol);
    }

    /** The per-symbol cursors, ordered by symbol. */
    public List<SymbolCursor> cursors() {
        return cursors.entrySet().stream().map(e -> new SymbolCursor(e.getKey(), e.getValue())).toList();
    }

    /** The cursor that stands for every symbol without its own, if any. */
    public Optional<LocalDate> everySymbolCursor() {
        return Optional.ofNullable(everySymbol);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamState that
                && cursors.equals(that.cursors) && Objects.equals(everySymbol, that.everySymbol);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cursors, everySymbol);
    }

    @Override
    public String toString() {
        return "StreamState" + Map.copyOf(cursors) + (everySymbol == null ? "" : " every symbol: " + everySymbol);
    }
}
