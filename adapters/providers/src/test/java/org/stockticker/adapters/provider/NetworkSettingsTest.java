package org.stockticker.adapters.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.http.RequestBudget;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.out.ProviderConfig;

/** The settings every network provider reads: defaults, the field each refusal names, a key-free description. */
class NetworkSettingsTest {

    private static final String KEY = "sk_SECRET_12345";
    private static final String DEFAULT_URL = "https://api.example.com/v1";

    @Test
    void takes_the_providers_defaults_for_what_the_config_leaves_out() {
        NetworkSettings settings = read(Map.of("api_key", KEY));

        assertThat(settings).isEqualTo(new NetworkSettings(KEY, URI.create(DEFAULT_URL), 42));
    }

    @Test
    void reads_a_base_url_without_its_trailing_slash_and_a_rate() {
        NetworkSettings settings = read(Map.of("api_key", KEY, "base_url", "http://127.0.0.1:8089/v1/",
                "requests_per_minute", 600L));

        assertThat(settings.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8089/v1"));
        assertThat(settings.requestsPerMinute()).isEqualTo(600);
    }

    @Test
    void a_timeout_and_a_number_of_attempts_reach_the_clients_policy() {
        NetworkSettings settings = read(Map.of("api_key", KEY, "timeout_seconds", 20, "max_attempts", 2));

        HttpPolicy policy = settings.httpPolicy();
        assertThat(policy.answerDeadline()).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.readTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.maxAttempts()).isEqualTo(2);
        HttpPolicy defaults = read(Map.of("api_key", KEY)).httpPolicy();
        assertThat(defaults.answerDeadline()).isEqualTo(HttpPolicy.DEFAULT_ANSWER_DEADLINE);
        assertThat(defaults.maxAttempts()).isEqualTo(5);
    }

    @Test
    void refuses_a_timeout_or_attempts_out_of_range_naming_the_field() {
        assertThatThrownBy(() -> read(Map.of("api_key", KEY, "timeout_seconds", 0)))
                .isInstanceOf(InvalidInputException.class).hasMessage("provider.timeout_seconds must be from 1 to 3600");
        assertThatThrownBy(() -> read(Map.of("api_key", KEY, "max_attempts", 0)))
                .isInstanceOf(InvalidInputException.class).hasMessage("provider.max_attempts must be from 1 to 10");
    }

    @Test
    void refuses_a_missing_or_blank_key_naming_provider_api_key() {
        assertThatThrownBy(() -> read(Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("provider.api_key is required");
        assertThatThrownBy(() -> read(Map.of("api_key", "  ")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("provider.api_key is required");
    }

    @Test
    void refuses_a_rate_below_one_naming_provider_requests_per_minute() {
        assertThatThrownBy(() -> read(Map.of("api_key", KEY, "requests_per_minute", 0)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("provider.requests_per_minute must be at least 1");
    }

    @Test
    void refuses_a_fractional_rate_naming_provider_requests_per_minute() {
        assertThatThrownBy(() -> read(Map.of("api_key", KEY, "requests_per_minute", new BigDecimal("1.5"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("provider.requests_per_minute must be a whole number");
    }

    @Test
    void refuses_plain_http_to_a_remote_host_naming_provider_base_url() {
        assertThatThrownBy(() -> read(Map.of("api_key", KEY, "base_url", "http://api.example.com")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("provider.base_url must use https");
    }

    @Test
    void refuses_a_key_that_is_not_text_naming_provider_api_key() {
        assertThatThrownBy(() -> read(Map.of("api_key", 12345)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("provider.api_key must be a string");
    }

    @Test
    void reads_the_longest_wait_for_a_quota_in_whole_minutes_and_refuses_less_than_one() {
        assertThat(read(Map.of("api_key", KEY, "max_wait_minutes", 45)).maxWait()).isEqualTo(Duration.ofMinutes(45));
        assertThat(read(Map.of("api_key", KEY)).maxWait()).isEqualTo(Duration.ofMinutes(30));
        assertThatThrownBy(() -> read(Map.of("api_key", KEY, "max_wait_minutes", 0)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("max_wait_minutes must be at least 1");
    }

    @Test
    void counts_no_hourly_or_daily_budget_for_a_provider_that_has_none() {
        NetworkSettings settings = read(Map.of("api_key", KEY, "requests_per_hour", 10, "requests_per_day", 10));

        assertThat(settings.requestsPerHour()).isEmpty();
        assertThat(settings.requestsPerDay()).isEmpty();
        assertThat(settings.httpPolicy().limits()).isEqualTo(RequestBudget.Limits.pace(42));
    }

    @Test
    void describes_itself_without_the_key() {
        NetworkSettings settings = new NetworkSettings(KEY, URI.create(DEFAULT_URL), 42);

        assertThat(settings.toString()).doesNotContain(KEY)
                .contains("apiKey=****", "api.example.com", "requestsPerMinute=42");
    }

    private static NetworkSettings read(Map<String, Object> properties) {
        return NetworkSettings.from(new ProviderConfig("example", properties), DEFAULT_URL, 42);
    }
}
