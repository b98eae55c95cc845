package org.stockticker.adapters.alphavantage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.stockticker.adapters.provider.NetworkSettings;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.out.ProviderConfig;

class AlphaVantageSettingsTest {

    private static final String KEY = "sk_SECRET_12345";

    @Test
    void defaults_to_alpha_vantage_at_the_free_plans_5_requests_per_minute_and_25_a_day() {
        NetworkSettings settings = AlphaVantagePriceProvider.settings(
                new ProviderConfig("alpha_vantage", Map.of("api_key", KEY)));

        assertThat(settings).isEqualTo(new NetworkSettings(KEY, URI.create("https://www.alphavantage.co"), 5,
                OptionalInt.empty(), OptionalInt.of(25), Duration.ofMinutes(30)));
    }

    @Test
    void reads_a_daily_budget_and_ignores_an_hourly_one_alpha_vantage_does_not_count() {
        NetworkSettings settings = AlphaVantagePriceProvider.settings(new ProviderConfig("alpha_vantage",
                Map.of("api_key", KEY, "requests_per_day", 75_000, "requests_per_hour", 3)));

        assertThat(settings.requestsPerDay()).hasValue(75_000);
        assertThat(settings.requestsPerHour()).isEmpty();
    }

    @Test
    void reads_a_base_url_and_a_rate() {
        NetworkSettings settings = AlphaVantagePriceProvider.settings(new ProviderConfig("alpha_vantage",
                Map.of("api_key", KEY, "base_url", "http://localhost:8089/av/", "requests_per_minute", 75L)));

        assertThat(settings.baseUrl()).isEqualTo(URI.create("http://localhost:8089/av"));
        assertThat(settings.requestsPerMinute()).isEqualTo(75);
    }

    @Test
    void requires_an_api_key() {
        assertThatThrownBy(() -> AlphaVantagePriceProvider.settings(
                new ProviderConfig("alpha_vantage", Map.of("api_key", " "))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("provider.api_key is required");
    }

    @Test
    void refuses_a_rate_below_one() {
        assertThatThrownBy(() -> AlphaVantagePriceProvider.settings(new ProviderConfig("alpha_vantage",
                Map.of("api_key", KEY, "requests_per_minute", 0))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("provider.requests_per_minute must be at least 1");
    }

    @Test
    void refuses_plain_http_to_a_remote_host() {
        assertThatThrownBy(() -> AlphaVantagePriceProvider.settings(new ProviderConfig("alpha_vantage",
                Map.of("api_key", KEY, "base_url", "http://www.alphavantage.co"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("provider.base_url must use https");
    }

    @Test
    void describes_itself_without_the_key() {
        NetworkSettings settings = new NetworkSettings(KEY, URI.create("https://www.alphavantage.co"), 5);

        assertThat(settings.toString()).doesNotContain(KEY).contains("apiKey=****", "www.alphavantage.co");
    }
}
