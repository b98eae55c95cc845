package org.stockticker.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A stream the source offers: its records' fields, the fields that identify a record, the date field that orders
 * them and serves as the cursor (none for a stream read in full every time), how its reading is partitioned, and the
 * sync modes it supports.
 *
 * @param <R> the records of the stream
 */
public record StreamDefinition<R>(
        String name,
        List<StreamField<R>> fields,
        List<String> primaryKey,
        String cursorField,
        Partitioning partitioning,
        Set<SyncMode> syncModes) {

    public StreamDefinition {
        Objects.requireNonNull(name, "stream name is required");
        fields = List.copyOf(fields);
        primaryKey = List.copyOf(primaryKey);
        Objects.requireNonNull(partitioning, "partitioning is required");
        syncModes = Set.copyOf(syncModes);
        Set<String> names = new HashSet<>();
        for (StreamField<R> field : fields) {
            if (!names.add(field.name())) {
                throw new IllegalArgumentException("stream " + name + " declares field " + field.name() + " twice");
            }
        }
        for (String key : primaryKey) {
            if (!names.contains(key)) {
                throw new IllegalArgumentException("primary key " + key + " is not a field of stream " + name);
            }
        }
        if (cursorField == null) {
            if (syncModes.contains(SyncMode.INCREMENTAL)) {
                throw new IllegalArgumentException("stream " + name + " is incremental and needs a cursor field");
            }
        } else {
            StreamField<R> cursor = fields.stream().filter(f -> f.name().equals(cursorField)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "cursor field " + cursorField + " is not a field of stream " + name));
            if (cursor.type() != FieldType.DATE || cursor.nullable()) {
                throw new IllegalArgumentException("cursor field " + cursorField + " of stream " + name
                        + " must be a date that is never null");
            }
        }
        if (syncModes.isEmpty()) {
            throw new IllegalArgumentException("stream " + name + " supports no sync mode");
        }
    }

    public boolean supports(SyncMode mode) {
        return syncModes.contains(mode);
    }

    /** Whether the stream has a cursor field: every incremental stream has. */
    public boolean hasCursor() {
        return cursorField != null;
    }

    /** The cursor field, whose values ({@link java.time.LocalDate}s) are the records' days in the stream's order. */
    public StreamField<R> cursor() {
        for (StreamField<R> field : fields) {
            if (field.name().equals(cursorField)) {
                return field;
            }
        }
        throw new IllegalStateException("stream " + name + " has no field " + cursorField);
    }
}
