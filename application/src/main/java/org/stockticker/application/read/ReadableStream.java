package org.stockticker.application.read;

import java.util.Objects;
import java.util.Optional;
import org.stockticker.domain.StreamDefinition;

/**
 * A stream the read engine can read: its definition; where its records come from a symbol at a time, and, where the
 * provider answers that, a whole market day at a time ({@code days}) or every symbol at once ({@code everySymbol});
 * for streams whose synced records can change afterwards, the rule that says when to read a symbol's history again
 * (from what its records show, or from the events since, known before the read);
 * and how many records a symbol has per trading day, for the estimate.
 *
 * @param <R> the stream's records
 */
public record ReadableStream<R>(StreamDefinition<R> definition, RecordSource<R> source, Optional<DaySource<R>> days,
        Optional<EverySymbolSource<R>> everySymbol, Optional<RereadRule<R>> reread, Optional<HistoryChanges> changes,
        double recordsPerTradingDay) {

    public ReadableStream {
        Objects.requireNonNull(definition, "definition is required");
        Objects.requireNonNull(source, "source is required");
        Objects.requireNonNull(days, "days is required");
        Objects.requireNonNull(everySymbol, "everySymbol is required");
        Objects.requireNonNull(reread, "reread is required");
        Objects.requireNonNull(changes, "changes is required");
        if (!(recordsPerTradingDay >= 0)) {
            throw new IllegalArgumentException("recordsPerTradingDay must be zero or more");
        }
    }

    /** A stream whose records come a symbol at a time only, one per symbol and trading day. */
    public ReadableStream(StreamDefinition<R> definition, RecordSource<R> source, Optional<RereadRule<R>> reread) {
        this(definition, source, Optional.empty(), Optional.empty(), reread, Optional.empty(), 1);
    }

    /** A stream of one record per symbol and trading day, read a symbol or, where {@code days} is given, a day at a time. */
    public ReadableStream(StreamDefinition<R> definition, RecordSource<R> source, Optional<DaySource<R>> days,
            Optional<RereadRule<R>> reread) {
        this(definition, source, days, Optional.empty(), reread, Optional.empty(), 1);
    }

    /** This stream, whose records also come for every symbol at once from {@code everySymbol}. */
    public ReadableStream<R> withEverySymbol(EverySymbolSource<R> everySymbol) {
        return new ReadableStream<>(definition, source, days, Optional.of(everySymbol), reread, changes,
                recordsPerTradingDay);
    }

    /** This stream, with {@code everySymbol} as {@link #withEverySymbol} does when {@code listed}, else as it is. */
    public ReadableStream<R> withEverySymbolIf(boolean listed, EverySymbolSource<R> everySymbol) {
        return listed ? withEverySymbol(everySymbol) : this;
    }

    /** This stream, expecting {@code perTradingDay} records per symbol and trading day (events are rarer than days). */
    public ReadableStream<R> expecting(double perTradingDay) {
        return new ReadableStream<>(definition, source, days, everySymbol, reread, changes, perTradingDay);
    }

    /**
     * This stream, whose records synced before are known to have changed from {@code changes} (the events since),
     * rather than from its re-read rule.
     */
    public ReadableStream<R> withChanges(HistoryChanges changes) {
        return new ReadableStream<>(definition, source, days, everySymbol, reread, Optional.of(changes),
                recordsPerTradingDay);
    }

    public String name() {
        return definition.name();
    }
}
