package org.stockticker.domain;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Where earlier reads left off: a state per stream, by the stream's name; a stream without one starts afresh. */
public record SyncState(Map<String, StreamState> streams) {

    private static final SyncState NONE = new SyncState(Map.of());

    public SyncState {
        streams = Map.copyOf(new TreeMap<>(streams));
    }

    /** No stream has been read. */
    public static SyncState none() {
        return NONE;
    }

    /** The state of {@code stream}, empty when it has none. */
    public StreamState of(String stream) {
        Objects.requireNonNull(stream, "stream is required");
        return streams.getOrDefault(stream, StreamState.empty());
    }
}
