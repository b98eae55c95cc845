package org.stockticker.domain;

import java.util.List;

/** The streams the source offers. */
public record Catalog(List<StreamDefinition<?>> streams) {

    public Catalog {
        streams = List.copyOf(streams);
    }

    /** The names of the streams, in the catalog's order. */
    public List<String> names() {
        return streams.stream().map(StreamDefinition::name).toList();
    }
}
