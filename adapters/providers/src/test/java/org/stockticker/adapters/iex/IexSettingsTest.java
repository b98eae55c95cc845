package org.stockticker.adapters.iex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stockticker.adapters.provider.NetworkSettings;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.out.ProviderConfig;

class IexSettingsTest {

    private static final String KEY = "sk_SECRET_12345";

    @Test
    void defaults_to_iex_clouds_former_limit_of_100_requests_per_second() {
        NetworkSettings settings = IexPriceProvider.settings(new ProviderConfig("iex",
                Map.of("api_key", KEY, "base_url", "https://iex.example.com/stable")));

        assertThat(settings).isEqualTo(new NetworkSettings(KEY, URI.create("https://iex.example.com/stable"), 6_000));
    }

    @Test
    void requires_a_base_url_since_iex_cloud_itself_closed() {
        for (Map<String, Object> provider : List.<Map<String, Object>>of(Map.of("api_key", KEY),
                Map.of("api_key", KEY, "base_url", " "))) {
            assertThatThrownBy(() -> IexPriceProvider.settings(new ProviderConfig("iex", provider)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("provider.base_url is required")
                    .hasMessageContaining("IEX Cloud closed in 2024");
        }
    }

    @Test
    void reads_a_base_url_and_a_rate() {
        NetworkSettings settings = IexPriceProvider.settings(new ProviderConfig("iex",
                Map.of("api_key", KEY, "base_url", "http://localhost:8089/stable/", "requests_per_minute", 6000L)));

        assertThat(settings.baseUrl()).isEqualTo(URI.create("http://localhost:8089/stable"));
        assertThat(settings.requestsPerMinute()).isEqualTo(6000);
    }

    @Test
    void requires_an_api_key() {
        assertThatThrownBy(() -> IexPriceProvider.settings(new ProviderConfig("iex", Map.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("provider.api_key is required");
    }

    @Test
    void refuses_a_rate_below_one() {
        assertThatThrownBy(() -> IexPriceProvider.settings(new ProviderConfig("iex",
                Map.of("api_key", KEY, "base_url", "https://iex.example.com", "requests_per_minute", 0))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("provider.requests_per_minute must be at least 1");
    }

    @Test
    void refuses_plain_http_to_a_remote_host() {
        assertThatThrownBy(() -> IexPriceProvider.settings(new ProviderConfig("iex",
                Map.of("api_key", KEY, "base_url", "http://cloud.iexapis.com/stable"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("provider.base_url must use https");
    }

    @Test
    void describes_itself_without_the_key() {
        NetworkSettings settings = new NetworkSettings(KEY, URI.create("https://cloud.iexapis.com/stable"), 300);

        assertThat(settings.toString()).doesNotContain(KEY).contains("apiKey=****", "cloud.iexapis.com");
    }
}
