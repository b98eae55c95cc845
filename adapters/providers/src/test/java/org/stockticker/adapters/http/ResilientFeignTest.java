package org.stockticker.adapters.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import feign.Param;
import feign.RequestLine;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stockticker.application.port.out.BrokenAnswerException;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.QuotaSpentException;
import org.stockticker.application.port.out.RateLimitListener;

class ResilientFeignTest {

    private static final String KEY = "sk_SECRET_12345";
    private static final HttpPolicy FAST = policy(3, Duration.ofMillis(20), Duration.ofSeconds(5));
    private static final ErrorDecoder ERRORS = (methodKey, response) ->
            response.status() == 429 || response.status() >= 500
                    ? HttpErrors.retryable(response)
                    : new IllegalStateException("refused with HTTP " + response.status());

    /** A 402 says the hourly allocation is spent, as a provider's decoder recognises its own answer. */
    private static final ErrorDecoder QUOTAS = (methodKey, response) -> response.status() == 402
            ? SpentQuota.untilTheNextHour("its hourly allocation")
            : ERRORS.decode(methodKey, response);

    /** An answer long enough to be sent in 40 pieces. */
    private static final String TRICKLED = "{\"prices\":[" + "1.10,".repeat(39) + "1.10]}";

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    /** A provider API as small as possible, with the key in the query as real providers take it. */
    interface QuoteApi {

        @RequestLine("GET /quote?apikey={key}")
        JsonNode quote(@Param("key") String key);

        @RequestLine("GET /history?apikey={key}")
        Response history(@Param("key") String key);
    }

    @Test
    void retries_a_server_error_and_returns_the_next_answer_with_exact_decimals() {
        failOnceThen("/quote", 503, okJson("{\"price\":1.10}"));

        JsonNode quote = client(FAST).quote(KEY);

        assertThat(quote.get("price").decimalValue().toPlainString()).isEqualTo("1.10");
        SERVER.verify(2, getRequestedFor(urlPathEqualTo("/quote")));
    }

    @Test
    void sends_error_statuses_to_the_decoder_also_for_methods_returning_the_raw_answer() {
        failOnceThen("/history", 500, okJson("[]"));

        try (Response history = client(FAST).history(KEY)) {
            assertThat(history.status()).isEqualTo(200);
        }
        SERVER.verify(2, getRequestedFor(urlPathEqualTo("/history")));
    }

    @Test
    void passes_a_failure_the_decoder_does_not_mark_retryable_through_after_one_attempt() {
        SERVER.stubFor(get(urlPathEqualTo("/quote")).willReturn(aResponse().withStatus(418)));

        assertThatThrownBy(() -> client(FAST).quote(KEY))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("refused with HTTP 418");
        SERVER.verify(1, getRequestedFor(urlPathEqualTo("/quote")));
    }

    @Test
    void gives_up_after_the_last_attempt_without_quoting_the_query() {
        SERVER.stubFor(get(urlPathEqualTo("/quote")).willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> client(FAST).quote(KEY))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider test kept failing: HTTP 502 for GET /quote after 3 attempts")
                .hasNoCause();
        SERVER.verify(3, getRequestedFor(urlPathEqualTo("/quote")));
    }

    @Test
    void tells_the_listener_until_when_a_429_makes_it_wait_and_nothing_for_a_server_error() {
        failOnceThen("/quote", 429, okJson("{}"), "1");
        failOnceThen("/history", 503, okJson("[]"));
        List<Instant> waits = new CopyOnWriteArrayList<>();
        QuoteApi api = client(policy(2, Duration.ofMillis(20), Duration.ofSeconds(5)), waits::add);

        api.history(KEY).close();
        Instant before = Instant.now();
        api.quote(KEY);
        Instant after = Instant.now();

        SERVER.verify(2, getRequestedFor(urlPathEqualTo("/history")));
        assertThat(waits).singleElement().satisfies(until -> assertThat(until)
                .isAfterOrEqualTo(before.plusMillis(500)).isBeforeOrEqualTo(after.plusSeconds(1)));
    }

    @Test
    void a_retry_after_longer_than_the_longest_wait_ends_the_call_at_once_saying_when_the_limit_resets() {
        SERVER.stubFor(get(urlPathEqualTo("/quote"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        FakeClock clock = new FakeClock("2026-11-30T15:00:00Z");

        assertThatThrownBy(() -> client(FAST, budget(FAST, clock), ERRORS, until -> { }).quote(KEY))
                .isInstanceOfSatisfying(QuotaSpentException.class, spent -> assertThat(spent.resetsAt())
                        .contains(Instant.parse("2026-11-30T16:00:00Z")))
                .hasMessage("provider test: its rate limit (HTTP 429 asking to wait 60 min) is spent;"
                        + " it resets at 2026-11-30T16:00:00Z");
        SERVER.verify(1, getRequestedFor(urlPathEqualTo("/quote")));
        assertThat(clock.waitsLongerThan(Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void a_retry_after_longer_than_the_retry_layer_waits_holds_the_next_attempt_until_then_visibly() {
        failOnceThen("/quote", 429, okJson("{\"price\":1.10}"), "600");
        FakeClock clock = new FakeClock("2026-11-30T15:00:00Z");
        HttpPolicy policy = policy(2, Duration.ofMillis(20), Duration.ofMillis(50));
        List<Instant> waits = new CopyOnWriteArrayList<>();

        JsonNode quote = client(policy, budget(policy, clock), ERRORS, waits::add).quote(KEY);

        assertThat(quote.get("price").decimalValue().toPlainString()).isEqualTo("1.10");
        SERVER.verify(2, getRequestedFor(urlPathEqualTo("/quote")));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-30T15:10:00Z"));
        assertThat(waits).contains(Instant.parse("2026-11-30T15:10:00Z"));
    }

    @Test
    void a_spent_quota_that_resets_within_the_longest_wait_is_waited_for_once_and_asked_again() {
        failOnceThen("/quote", 402, okJson("{\"price\":1.10}"));
        FakeClock clock = new FakeClock("2026-11-30T15:50:00Z");
        List<Instant> waits = new CopyOnWriteArrayList<>();

        JsonNode quote = client(FAST, budget(FAST, clock), QUOTAS, waits::add).quote(KEY);

        assertThat(quote.get("price").decimalValue().toPlainString()).isEqualTo("1.10");
        SERVER.verify(2, getRequestedFor(urlPathEqualTo("/quote")));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(waits).containsExactly(Instant.parse("2026-11-30T16:00:00Z"));
    }

    @Test
    void a_quota_still_spent_after_its_reset_ends_the_call_with_the_next_reset() {
        SERVER.stubFor(get(urlPathEqualTo("/history")).willReturn(aResponse().withStatus(402)));
        FakeClock clock = new FakeClock("2026-11-30T15:50:00Z");

        assertThatThrownBy(() -> client(FAST, budget(FAST, clock), QUOTAS, until -> { }).history(KEY))
                .isInstanceOfSatisfying(QuotaSpentException.class, spent -> assertThat(spent.resetsAt())
                        .contains(Instant.parse("2026-11-30T17:00:00Z")));
        SERVER.verify(2, getRequestedFor(urlPathEqualTo("/history")));
    }

    @Test
    void a_spent_quota_that_resets_after_the_longest_wait_ends_the_call_at_once() {
        SERVER.stubFor(get(urlPathEqualTo("/quote")).willReturn(aResponse().withStatus(402)));
        FakeClock clock = new FakeClock("2026-11-30T15:10:00Z");

        assertThatThrownBy(() -> client(FAST, budget(FAST, clock), QUOTAS, until -> { }).quote(KEY))
                .isInstanceOf(QuotaSpentException.class)
                .hasMessage("provider test: its hourly allocation is spent; it resets at 2026-11-30T16:00:00Z");
        SERVER.verify(1, getRequestedFor(urlPathEqualTo("/quote")));
        assertThat(clock.waits()).isEmpty();
    }

    @Test
    void every_attempt_counts_against_the_budget_and_an_attempt_past_it_is_not_sent() {
        SERVER.stubFor(get(urlPathEqualTo("/quote")).willReturn(aResponse().withStatus(503)));
        FakeClock clock = new FakeClock("2026-11-30T15:00:00Z");
        HttpPolicy twoADay = FAST.withBudgets(OptionalInt.empty(), OptionalInt.of(2), Duration.ofMinutes(30));

        assertThatThrownBy(() -> client(twoADay, budget(twoADay, clock), ERRORS, until -> { }).quote(KEY))
                .isInstanceOf(QuotaSpentException.class)
                .hasMessage("provider test: its budget of 2 requests a day is spent; it resets at 2026-12-01T00:00:00Z");
        SERVER.verify(2, getRequestedFor(urlPathEqualTo("/quote")));
    }

    @Test
    void ends_a_raw_answer_that_trickles_past_the_deadline_for_a_whole_answer() {
        SERVER.stubFor(get(urlPathEqualTo("/history")).willReturn(okJson(TRICKLED).withChunkedDribbleDelay(40, 4000)));
        HttpPolicy impatient = FAST.withAnswerDeadline(Duration.ofMillis(500));

        long start = System.nanoTime();
        try (Response history = client(impatient).history(KEY)) {
            assertThatThrownBy(() -> history.body().asInputStream().readAllBytes())
                    .isInstanceOf(BrokenAnswerException.class)
                    .hasMessage("provider test did not finish its answer within 500 ms; it was sending too slowly");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void ends_a_decoded_answer_that_trickles_past_the_deadline_for_a_whole_answer() {
        SERVER.stubFor(get(urlPathEqualTo("/quote")).willReturn(okJson(TRICKLED).withChunkedDribbleDelay(40, 4000)));
        HttpPolicy impatient = FAST.withAnswerDeadline(Duration.ofMillis(500));

        assertThatThrownBy(() -> client(impatient).quote(KEY))
                .isInstanceOf(BrokenAnswerException.class)
                .hasMessage("provider test did not finish its answer within 500 ms; it was sending too slowly");
        SERVER.verify(1, getRequestedFor(urlPathEqualTo("/quote")));
    }

    @Test
    void reads_an_answer_that_arrives_in_pieces_within_the_deadline() {
        SERVER.stubFor(get(urlPathEqualTo("/quote")).willReturn(okJson(TRICKLED).withChunkedDribbleDelay(4, 200)));

        JsonNode quote = client(FAST.withAnswerDeadline(Duration.ofSeconds(5))).quote(KEY);

        assertThat(quote.get("prices")).hasSize(40);
    }

    @Test
    void stops_calling_a_provider_that_failed_every_attempt_twice_in_a_row() {
        SERVER.stubFor(get(urlPathEqualTo("/quote")).willReturn(aResponse().withStatus(500)));
        // The circuit stays open for maxBackoff: long enough that it is still open for the third call.
        QuoteApi api = client(policy(2, Duration.ofSeconds(5), Duration.ofSeconds(5)));

        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(() -> api.quote(KEY)).hasMessageContaining("kept failing: HTTP 500");
        }
        assertThatThrownBy(() -> api.quote(KEY))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider test kept failing, so calls to it are paused for up to 5 s");
        SERVER.verify(4, getRequestedFor(urlPathEqualTo("/quote")));
    }

    private static void failOnceThen(String path, int status, ResponseDefinitionBuilder then) {
        failOnceThen(path, status, then, null);
    }

    private static void failOnceThen(String path, int status,
            ResponseDefinitionBuilder then, String retryAfter) {
        ResponseDefinitionBuilder failure = aResponse().withStatus(status);
        if (retryAfter != null) {
            failure = failure.withHeader("Retry-After", retryAfter);
        }
        MappingBuilder first = get(urlPathEqualTo(path)).inScenario("flaky " + path).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(failure).willSetStateTo("recovered");
        SERVER.stubFor(first);
        SERVER.stubFor(get(urlPathEqualTo(path)).inScenario("flaky " + path).whenScenarioStateIs("recovered").willReturn(then));
    }

    private static QuoteApi client(HttpPolicy policy) {
        return client(policy, until -> { });
    }

    private static QuoteApi client(HttpPolicy policy, RateLimitListener rateLimits) {
        return client(policy, new RequestBudget("test", policy.limits(), Clock.systemUTC(), Sleeper.THREAD), ERRORS,
                rateLimits);
    }

    private static QuoteApi client(HttpPolicy policy, RequestBudget budget, ErrorDecoder errors,
            RateLimitListener rateLimits) {
        return ResilientFeign.client(QuoteApi.class, "test", URI.create("http://127.0.0.1:" + SERVER.getPort()),
                policy, budget, errors, rateLimits);
    }

    private static RequestBudget budget(HttpPolicy policy, FakeClock clock) {
        return new RequestBudget("test", policy.limits(), clock, clock);
    }

    private static HttpPolicy policy(int maxAttempts, Duration maxBackoff, Duration maxRetryAfter) {
        return new HttpPolicy(60_000, Duration.ofSeconds(2), Duration.ofSeconds(5), maxAttempts,
                Duration.ofMillis(10), maxBackoff, maxRetryAfter);
    }
}
