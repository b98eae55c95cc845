package org.stockticker.adapters.tiingo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stockticker.adapters.provider.NetworkSettings;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.out.ProviderConfig;

/** Reading the {@code tiingo} provider configuration: defaults, checks, and a description without the key. */
class TiingoSettingsTest {

    private static final String KEY = "sk_SECRET_12345";

    @Test
    void defaults_to_tiingo_at_the_free_plans_one_request_per_minute() {
        NetworkSettings settings = TiingoPriceProvider.settings(new ProviderConfig("tiingo", Map.of("api_key", KEY)));

        assertThat(settings).isEqualTo(new NetworkSettings(KEY, URI.create("https://api.tiingo.com"), 1));
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
