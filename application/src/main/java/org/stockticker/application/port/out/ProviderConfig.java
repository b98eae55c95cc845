package org.stockticker.application.port.out;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.stockticker.application.port.in.InvalidInputException;

/**
 * The {@code provider} part of a configuration: the provider's name and its own settings, as plain values
 * ({@link String}, {@link Boolean}, {@link Integer}, {@link Long}, {@link BigDecimal}), and {@link #MAX_WAIT_MINUTES}.
 * Each adapter reads the settings it knows; messages name the field as {@code provider.<key>}.
 */
public record ProviderConfig(String name, Map<String, Object> properties) {

    /**
     * The longest wait, in minutes, for a provider's quota before a read checkpoints and ends instead. A connector
     * config gives it at its top level, for whichever provider is chosen; it reaches the provider's settings under
     * this key.
     */
    public static final String MAX_WAIT_MINUTES = "max_wait_minutes";

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

    /**
     * A whole number, however it is written ({@code 120}, {@code 120.0}); values beyond the range of an
     * {@code int} stand for its largest or smallest value, since no setting means more than that.
     */
    public OptionalInt integer(String key) {
        Object value = properties.get(key);
        if (value == null) {
            return OptionalInt.empty();
        }
        BigDecimal number;
        if (value instanceof Integer || value instanceof Long) {
            number = BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof BigDecimal decimal) {
            number = decimal;
        } else {
            throw new InvalidInputException("provider." + key + " must be a whole number");
        }
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            throw new InvalidInputException("provider." + key + " must be a whole number");
        }
        if (number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return OptionalInt.of(Integer.MAX_VALUE);
        }
        if (number.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
            return OptionalInt.of(Integer.MIN_VALUE);
        }
        return OptionalInt.of(number.intValue());
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

    /**
     * The {@code base_url} setting, or {@code defaultUrl}, without a trailing slash. Plain http is refused unless
     * the host is loopback: every provider's key travels with each request, and must not travel in clear.
     */
    public URI baseUrl(String defaultUrl) {
        String text = string("base_url").orElse(defaultUrl).strip();
        URI uri;
        try {
            uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("provider.base_url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidInputException("provider.base_url must be an absolute https URL");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidInputException("provider.base_url must not carry credentials, a query or a fragment");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new InvalidInputException("provider.base_url must use https unless its host is"
                    + " loopback (localhost, 127.0.0.0/8, ::1): the API key would travel in clear");
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    @Override
    public String toString() {
        return "ProviderConfig[name=" + name + ", keys=" + properties.keySet() + "]";
    }
}
