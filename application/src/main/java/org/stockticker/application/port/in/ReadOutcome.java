package org.stockticker.application.port.in;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.stockticker.domain.Symbol;

/** How each stream of a read ended, in the catalog's order. */
public record ReadOutcome(List<StreamOutcome> streams) {

    public ReadOutcome {
        streams = List.copyOf(streams);
    }

    /** Whether every stream was read completely. */
    public boolean complete() {
        return streams.stream().allMatch(stream -> stream.failure().isEmpty());
    }

    /**
     * The failures, stream by stream; a cause that stopped several streams (a spent quota ends the whole read) once,
     * with the first stream it stopped.
     */
    public List<ReadFailure> failures() {
        Set<Throwable> causes = Collections.newSetFromMap(new IdentityHashMap<>());
        return streams.stream().flatMap(stream -> stream.failure().stream())
                .filter(failure -> causes.add(failure.cause()))
                .toList();
    }

    /** How the read of one stream ended: complete, or stopped by a failure after its last checkpoint. */
    public record StreamOutcome(String stream, Optional<ReadFailure> failure) {

        public StreamOutcome {
            Objects.requireNonNull(stream, "stream is required");
            Objects.requireNonNull(failure, "failure is required");
        }

        public static StreamOutcome complete(String stream) {
            return new StreamOutcome(stream, Optional.empty());
        }
    }

    /**
     * What stopped a stream: {@code cause}, raised while reading {@code symbol} (null when no one symbol was at
     * fault) from {@code provider}.
     */
    public record ReadFailure(String stream, Symbol symbol, String provider, Throwable cause) {

        public ReadFailure {
            Objects.requireNonNull(stream, "stream is required");
            Objects.requireNonNull(provider, "provider is required");
            Objects.requireNonNull(cause, "cause is required");
        }
    }
}
