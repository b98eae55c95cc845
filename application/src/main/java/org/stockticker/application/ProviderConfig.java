package org.stockticker.application;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code provider} part of a configuration: the provider's name and its own settings, as plain values
 * ({@link String}, {@link Boolean}, {@link Integer}, {@link Long}, {@link BigDecimal}). Each adapter reads the
 * settings it knows; messages name the field as {@code provider.<key>}.
 */
public record ProviderConfig(String name, Map<String, Object> properties) {

    public ProviderConfig {
        Objects.requireNonNull(name, "provider.name is required");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public Optional<String> string(String key) {
        Object value = properties.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new InvalidInputException("provider." + key + " must be a string");
        }
        return Optional.of(text);
    }

    public String requiredString(String key) {
        return string(key).filter(s -> !s.isBlank())
                .orElseThrow(() -> new InvalidInputException("provider." + key + " is required"));
    }

    public OptionalInt integer(String key) {
        Object value = properties.get(key);
        if (value == null) {
            return OptionalInt.empty();
        }
        if (value instanceof Integer i) {
            return OptionalInt.of(i);
        }
        if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return OptionalInt.of(l.intValue());
        }
        throw new InvalidInputException("provider." + key + " must be a whole number");
    }

    public Optional<Boolean> bool(String key) {
        Object value = properties.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Boolean b)) {
            throw new InvalidInputException("provider." + key + " must be true or false");
        }
        return Optional.of(b);
    }

    @Override
    public String toString() {
        return "ProviderConfig[name=" + name + ", keys=" + properties.keySet() + "]";
    }
}
