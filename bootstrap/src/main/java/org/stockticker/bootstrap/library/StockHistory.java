package org.stockticker.bootstrap.library;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.stockticker.application.port.in.LoadDailyBarsUseCase;
import org.stockticker.application.port.out.ProviderConfig;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * Daily stock price history for a JVM service, with no Airbyte in sight: the same providers, retries and rate
 * limits as the connector, answering domain {@link DailyBar}s.
 *
 * <pre>{@code
 * StockHistory history = StockHistory.provider("massive").apiKey(System.getenv("MASSIVE_API_KEY")).build();
 * try (Stream<DailyBar> bars = history.dailyBars("AAPL", LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 31))) {
 *     bars.forEach(bar -> System.out.println(bar.date() + " " + bar.close()));
 * }
 * }</pre>
 *
 * <p>Failures arrive as the application's exceptions: {@code UnknownSymbolException},
 * {@code RejectedCredentialsException}, {@code ProviderUnavailableException}, {@code QuotaSpentException} (a
 * budget of the provider is spent, and waiting for it would take longer than {@code max_wait_minutes}), and
 * {@code InvalidInputException} for settings that cannot work. An instance is safe to share between threads, and
 * its threads share one request budget.
 */
public final class StockHistory {

    private final LoadDailyBarsUseCase history;

    private StockHistory(LoadDailyBarsUseCase history) {
        this.history = history;
    }

    /**
     * Starts the settings of the named provider ({@code massive} or its former name {@code polygon},
     * {@code alpha_vantage}, {@code tiingo}, {@code iex} with the {@code baseUrl} of a compatible service, {@code csv}).
     */
    public static Builder provider(String name) {
        return new Builder(name);
    }

    /** A history served by the provider that {@code config} describes, as a connector config's provider does. */
    public static StockHistory of(ProviderConfig config) {
        return of(config, Clock.systemUTC());
    }

    static StockHistory of(ProviderConfig config, Clock clock) {
        return new StockHistory(DaggerLibraryComponent.factory().create(config, clock).dailyBars());
    }

    /**
     * The bars of {@code symbol} (any case) from {@code from} to {@code to}, both included, ascending by date,
     * read lazily as the stream is consumed. Close the stream to release the connection.
     */
    public Stream<DailyBar> dailyBars(String symbol, LocalDate from, LocalDate to) {
        return history.dailyBars(Symbol.parse(symbol), new DateWindow(from, to));
    }

    /**
     * The bars of each of {@code symbols} from {@code from} to {@code to}, symbol after symbol in the order given,
     * each symbol's bars ascending by date. Symbols are read lazily, one at a time, as the stream is consumed; an
     * unknown symbol fails the stream when its turn comes. Close the stream to release the connection.
     */
    public Stream<DailyBar> dailyBars(Collection<String> symbols, LocalDate from, LocalDate to) {
        DateWindow window = new DateWindow(from, to);
        List<Symbol> parsed = symbols.stream().map(Symbol::parse).toList();
        // flatMap opens each symbol's stream only when the previous one is used up, and closes it after.
        return parsed.stream().flatMap(symbol -> history.dailyBars(symbol, window));
    }

    /** The settings of one provider; each setter names the config field it stands for. */
    public static final class Builder {

        private final String name;
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "provider name is required");
        }

        /** {@code api_key}. */
        public Builder apiKey(String apiKey) {
            return property("api_key", apiKey);
        }

        /** {@code base_url}. */
        public Builder baseUrl(String baseUrl) {
            return property("base_url", baseUrl);
        }

        /** {@code requests_per_minute}. */
        public Builder requestsPerMinute(int requestsPerMinute) {
            return property("requests_per_minute", requestsPerMinute);
        }

        /** {@code path}, for the {@code csv} provider. */
        public Builder path(String path) {
            return property("path", path);
        }

        /** Any other setting of the provider's config. */
        public Builder property(String key, Object value) {
            properties.put(Objects.requireNonNull(key, "key is required"), value);
            return this;
        }

        /** The clock that tells the provider what "today" is; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock is required");
            return this;
        }

        public StockHistory build() {
            return of(new ProviderConfig(name, properties), clock);
        }
    }
}
