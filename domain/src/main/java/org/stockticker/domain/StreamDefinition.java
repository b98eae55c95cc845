package org.stockticker.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A stream the source offers: its records' fields, the fields that identify a record, the field that orders
 * them, and the sync modes it supports.
 */
public record StreamDefinition(
        String name,
        List<StreamField> fields,
        List<String> primaryKey,
        String cursorField,
        Set<SyncMode> syncModes) {

    public StreamDefinition {
        Objects.requireNonNull(name, "stream name is required");
        fields = List.copyOf(fields);
        primaryKey = List.copyOf(primaryKey);
        Objects.requireNonNull(cursorField, "cursor field is required");
        syncModes = Set.copyOf(syncModes);
        Set<String> names = new HashSet<>();
        for (StreamField field : fields) {
            if (!names.add(field.name())) {
                throw new IllegalArgumentException("stream " + name + " declares field " + field.name() + " twice");
            }
        }
        for (String key : primaryKey) {
            if (!names.contains(key)) {
                throw new IllegalArgumentException("primary key " + key + " is not a field of stream " + name);
            }
        }
        if (!names.contains(cursorField)) {
            throw new IllegalArgumentException("cursor field " + cursorField + " is not a field of stream " + name);
        }
        if (syncModes.isEmpty()) {
            throw new IllegalArgumentException("stream " + name + " supports no sync mode");
        }
    }

    public boolean supports(SyncMode mode) {
        return syncModes.contains(mode);
    }
}
