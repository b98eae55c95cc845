package org.stockticker.history;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProviderSettingsTest {

    private static final LocalDate DAY = LocalDate.of(2024, 1, 2);

    @RegisterExtension
    final WireMockExtension stub = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @Test
    void a_misspelt_setting_is_an_error_naming_the_closest_known_one() {
        assertThatThrownBy(() -> ProviderSettings.of("massive", Map.of("api_key", "k", "adjustd", true)))
                .isExactlyInstanceOf(InvalidSettingsException.class)
                .hasMessage("massive: unknown setting 'adjustd'; did you mean 'adjusted'?");
        assertThatThrownBy(() -> ProviderSettings.of("tiingo", Map.of("requests_per_huor", 10)))
                .hasMessage("tiingo: unknown setting 'requests_per_huor'; did you mean 'requests_per_hour'?");
        assertThatThrownBy(() -> ProviderSettings.of("csv", Map.of("colour", "blue")))
                .hasMessage("csv: unknown setting 'colour'; known: path");
        // A setting of another provider is unknown here.
        assertThatThrownBy(() -> ProviderSettings.of("alpha_vantage", Map.of("adjusted", true)))
                .hasMessageStartingWith("alpha_vantage: unknown setting 'adjusted'");
    }

    @Test
    void an_unknown_provider_is_an_error_naming_the_closest_known_one() {
        assertThatThrownBy(() -> ProviderSettings.of("alphavantage", Map.of()))
                .isExactlyInstanceOf(InvalidSettingsException.class)
                .hasMessage("unknown provider 'alphavantage'; did you mean 'alpha_vantage'?");
        assertThatThrownBy(() -> ProviderSettings.of("nasdaq", Map.of()))
                .hasMessage("unknown provider 'nasdaq'; known: massive, polygon, alpha_vantage, tiingo, iex, csv");
    }

    @Test
    void settings_by_name_equal_the_typed_ones_and_never_show_the_key() {
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("api_key", "SECRET-KEY-42");
        named.put("requests_per_minute", 100);
        named.put("adjusted", true);
        named.put("timeout_seconds", new BigDecimal("20"));

        ProviderSettings settings = ProviderSettings.of("massive", named);

        assertThat(settings).isEqualTo(ProviderSettings.massive("SECRET-KEY-42").requestsPerMinute(100).adjusted(true)
                .timeout(Duration.ofSeconds(20)));
        // A configuration file's parser may give 100L or 20.0 for the same numbers.
        assertThat(settings).isEqualTo(ProviderSettings.of("massive", Map.of("api_key", "SECRET-KEY-42",
                "requests_per_minute", 100L, "adjusted", true, "timeout_seconds", 20.0)));
        assertThat(settings).isInstanceOf(MassiveSettings.class).hasToString(
                "MassiveSettings[provider=massive, adjusted=true, api_key=****, requests_per_minute=100,"
                        + " timeout_seconds=20]");
        assertThat(ProviderSettings.of("csv", Map.of())).hasToString("CsvSettings[provider=csv]");
        assertThat(ProviderSettings.massive("SECRET-KEY-42").requestsPerMinute(100).adjusted(true)
                .timeout(Duration.ofSeconds(20)).toString()).doesNotContain("SECRET");
        assertThat(ProviderSettings.of("polygon", Map.of("api_key", "k")).provider()).isEqualTo("polygon");
        assertThat(ProviderSettings.of("csv", Map.of("path", Path.of("data")))).isEqualTo(ProviderSettings.csv(
                Path.of("data")));
    }

    @Test
    void typed_settings_are_immutable() {
        TiingoSettings base = ProviderSettings.tiingo("k");
        TiingoSettings hourly = base.requestsPerHour(40);

        assertThat(base).isNotEqualTo(hourly);
        assertThat(base.toString()).doesNotContain("requests_per_hour");
        assertThat(hourly.toString()).contains("requests_per_hour=40");
    }

    @Test
    void values_that_cannot_work_are_refused_before_any_request_naming_the_setting() {
        assertThatThrownBy(() -> ProviderSettings.massive(" ")).isExactlyInstanceOf(InvalidSettingsException.class)
                .hasMessage("api_key is required");
        assertThatThrownBy(() -> StockHistory.open(ProviderSettings.massive("k").requestsPerMinute(0)))
                .isExactlyInstanceOf(InvalidSettingsException.class)
                .hasMessage("massive: provider.requests_per_minute must be at least 1");
        assertThatThrownBy(() -> StockHistory.open(ProviderSettings.tiingo("k").maxAttempts(11)))
                .hasMessage("tiingo: provider.max_attempts must be from 1 to 10");
        assertThatThrownBy(() -> StockHistory.open(ProviderSettings.massive("k").baseUrl("http://example.com")))
                .isExactlyInstanceOf(InvalidSettingsException.class).hasMessageContaining("provider.base_url must use https");
        assertThatThrownBy(() -> ProviderSettings.alphaVantage("k").maxWait(Duration.ofSeconds(90)))
                .hasMessage("max_wait_minutes must be a whole number of minutes, not PT1M30S");
        assertThatThrownBy(() -> ProviderSettings.of("massive", Map.of("api_key", 'k')))
                .hasMessage("api_key must be a string, a boolean or a number, not a Character");
        assertThatThrownBy(() -> StockHistory.open(ProviderSettings.of("massive", Map.of("api_key", "k",
                "adjusted", "yes")))).hasMessage("massive: provider.adjusted must be true or false");
        assertThatThrownBy(() -> StockHistory.open(ProviderSettings.of("tiingo", Map.of("api_key", "k",
                "requests_per_hour", 1.5)))).hasMessage("tiingo: provider.requests_per_hour must be a whole number");
        assertThatThrownBy(() -> StockHistory.builder(ProviderSettings.csv(Path.of("."))).concurrency(0))
                .isExactlyInstanceOf(InvalidSettingsException.class);
    }

    @Test
    void max_attempts_bounds_the_tries_of_a_failing_request() {
        stub.stubFor(get(urlPathMatching("/stock/.*/chart/.*")).willReturn(aResponse().withStatus(503)));
        IexSettings settings = ProviderSettings.iex("t", "http://127.0.0.1:" + stub.getPort()).requestsPerMinute(6000);

        try (StockHistory once = StockHistory.open(settings.maxAttempts(1))) {
            assertThatThrownBy(() -> once.dailyBars("AAA", DAY, DAY)).isInstanceOf(ProviderUnavailableException.class);
        }
        stub.verify(1, getRequestedFor(urlPathMatching("/stock/AAA/.*")));

        try (StockHistory thrice = StockHistory.open(settings.maxAttempts(3))) {
            assertThatThrownBy(() -> thrice.dailyBars("BBB", DAY, DAY)).isInstanceOf(ProviderUnavailableException.class);
        }
        stub.verify(3, getRequestedFor(urlPathMatching("/stock/BBB/.*")));
    }

    @Test
    void the_timeout_bounds_the_wait_for_an_answer() {
        stub.stubFor(get(urlPathMatching("/stock/.*/chart/.*")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(5_000).withBody("[]")));
        IexSettings settings = ProviderSettings.iex("t", "http://127.0.0.1:" + stub.getPort()).maxAttempts(1)
                .timeout(Duration.ofSeconds(1));

        try (StockHistory history = StockHistory.open(settings)) {
            assertThatThrownBy(() -> history.dailyBars("AAA", DAY, DAY))
                    .isInstanceOf(ProviderUnavailableException.class);
        }
    }
}
