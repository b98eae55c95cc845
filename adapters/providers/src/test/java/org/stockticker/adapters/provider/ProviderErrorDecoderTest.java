package org.stockticker.adapters.provider;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Request;
import feign.Response;
import feign.RetryableException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.RejectedCredentialsException;

/** What an error status means for every provider, and how a provider adds meanings of its own. */
class ProviderErrorDecoderTest {

    private static final String KEY = "sk_SECRET_12345";

    private final ProviderErrorDecoder shared = new ProviderErrorDecoder("acme", KEY) { };

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503, 504})
    void retries_rate_limits_and_server_errors(int status) {
        Exception failure = shared.decode("Api#bars", response(status, "busy"));

        assertThat(failure).isInstanceOf(RetryableException.class).hasMessage("HTTP " + status);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void reports_a_rejected_key_with_the_explanation_and_the_key_masked(int status) {
        Exception failure = shared.decode("Api#bars", response(status, "Key\n" + KEY + " is not valid"));

        assertThat(failure).isInstanceOf(RejectedCredentialsException.class)
                .hasMessage("provider acme rejected the API key (HTTP " + status + "): Key **** is not valid");
    }

    @Test
    void reports_any_other_status_as_unexpected_without_a_cause() {
        Exception failure = shared.decode("Api#bars", response(418, "I'm a teapot, token=" + KEY));

        assertThat(failure).isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider acme answered with the unexpected HTTP 418: I'm a teapot, token=****")
                .hasNoCause();
    }

    @Test
    void ends_the_message_with_the_status_when_the_answer_explains_nothing() {
        assertThat(shared.decode("Api#bars", response(404, null)))
                .hasMessage("provider acme answered with the unexpected HTTP 404");
        assertThat(shared.decode("Api#bars", response(401, "")))
                .hasMessage("provider acme rejected the API key (HTTP 401)");
    }

    @Test
    void cuts_a_long_explanation_to_a_short_line() {
        Exception failure = shared.decode("Api#bars", response(400, "x".repeat(1000)));

        assertThat(failure.getMessage()).endsWith("...").hasSizeLessThan(300);
    }

    @Test
    void lets_a_provider_give_a_status_its_own_meaning_before_the_shared_ones() {
        ProviderErrorDecoder particular = new ProviderErrorDecoder("acme", KEY) {
            @Override
            protected Optional<Exception> meaning(int status, Response response) {
                return status == 403 ? Optional.of(new IllegalStateException("forbidden" + detail(response)))
                        : Optional.empty();
            }
        };

        assertThat(particular.decode("Api#bars", response(403, "no such plan")))
                .isInstanceOf(IllegalStateException.class).hasMessage("forbidden: no such plan");
        assertThat(particular.decode("Api#bars", response(401, "bad key")))
                .isInstanceOf(RejectedCredentialsException.class);
    }

    @Test
    void lets_a_provider_retry_more_statuses_and_take_none_to_be_about_the_key() {
        ProviderErrorDecoder behindAProxy = new ProviderErrorDecoder("acme", KEY) {
            @Override
            protected boolean isRetryable(int status) {
                return status == 499 || super.isRetryable(status);
            }

            @Override
            protected boolean rejectsKey(int status) {
                return false;
            }
        };

        assertThat(behindAProxy.decode("Api#bars", response(499, ""))).isInstanceOf(RetryableException.class);
        assertThat(behindAProxy.decode("Api#bars", response(403, "")))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider acme answered with the unexpected HTTP 403");
    }

    @Test
    void lets_a_provider_explain_itself_in_its_own_words() {
        ProviderErrorDecoder json = new ProviderErrorDecoder("acme", KEY) {
            @Override
            protected String explanation(Response response) {
                return "the provider's own words";
            }
        };

        assertThat(json.decode("Api#bars", response(401, "{\"detail\":\"x\"}")))
                .hasMessage("provider acme rejected the API key (HTTP 401): the provider's own words");
    }

    private static Response response(int status, String body) {
        Request request = Request.create(Request.HttpMethod.GET, "https://h/x?token=" + KEY, Map.of(), null,
                StandardCharsets.UTF_8, null);
        Response.Builder response = Response.builder().status(status).request(request).headers(Map.of());
        if (body != null) {
            response.body(body, StandardCharsets.UTF_8);
        }
        return response.build();
    }
}
