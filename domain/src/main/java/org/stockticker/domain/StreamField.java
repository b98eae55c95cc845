package org.stockticker.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One field of a stream's records: its name and type, and where a record's value for it comes from. The same field
 * gives the stream's schema and each record's value, so the two cannot drift apart.
 *
 * @param <R> the records of the stream
 */
public final class StreamField<R> {

    private final String name;
    private final FieldType type;
    private final boolean nullable;
    private final Function<? super R, ?> value;
    private final String description;

    private StreamField(String name, FieldType type, boolean nullable, String description,
            Function<? super R, ?> value) {
        Objects.requireNonNull(name, "field name is required");
        Objects.requireNonNull(type, "field type is required");
        if (name.isBlank()) {
            throw new IllegalArgumentException("field name is blank");
        }
        this.name = name;
        this.type = type;
        this.nullable = nullable;
        this.description = description;
        this.value = value;
    }

    /** A field whose value {@code value} takes from each record; a nullable field's value may be null. */
    public static <R> StreamField<R> of(String name, FieldType type, boolean nullable, Function<? super R, ?> value) {
        return new StreamField<>(name, type, nullable, null, Objects.requireNonNull(value, "field value is required"));
    }

    /** A field as {@link #of}, with a description for the stream's schema. */
    public static <R> StreamField<R> of(String name, FieldType type, boolean nullable, String description,
            Function<? super R, ?> value) {
        Objects.requireNonNull(description, "field description is required");
        return new StreamField<>(name, type, nullable, description,
                Objects.requireNonNull(value, "field value is required"));
    }

    /** The {@code provider} field every stream carries: the name of the provider the records came from. */
    public static <R> StreamField<R> providerName() {
        return new StreamField<>("provider", FieldType.STRING, false,
                "The provider the record came from, as configured (massive, polygon, alpha_vantage, tiingo, iex, csv)",
                null);
    }

    public String name() {
        return name;
    }

    public FieldType type() {
        return type;
    }

    public boolean nullable() {
        return nullable;
    }

    /** What the field means, for the stream's schema, if said. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /**
     * The field's value in {@code record}, read from {@code provider}: a {@link String} for {@link FieldType#STRING}
     * (or a value whose {@code toString} is the text), a {@link java.time.LocalDate} for {@link FieldType#DATE}, a
     * {@link java.math.BigDecimal} for {@link FieldType#NUMBER}, a {@link Long} (or {@link Integer}) for {@link FieldType#INTEGER}, a {@link Boolean} for {@link FieldType#BOOLEAN}.
     */
    public Object valueOf(R record, String provider) {
        return value == null ? provider : value.apply(record);
    }

    @Override
    public String toString() {
        return name + ":" + type + (nullable ? "?" : "");
    }
}
