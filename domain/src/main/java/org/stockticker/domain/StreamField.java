package org.stockticker.domain;

import java.util.Objects;

/** One field of a stream's records. */
public record StreamField(String name, FieldType type, boolean nullable) {

    public StreamField {
        Objects.requireNonNull(name, "field name is required");
        Objects.requireNonNull(type, "field type is required");
        if (name.isBlank()) {
            throw new IllegalArgumentException("field name is blank");
        }
    }
}
