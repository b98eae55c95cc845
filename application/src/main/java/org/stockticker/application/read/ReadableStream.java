package org.stockticker.application.read;

import java.util.Objects;
import java.util.Optional;
import org.stockticker.domain.StreamDefinition;

/**
 * A stream the read engine can read: its definition, where its records come from a symbol at a time and, where the
 * provider answers that, a whole market day at a time, and, for streams whose synced records can change afterwards,
 * the rule that says when to read a symbol's history again.
 *
 * @param <R> the stream's records
 */
public record ReadableStream<R>(StreamDefinition<R> definition, RecordSource<R> source, Optional<DaySource<R>> days,
        Optional<RereadRule<R>> reread) {

    public ReadableStream {
        Objects.requireNonNull(definition, "definition is required");
        Objects.requireNonNull(source, "source is required");
        Objects.requireNonNull(days, "days is required");
        Objects.requireNonNull(reread, "reread is required");
    }

    /** A stream whose records come a symbol at a time only. */
    public ReadableStream(StreamDefinition<R> definition, RecordSource<R> source, Optional<RereadRule<R>> reread) {
        this(definition, source, Optional.empty(), reread);
    }

    public String name() {
        return definition.name();
    }
}
