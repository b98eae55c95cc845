package org.stockticker.history;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The settings of one provider: which one, its key, and how the library treats it. Start from the provider's factory
 * ({@link #massive}, {@link #alphaVantage}, {@link #tiingo}, {@link #iex}, {@link #csv}), whose typed methods offer
 * that provider's settings only, or read them by name with {@link #of}. Settings are immutable: each method returns
 * new settings.
 *
 * <p>The names are those of the connector's {@code provider} config ({@code api_key}, {@code requests_per_minute},
 * ...), so a setting means the same in both.
 */
public abstract class ProviderSettings {

    private final String provider;
    private final Map<String, Object> values;

    ProviderSettings(String provider, Map<String, Object> values) {
        this.provider = provider;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Massive (formerly Polygon.io), at {@code https://api.massive.com}, 5 requests a minute unless set otherwise.
     *
     * @param apiKey the Massive API key
     * @return the settings
     * @throws InvalidSettingsException if the key is blank
     */
    public static MassiveSettings massive(String apiKey) {
        return new MassiveSettings(Map.of(MassiveSettings.API_KEY, required(MassiveSettings.API_KEY, apiKey)));
    }

    /**
     * Alpha Vantage, at {@code https://www.alphavantage.co}, 5 requests a minute and 25 a day unless set otherwise.
     *
     * @param apiKey the Alpha Vantage API key
     * @return the settings
     * @throws InvalidSettingsException if the key is blank
     */
    public static AlphaVantageSettings alphaVantage(String apiKey) {
        return new AlphaVantageSettings(Map.of(AlphaVantageSettings.API_KEY,
                required(AlphaVantageSettings.API_KEY, apiKey)));
    }

    /**
     * Tiingo, at {@code https://api.tiingo.com}, 1 request a minute, 50 an hour and 1,000 a day unless set otherwise.
     *
     * @param apiKey the Tiingo API token
     * @return the settings
     * @throws InvalidSettingsException if the token is blank
     */
    public static TiingoSettings tiingo(String apiKey) {
        return new TiingoSettings(Map.of(TiingoSettings.API_KEY, required(TiingoSettings.API_KEY, apiKey)));
    }

    /**
     * A service that answers like IEX Cloud's API (IEX Cloud itself closed in August 2024), at {@code baseUrl}.
     *
     * @param apiKey the service's token
     * @param baseUrl the service's API root, https unless its host is loopback
     * @return the settings
     * @throws InvalidSettingsException if the token or the URL is blank
     */
    public static IexSettings iex(String apiKey, String baseUrl) {
        return new IexSettings(Map.of(IexSettings.API_KEY, required(IexSettings.API_KEY, apiKey),
                IexSettings.BASE_URL, required(IexSettings.BASE_URL, baseUrl)));
    }

    /**
     * CSV files, one per symbol, in {@code directory} (see the README's CSV layout).
     *
     * @param directory the directory of the files
     * @return the settings
     * @throws InvalidSettingsException if the directory is null
     */
    public static CsvSettings csv(Path directory) {
        if (directory == null) {
            throw new InvalidSettingsException("csv: path is required", null);
        }
        return new CsvSettings(Map.of(CsvSettings.PATH, directory.toString()));
    }

    /**
     * The settings of {@code provider} from a map of setting names to values, as a configuration file gives them:
     * strings, booleans, numbers (any integer type, {@code BigDecimal}, or a {@code Double} such as {@code 30.0}) and,
     * for {@code path}, a {@link Path}.
     *
     * @param provider {@code massive} (or its former name {@code polygon}), {@code alpha_vantage}, {@code tiingo},
     *     {@code iex} or {@code csv}
     * @param settings the settings by name, such as {@code api_key} and {@code requests_per_minute}
     * @return the provider's typed settings
     * @throws InvalidSettingsException naming an unknown provider or setting and the closest known one, or a value of
     *     a type no setting takes; whether each value suits its setting is checked when the history is opened
     */
    public static ProviderSettings of(String provider, Map<String, ?> settings) {
        Objects.requireNonNull(settings, "settings are required");
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> known = knownSettings(provider);
        settings.forEach((name, value) -> {
            if (!known.contains(name)) {
                throw new InvalidSettingsException(provider + ": unknown setting '" + Closest.printable(name) + "'"
                        + Closest.suggestion(name, known), null);
            }
            values.put(name, plain(name, value));
        });
        return switch (provider) {
            case MassiveSettings.NAME, MassiveSettings.FORMER_NAME -> new MassiveSettings(provider, values);
            case AlphaVantageSettings.NAME -> new AlphaVantageSettings(values);
            case TiingoSettings.NAME -> new TiingoSettings(values);
            case IexSettings.NAME -> new IexSettings(values);
            case CsvSettings.NAME -> new CsvSettings(values);
            default -> throw new IllegalStateException("provider " + provider + " has settings but no class for them");
        };
    }

    /**
     * The names of the settings {@code provider} takes.
     *
     * @param provider a provider's name
     * @return its settings' names, in the order the README lists them
     * @throws InvalidSettingsException naming an unknown provider and the closest known one
     */
    public static Set<String> knownSettings(String provider) {
        if (provider == null) {
            throw new InvalidSettingsException("provider is required", null);
        }
        return switch (provider) {
            case MassiveSettings.NAME, MassiveSettings.FORMER_NAME -> MassiveSettings.SETTINGS;
            case AlphaVantageSettings.NAME -> AlphaVantageSettings.SETTINGS;
            case TiingoSettings.NAME -> TiingoSettings.SETTINGS;
            case IexSettings.NAME -> IexSettings.SETTINGS;
            case CsvSettings.NAME -> CsvSettings.SETTINGS;
            default -> throw new InvalidSettingsException("unknown provider '" + Closest.printable(provider) + "'"
                    + Closest.suggestion(provider, PROVIDERS), null);
        };
    }

    private static final List<String> PROVIDERS = List.of(MassiveSettings.NAME, MassiveSettings.FORMER_NAME,
            AlphaVantageSettings.NAME, TiingoSettings.NAME, IexSettings.NAME, CsvSettings.NAME);

    /**
     * The provider's name, as the connector's {@code provider.name}.
     *
     * @return the name
     */
    public final String provider() {
        return provider;
    }

    /** The settings by name, as the connector's {@code provider} config holds them. */
    final Map<String, Object> values() {
        return values;
    }

    /** These settings with {@code name} set to {@code value}. */
    final Map<String, Object> with(String name, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(values);
        changed.put(name, plain(name, value));
        return changed;
    }

    static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingsException(name + " is required", null);
        }
        return value;
    }

    /**
     * {@code value} as settings hold it, so that equal settings are equal however they were given: a whole number as
     * a {@code Long} (from any integer type, or a decimal such as {@code 30.0} that a JSON or YAML parser gives),
     * another number as a {@code BigDecimal} (which opening refuses where a whole number is due), a path as its text.
     */
    private static Object plain(String name, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            return plain(name, new BigDecimal(value.toString()));
        }
        if (value instanceof BigDecimal decimal) {
            BigDecimal stripped = decimal.stripTrailingZeros();
            boolean whole = stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
            return whole ? stripped.longValueExact() : decimal;
        }
        if (value instanceof Path path) {
            return path.toString();
        }
        throw new InvalidSettingsException(name + " must be a string, a boolean or a number, not a "
                + value.getClass().getSimpleName(), null);
    }

    @Override
    public final boolean equals(Object other) {
        return other instanceof ProviderSettings that && getClass() == that.getClass()
                && provider.equals(that.provider) && values.equals(that.values);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(getClass(), provider, values);
    }

    /** The settings, with the key masked. */
    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[provider=" + provider + values.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> ", " + entry.getKey() + "=" + (entry.getKey().equals("api_key") ? "****" : entry.getValue()))
                .collect(Collectors.joining()) + "]";
    }
}
