package org.stockticker.adapters.polygon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stockticker.adapters.provider.NetworkSettings;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.out.ProviderConfig;

/** How the {@code provider} configuration becomes Polygon settings: defaults, checks, and a key-free description. */
class PolygonSettingsTest {

    private static final String KEY = "PK_SECRET_0123456789";

    @Test
    void defaults_to_massive_as_traded_at_the_free_plans_5_requests_per_minute_under_either_name() {
        for (String name : List.of("massive", "polygon")) {
            PolygonSettings settings = PolygonSettings.from(new ProviderConfig(name, Map.of("api_key", KEY)));

            assertThat(settings).isEqualTo(
                    new PolygonSettings(new NetworkSettings(KEY, URI.create("https://api.massive.com"), 5), false));
        }
    }

    @Test
    void reads_a_base_url_adjusted_prices_and_a_rate() {
        PolygonSettings settings = PolygonSettings.from(new ProviderConfig("polygon", Map.of("api_key", KEY,
                "base_url", "https://api.massive.com/", "adjusted", true, "requests_per_minute", 6000L)));

        assertThat(settings.network().baseUrl()).isEqualTo(URI.create("https://api.massive.com"));
        assertThat(settings.adjusted()).isTrue();
        assertThat(settings.network().requestsPerMinute()).isEqualTo(6000);
    }

    @Test
    void accepts_plain_http_on_loopback() {
        PolygonSettings settings = PolygonSettings.from(new ProviderConfig("polygon",
                Map.of("api_key", KEY, "base_url", "http://127.0.0.1:8089")));

        assertThat(settings.network().baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8089"));
    }

    @Test
    void refuses_plain_http_to_a_remote_host() {
        assertThatThrownBy(() -> PolygonSettings.from(new ProviderConfig("polygon",
                Map.of("api_key", KEY, "base_url", "http://api.polygon.io"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("provider.base_url must use https");
    }

    @Test
    void requires_an_api_key() {
        assertThatThrownBy(() -> PolygonSettings.from(new ProviderConfig("polygon", Map.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("provider.api_key is required");
    }

    @Test
    void refuses_a_rate_below_one() {
        assertThatThrownBy(() -> PolygonSettings.from(new ProviderConfig("polygon",
                Map.of("api_key", KEY, "requests_per_minute", 0))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("provider.requests_per_minute must be at least 1");
    }

    @Test
    void refuses_an_adjusted_flag_that_is_not_a_boolean() {
        assertThatThrownBy(() -> PolygonSettings.from(new ProviderConfig("polygon",
                Map.of("api_key", KEY, "adjusted", "yes"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("provider.adjusted must be true or false");
    }

    @Test
    void describes_itself_without_the_key() {
        PolygonSettings settings = new PolygonSettings(
                new NetworkSettings(KEY, URI.create("https://api.polygon.io"), 5), true);

        assertThat(settings.toString()).doesNotContain(KEY)
                .contains("apiKey=****", "api.polygon.io", "adjusted=true", "requestsPerMinute=5");
    }
}
