package org.stockticker.domain;

import java.util.List;
import java.util.Optional;

/** The streams the source offers. */
public record Catalog(List<StreamDefinition<?>> streams) {

    public Catalog {
        streams = List.copyOf(streams);
    }

    public Optional<StreamDefinition<?>> stream(String name) {
        return streams.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The names of the streams, in the catalog's order. */
    public List<String> names() {
        return streams.stream().map(StreamDefinition::name).toList();
    }
}
