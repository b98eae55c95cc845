package org.stockticker.adapters.tiingo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.stockticker.adapters.http.RequestBudget;
import org.stockticker.adapters.provider.NetworkSettings;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.out.ProviderConfig;

/** Reading the {@code tiingo} provider configuration: defaults, checks, and a description without the key. */
class TiingoSettingsTest {

    private static final String KEY = "sk_SECRET_12345";

    @Test
    void defaults_to_tiingo_at_one_request_per_minute_and_the_free_plans_50_an_hour_and_1000_a_day() {
        NetworkSettings settings = TiingoPriceProvider.settings(new ProviderConfig("tiingo", Map.of("api_key", KEY)));

        assertThat(settings).isEqualTo(new NetworkSettings(KEY, URI.create("https://api.tiingo.com"), 1,
                OptionalInt.of(50), OptionalInt.of(1000), Duration.ofMinutes(30)));
    }

    @Test
    void reads_the_hourly_and_daily_budgets_and_the_longest_wait() {
        NetworkSettings settings = TiingoPriceProvider.settings(new ProviderConfig("tiingo", Map.of("api_key", KEY,
                "requests_per_hour", 5000, "requests_per_day", 20_000, "max_wait_minutes", 90)));

        assertThat(settings.requestsPerHour()).hasValue(5000);
        assertThat(settings.requestsPerDay()).hasValue(20_000);
        assertThat(settings.maxWait()).isEqualTo(Duration.ofMinutes(90));
        assertThat(settings.httpPolicy().limits()).isEqualTo(new RequestBudget.Limits(1, OptionalInt.of(5000),
                OptionalInt.of(20_000), Duration.ofMinutes(90)));
    }

    @Test
    void refuses_an_hourly_budget_below_one_naming_the_field() {
        assertThatThrownBy(() -> TiingoPriceProvider.settings(new ProviderConfig("tiingo",
                Map.of("api_key", KEY, "requests_per_hour", 0))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("provider.requests_per_hour must be at least 1");
    }

    @Test
    void reads_a_base_url_and_a_rate() {
        NetworkSettings settings = TiingoPriceProvider.settings(new ProviderConfig("tiingo",
                Map.of("api_key", KEY, "base_url", "http://localhost:8089/", "requests_per_minute", 6000L)));

        assertThat(settings.baseUrl()).isEqualTo(URI.create("http://localhost:8089"));
        assertThat(settings.requestsPerMinute()).isEqualTo(6000);
    }

    @Test
    void requires_an_api_key() {
        assertThatThrownBy(() -> TiingoPriceProvider.settings(new ProviderConfig("tiingo", Map.of("api_key", " "))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("provider.api_key is required");
    }

    @Test
    void refuses_a_rate_below_one() {
        assertThatThrownBy(() -> TiingoPriceProvider.settings(new ProviderConfig("tiingo",
                Map.of("api_key", KEY, "requests_per_minute", 0))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("provider.requests_per_minute must be at least 1");
    }

    @Test
    void refuses_plain_http_to_a_remote_host() {
        assertThatThrownBy(() -> TiingoPriceProvider.settings(new ProviderConfig("tiingo",
                Map.of("api_key", KEY, "base_url", "http://api.tiingo.com"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("provider.base_url must use https");
    }

    @Test
    void describes_itself_without_the_key() {
        NetworkSettings settings = new NetworkSettings(KEY, URI.create("https://api.tiingo.com"), 1);

        assertThat(settings.toString()).doesNotContain(KEY).contains("apiKey=****", "api.tiingo.com");
    }
}
