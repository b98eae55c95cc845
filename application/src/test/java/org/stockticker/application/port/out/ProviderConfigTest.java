package org.stockticker.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockticker.application.port.in.InvalidInputException;

class ProviderConfigTest {

    private static final String DEFAULT_URL = "https://cloud.iexapis.com/stable";

    private static ProviderConfig config(Map<String, Object> properties) {
        return new ProviderConfig("iex", properties);
    }

    private static ProviderConfig withBaseUrl(String baseUrl) {
        return config(Map.of("base_url", baseUrl));
    }

    // ---- plain values --------------------------------------------------------------------------------------------

    @Test
    void reads_a_string() {
        assertThat(config(Map.of("api_key", "pk_123")).string("api_key")).contains("pk_123");
    }

    @Test
    void an_absent_string_is_empty() {
        assertThat(config(Map.of()).string("api_key")).isEmpty();
    }

    @Test
    void a_string_of_another_type_is_refused_naming_the_field() {
        assertThatThrownBy(() -> config(Map.of("api_key", 42)).string("api_key"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("provider.api_key must be a string");
    }

    @Test
    void a_required_string_must_be_present_and_not_blank() {
        assertThat(config(Map.of("path", "/data")).requiredString("path")).isEqualTo("/data");
        assertThatThrownBy(() -> config(Map.of()).requiredString("path"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("provider.path is required");
        assertThatThrownBy(() -> config(Map.of("path", "  ")).requiredString("path"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("provider.path is required");
    }

    @Test
    void reads_an_integer_given_as_int_or_as_a_long_in_range() {
        assertThat(config(Map.of("requests_per_minute", 5)).integer("requests_per_minute")).hasValue(5);
        assertThat(config(Map.of("requests_per_minute", 3000L)).integer("requests_per_minute")).hasValue(3000);
        assertThat(config(Map.of()).integer("requests_per_minute")).isEmpty();
    }

    @Test
    void an_integer_beyond_int_range_stands_for_the_largest_int() {
        assertThat(config(Map.of("requests_per_minute", 1L << 40)).integer("requests_per_minute"))
                .hasValue(Integer.MAX_VALUE);
    }

    @Test
    void an_integer_written_with_a_zero_fraction_is_whole_and_a_real_fraction_is_refused() {
        assertThat(config(Map.of("requests_per_minute", new java.math.BigDecimal("120.0")))
                .integer("requests_per_minute")).hasValue(120);
        assertThatThrownBy(() -> config(Map.of("requests_per_minute", new java.math.BigDecimal("1.5")))
                .integer("requests_per_minute"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("provider.requests_per_minute must be a whole number");
    }

    @Test
    void a_fraction_or_text_is_not_an_integer() {
        assertThatThrownBy(() -> config(Map.of("requests_per_minute", new BigDecimal("2.5")))
                .integer("requests_per_minute"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("provider.requests_per_minute");
        assertThatThrownBy(() -> config(Map.of("requests_per_minute", "5")).integer("requests_per_minute"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("provider.requests_per_minute");
    }

    @Test
    void reads_a_boolean() {
        assertThat(config(Map.of("adjusted", true)).bool("adjusted")).contains(true);
        assertThat(config(Map.of("adjusted", false)).bool("adjusted")).contains(false);
        assertThat(config(Map.of()).bool("adjusted")).isEmpty();
    }

    @Test
    void a_boolean_of_another_type_is_refused_naming_the_field() {
        assertThatThrownBy(() -> config(Map.of("adjusted", "true")).bool("adjusted"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("provider.adjusted must be true or false");
    }

    @Test
    void copies_the_properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("api_key", "pk_1");
        ProviderConfig config = config(properties);

        properties.put("api_key", "pk_2");

        assertThat(config.string("api_key")).contains("pk_1");
    }

    @Test
    void prints_its_keys_but_no_value() {
        ProviderConfig config = config(Map.of("api_key", "sk_secret_value"));

        assertThat(config.toString()).contains("api_key").doesNotContain("sk_secret_value");
    }

    // ---- base_url ------------------------------------------------------------------------------------------------

    @Test
    void uses_the_default_when_base_url_is_absent() {
        assertThat(config(Map.of()).baseUrl(DEFAULT_URL)).isEqualTo(URI.create(DEFAULT_URL));
    }

    @Test
    void accepts_an_https_base_url() {
        assertThat(withBaseUrl("https://sandbox.iexapis.com/stable").baseUrl(DEFAULT_URL))
                .isEqualTo(URI.create("https://sandbox.iexapis.com/stable"));
    }

    @Test
    void strips_a_trailing_slash() {
        assertThat(withBaseUrl("https://api.polygon.io/").baseUrl(DEFAULT_URL))
                .isEqualTo(URI.create("https://api.polygon.io"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost", "http://localhost:8089/stable", "http://127.0.0.1:8080",
            "http://127.1.2.3", "http://[::1]:9000", "HTTP://LOCALHOST:1234"})
    void accepts_plain_http_on_a_loopback_host(String url) {
        assertThat(withBaseUrl(url).baseUrl(DEFAULT_URL).getScheme()).isEqualToIgnoringCase("http");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "http://localhost.example.com", "http://127.0.0.1.example.com",
            "http://10.0.0.1:8080"})
    void refuses_plain_http_on_any_other_host_naming_the_field(String url) {
        assertThatThrownBy(() -> withBaseUrl(url).baseUrl(DEFAULT_URL))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("provider.base_url")
                .hasMessageContaining("https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.example.com/v1?format=json", "https://api.example.com/v1#part",
            "https://user:secret@api.example.com"})
    void refuses_a_base_url_with_a_query_a_fragment_or_credentials(String url) {
        assertThatThrownBy(() -> withBaseUrl(url).baseUrl(DEFAULT_URL))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("provider.base_url")
                .hasMessageNotContaining("secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://files.example.com", "api.example.com/v1", "not a url", ""})
    void refuses_a_base_url_that_is_not_an_absolute_http_url(String url) {
        assertThatThrownBy(() -> withBaseUrl(url).baseUrl(DEFAULT_URL))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("provider.base_url");
    }

    /** The contract: no token inside a URL ever appears in any output, and a refusal message is output. */
    @ParameterizedTest
    @ValueSource(strings = {"cloud.iexapis.com/stable?token=sk_live_secret", "ftp://host/x?token=sk_live_secret",
            "https://api.example.com/v1?token=sk_live_secret&x=a b"})
    void a_refused_base_url_never_quotes_a_token_it_carries(String url) {
        assertThatThrownBy(() -> withBaseUrl(url).baseUrl(DEFAULT_URL))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("provider.base_url")
                .hasMessageNotContaining("sk_live_secret");
    }
}
