package org.stockticker.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The streams a read is asked for; each at most once. */
public record ConfiguredCatalog(List<ConfiguredStream> streams) {

    public ConfiguredCatalog {
        streams = List.copyOf(streams);
        Set<String> seen = new HashSet<>();
        for (ConfiguredStream stream : streams) {
            if (!seen.add(stream.name())) {
                throw new IllegalArgumentException("stream " + stream.name() + " is configured more than once");
            }
        }
    }
}
