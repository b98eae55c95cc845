package org.stockticker.adapters.alphavantage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockticker.adapters.http.FakeClock;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.provider.NetworkSettings;
import org.stockticker.application.port.out.ProviderConfig;
import org.stockticker.application.port.out.ProviderReach;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.QuotaSpentException;
import org.stockticker.application.port.out.RejectedCredentialsException;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

class AlphaVantagePriceProviderTest {

    /** The key the daily-limit sample quotes, as Alpha Vantage quotes the caller's own key. */
    private static final String KEY = "sk_SECRET_12345";
    private static final Symbol IBM = new Symbol("IBM");
    /** 10:00 in New York on Monday 2024-01-08. */
    private static final Clock MONDAY = Clock.fixed(Instant.parse("2024-01-08T15:00:00Z"), ZoneOffset.UTC);
    private static final DateWindow FIRST_WEEK = window("2024-01-02", "2024-01-05");
    private static final HttpPolicy FAST = new HttpPolicy(60_000, Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
            Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5));

    @RegisterExtension
    static final WireMockExtension ALPHA_VANTAGE = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @Test
    void reaches_one_symbol_a_request_without_adjusted_values_at_the_configured_pace() {
        assertThat(provider().reach()).isEqualTo(ProviderReach.perSymbol(false, 60_000));
    }

    @Test
    void reaches_with_the_free_plans_daily_budget_unless_configured_otherwise() {
        NetworkSettings free = AlphaVantagePriceProvider.settings(new ProviderConfig("alpha_vantage",
                Map.of("api_key", KEY)));

        assertThat(new AlphaVantagePriceProvider(free, FAST, MONDAY).reach()).isEqualTo(
                ProviderReach.perSymbol(false, 5).withBudgets(OptionalInt.empty(), OptionalInt.of(25)));
    }

    @Test
    void reads_the_string_values_as_exact_decimals_and_hands_the_days_on_oldest_first() {
        ALPHA_VANTAGE.stubFor(query().willReturn(okJson(sample("daily-ibm.json"))));

        List<DailyBar> bars = read(provider(), FIRST_WEEK);

        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.parse("2024-01-02"),
                LocalDate.parse("2024-01-03"), LocalDate.parse("2024-01-04"), LocalDate.parse("2024-01-05"));
        DailyBar latest = bars.get(3);
        assertThat(latest.symbol()).isEqualTo(IBM);
        assertThat(latest.open().toPlainString()).isEqualTo("181.9900");
        assertThat(latest.high().toPlainString()).isEqualTo("182.7600");
        assertThat(latest.low().toPlainString()).isEqualTo("180.1700");
        assertThat(latest.close().toPlainString()).isEqualTo("181.1800");
        assertThat(latest.volume()).isEqualTo(62_379_661L);
        assertThat(bars).extracting(DailyBar::adjustedClose).containsOnlyNulls();
    }

    @Test
    void asks_for_the_daily_series_with_the_key_as_the_apikey_parameter() {
        ALPHA_VANTAGE.stubFor(query().willReturn(okJson(sample("daily-ibm.json"))));

        read(provider(), FIRST_WEEK);

        ALPHA_VANTAGE.verify(1, getRequestedFor(urlPathEqualTo("/query")));
        ALPHA_VANTAGE.verify(getRequestedFor(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("TIME_SERIES_DAILY"))
                .withQueryParam("symbol", equalTo("IBM"))
                .withQueryParam("outputsize", equalTo("compact"))
                .withQueryParam("apikey", equalTo(KEY)));
    }

    @ParameterizedTest(name = "now {0}, from {1}: {2}")
    @CsvSource({
            // Friday 2024-05-10: its 90th weekday back is Monday 2024-01-08.
            "2024-05-10T15:00:00Z, 2024-05-10, compact",
            "2024-05-10T15:00:00Z, 2024-01-08, compact",
            // A weekend before the first trusted weekday holds no trading day to miss.
            "2024-05-10T15:00:00Z, 2024-01-06, compact",
            "2024-05-10T15:00:00Z, 2024-01-05, full",
            "2024-05-10T15:00:00Z, 2000-01-03, full",
            // A Saturday counts no weekday of its own.
            "2024-05-11T15:00:00Z, 2024-01-08, compact",
            "2024-05-11T15:00:00Z, 2024-01-05, full",
            // 22:00 on Monday 13th in New York is already Tuesday in UTC; the exchange's day counts.
            "2024-05-14T02:00:00Z, 2024-01-09, compact",
            "2024-05-14T02:00:00Z, 2024-01-08, full"
    })
    void asks_for_compact_only_when_the_window_surely_lies_within_the_latest_100_trading_days(
            String now, String from, String outputSize) {
        ALPHA_VANTAGE.stubFor(query().willReturn(okJson(sample("daily-ibm.json"))));
        Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);

        read(new AlphaVantagePriceProvider(settings(), FAST, clock), window(from, "2024-05-10"));

        ALPHA_VANTAGE.verify(1, getRequestedFor(urlPathEqualTo("/query")));
        ALPHA_VANTAGE.verify(getRequestedFor(urlPathEqualTo("/query"))
                .withQueryParam("outputsize", equalTo(outputSize)));
    }

    @Test
    void verifies_a_symbol_with_one_compact_request() {
        ALPHA_VANTAGE.stubFor(query().willReturn(okJson(sample("daily-ibm.json"))));

        provider().verify(IBM);

        ALPHA_VANTAGE.verify(1, getRequestedFor(urlPathEqualTo("/query")));
        ALPHA_VANTAGE.verify(getRequestedFor(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("TIME_SERIES_DAILY"))
                .withQueryParam("symbol", equalTo("IBM"))
                .withQueryParam("outputsize", equalTo("compact"))
                .withQueryParam("apikey", equalTo(KEY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"note-call-frequency.json", "information-per-second.json"})
    void waits_out_a_limit_of_the_pace_sent_with_http_200_and_tries_again(String limit) {
        limitedOnceThen(okJson(sample("daily-ibm.json")), limit);
        List<Instant> waits = new CopyOnWriteArrayList<>();
        AlphaVantagePriceProvider provider = provider();
        provider.onRateLimited(waits::add);

        List<DailyBar> bars = read(provider, FIRST_WEEK);

        assertThat(bars).hasSize(4);
        assertThat(waits).hasSize(1);
        ALPHA_VANTAGE.verify(2, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void waits_out_a_rate_limit_when_verifying_too() {
        limitedOnceThen(okJson(sample("daily-ibm.json")), "note-call-frequency.json");

        provider().verify(IBM);

        ALPHA_VANTAGE.verify(2, getRequestedFor(urlPathEqualTo("/query")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"note-call-frequency.json", "information-per-second.json"})
    void reports_a_limit_of_the_pace_that_outlasts_every_attempt_as_unavailable(String limit) {
        ALPHA_VANTAGE.stubFor(query().willReturn(okJson(sample(limit))));
        List<Instant> waits = new CopyOnWriteArrayList<>();
        AlphaVantagePriceProvider provider = provider();
        provider.onRateLimited(waits::add);

        assertThatThrownBy(() -> read(provider, FIRST_WEEK))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider alpha_vantage kept failing: HTTP 429 for GET /query after 3 attempts");
        assertThat(waits).hasSize(2);
        ALPHA_VANTAGE.verify(3, getRequestedFor(urlPathEqualTo("/query")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"information-daily-limit.json", "note-daily-limit.json"})
    void ends_at_once_when_the_daily_limit_is_spent_saying_it_resets_at_midnight_utc(String limit) {
        ALPHA_VANTAGE.stubFor(get(urlPathEqualTo("/query")).willReturn(okJson(sample(limit))));
        List<Instant> waits = new CopyOnWriteArrayList<>();
        AlphaVantagePriceProvider provider = provider();
        provider.onRateLimited(waits::add);

        assertThatThrownBy(() -> read(provider, FIRST_WEEK))
                .isInstanceOfSatisfying(QuotaSpentException.class, spent -> {
                    assertThat(spent.resetsAt()).contains(Instant.parse("2024-01-09T00:00:00Z"));
                    assertThat(spent.provider()).isEqualTo("alpha_vantage");
                })
                .hasMessageStartingWith("provider alpha_vantage: its daily request limit (HTTP 200 with Alpha"
                        + " Vantage's ")
                .hasMessageEndingWith(" about it; taken to reset at midnight UTC) is spent;"
                        + " it resets at 2024-01-09T00:00:00Z")
                .hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> read(provider, new Symbol("MSFT"), FIRST_WEEK))
                .isInstanceOf(QuotaSpentException.class);
        assertThat(waits).isEmpty();
        ALPHA_VANTAGE.verify(1, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void waits_for_midnight_utc_when_the_daily_limit_is_spent_shortly_before_it() {
        limitedOnceThen(okJson(sample("daily-ibm.json")), "information-daily-limit.json");
        FakeClock lateMonday = new FakeClock("2024-01-08T23:50:00Z");
        List<Instant> waits = new CopyOnWriteArrayList<>();
        AlphaVantagePriceProvider provider = new AlphaVantagePriceProvider(settings(), FAST, lateMonday);
        provider.onRateLimited(waits::add);

        List<DailyBar> bars = read(provider, FIRST_WEEK);

        assertThat(bars).hasSize(4);
        assertThat(waits).containsExactly(Instant.parse("2024-01-09T00:00:00Z"));
        assertThat(lateMonday.instant()).isAfterOrEqualTo(Instant.parse("2024-01-09T00:00:00Z"));
        ALPHA_VANTAGE.verify(2, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void reports_a_premium_only_request_as_unavailable_with_the_providers_text_at_once() {
        ALPHA_VANTAGE.stubFor(query().willReturn(okJson(sample("information-premium.json"))));

        assertThatThrownBy(() -> read(provider(), window("2000-01-03", "2024-01-05")))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider alpha_vantage refused the request for IBM as premium-only: Thank you for using"
                        + " Alpha Vantage! The outputsize=full parameter value is a premium feature for the"
                        + " TIME_SERIES_DAILY endpoint. You may subscribe to any of the premium plans at"
                        + " https://www.alphavantage.co/premium/ to instantly unlock all premium features");
        ALPHA_VANTAGE.verify(1, getRequestedFor(urlPathEqualTo("/query")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"error-invalid-key.json", "information-demo-key.json"})
    void reports_a_refused_key_at_once(String refusal) {
        ALPHA_VANTAGE.stubFor(query().willReturn(okJson(sample(refusal))));

        assertThatThrownBy(() -> provider().verify(IBM))
                .isInstanceOf(RejectedCredentialsException.class)
                .hasMessageStartingWith("provider alpha_vantage rejected the API key: ")
                .hasMessageContaining("API key");
        ALPHA_VANTAGE.verify(1, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void reports_an_invalid_call_as_an_unknown_symbol() {
        ALPHA_VANTAGE.stubFor(query("ZZZZ").willReturn(okJson(sample("error-invalid-call.json"))));
        Symbol unknown = new Symbol("ZZZZ");
        AlphaVantagePriceProvider provider = provider();

        assertThatThrownBy(() -> provider.dailyBars(unknown, FIRST_WEEK))
                .isInstanceOfSatisfying(UnknownSymbolException.class, e -> assertThat(e.symbol()).isEqualTo(unknown))
                .hasMessage("Ticker ZZZZ is unknown to provider alpha_vantage");
        assertThatThrownBy(() -> provider.verify(unknown))
                .isInstanceOfSatisfying(UnknownSymbolException.class, e -> assertThat(e.symbol()).isEqualTo(unknown));
        ALPHA_VANTAGE.verify(2, getRequestedFor(urlPathEqualTo("/query")));
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 503})
    void retries_a_real_rate_limit_or_server_error_status(int status) {
        limitedOnceThen(okJson(sample("daily-ibm.json")), null, aResponse().withStatus(status));

        assertThat(read(provider(), FIRST_WEEK)).hasSize(4);
        ALPHA_VANTAGE.verify(2, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void gives_up_on_server_errors_after_the_last_attempt() {
        ALPHA_VANTAGE.stubFor(query().willReturn(aResponse().withStatus(500).withBody("oops")));

        assertThatThrownBy(() -> read(provider(), FIRST_WEEK))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider alpha_vantage kept failing: HTTP 500 for GET /query after 3 attempts");
        ALPHA_VANTAGE.verify(3, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void reports_an_unexpected_status_with_the_body_masked() {
        ALPHA_VANTAGE.stubFor(query().willReturn(aResponse().withStatus(404).withBody("No route /query?apikey=" + KEY)));

        assertThatThrownBy(() -> read(provider(), FIRST_WEEK))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider alpha_vantage answered with the unexpected HTTP 404: No route /query?apikey=****");
        ALPHA_VANTAGE.verify(1, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void reports_an_answer_that_is_not_json_as_unavailable() {
        ALPHA_VANTAGE.stubFor(query().willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody(sample("maintenance.html"))));

        assertThatThrownBy(() -> read(provider(), FIRST_WEEK))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider alpha_vantage gave an answer that could not be read (HTTP 200 for GET /query)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"Meta Data\":{\"2. Symbol\":\"IBM\"}}", "[]", "{\"Time Series (Daily)\":[]}"})
    void reports_json_without_a_daily_series_as_unavailable(String body) {
        ALPHA_VANTAGE.stubFor(query().willReturn(okJson(body)));

        assertThatThrownBy(() -> provider().verify(IBM))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider alpha_vantage answered JSON without a daily time series for IBM");
    }

    @Test
    void reports_an_empty_answer_as_unavailable() {
        ALPHA_VANTAGE.stubFor(query().willReturn(aResponse().withStatus(200)));

        assertThatThrownBy(() -> read(provider(), FIRST_WEEK))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider alpha_vantage answered nothing for IBM");
    }

    @Test
    void skips_the_bars_the_domain_refuses_and_keeps_the_others() {
        ALPHA_VANTAGE.stubFor(query().willReturn(okJson(sample("daily-refused-bars.json"))));

        // Refused: high below low (4th), a zero open (3rd), no close (2nd), a close "n/a" (1st), half a share (29th).
        List<DailyBar> bars = read(provider(), window("2023-12-28", "2024-01-05"));

        assertThat(bars).extracting(DailyBar::date)
                .containsExactly(LocalDate.parse("2023-12-28"), LocalDate.parse("2024-01-05"));
    }

    @Test
    void never_shows_the_key_in_a_message_or_a_trace() throws IOException {
        List<Throwable> failures = new ArrayList<>();
        ALPHA_VANTAGE.stubFor(query("PREM").willReturn(okJson(
                "{\"Information\":\"Premium endpoint; your key " + KEY + " (apikey=" + KEY + ") lacks it\"}")));
        ALPHA_VANTAGE.stubFor(query("KEY").willReturn(okJson(
                "{\"Error Message\":\"the parameter apikey is invalid or missing: " + KEY + "\"}")));
        ALPHA_VANTAGE.stubFor(query("LIMIT").willReturn(okJson(sample("information-daily-limit.json"))));
        ALPHA_VANTAGE.stubFor(query("DOWN").willReturn(aResponse().withStatus(503).withBody(KEY)));
        ALPHA_VANTAGE.stubFor(query("GONE").willReturn(aResponse().withStatus(404).withBody("apikey=" + KEY)));
        ALPHA_VANTAGE.stubFor(query("HTML").willReturn(aResponse().withStatus(200).withBody(sample("maintenance.html"))));
        ALPHA_VANTAGE.stubFor(query("ECHO").willReturn(aResponse().withStatus(200).withBody(KEY)));
        AlphaVantagePriceProvider provider = provider();
        // The daily limit last: no request goes out after it.
        for (String symbol : List.of("PREM", "KEY", "DOWN", "GONE", "HTML", "ECHO", "LIMIT")) {
            failures.add(catchThrowable(() -> read(provider, new Symbol(symbol), FIRST_WEEK)));
        }
        NetworkSettings nowhere = new NetworkSettings(KEY, URI.create("http://127.0.0.1:" + closedPort()),
                60_000);
        failures.add(catchThrowable(() -> new AlphaVantagePriceProvider(nowhere, FAST, MONDAY).verify(IBM)));

        assertThat(failures).hasSize(8).doesNotContainNull();
        for (Throwable failure : failures) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            assertThat(failure.toString()).doesNotContain(KEY);
            assertThat(trace.toString()).doesNotContain(KEY);
        }
        assertThat(failures.get(0)).hasMessageContaining("your key **** (apikey=****) lacks it");
        assertThat(failures.get(1)).isInstanceOf(RejectedCredentialsException.class).hasMessageEndingWith(": ****");
        assertThat(provider.toString()).doesNotContain(KEY).contains("127.0.0.1");
    }

    private static MappingBuilder query() {
        return query("IBM");
    }

    private static MappingBuilder query(String symbol) {
        return get(urlPathEqualTo("/query")).withQueryParam("symbol", equalTo(symbol));
    }

    /** The first request answers the rate-limit sample {@code limit} (or {@code status}), the later ones {@code then}. */
    private static void limitedOnceThen(ResponseDefinitionBuilder then, String limit) {
        limitedOnceThen(then, limit, null);
    }

    private static void limitedOnceThen(ResponseDefinitionBuilder then, String limit, ResponseDefinitionBuilder status) {
        ALPHA_VANTAGE.stubFor(query().inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(status != null ? status : okJson(sample(limit)))
                .willSetStateTo("served"));
        ALPHA_VANTAGE.stubFor(query().inScenario("limit").whenScenarioStateIs("served").willReturn(then));
    }

    private static NetworkSettings settings() {
        return new NetworkSettings(KEY, URI.create("http://127.0.0.1:" + ALPHA_VANTAGE.getPort()), 60_000);
    }

    private static AlphaVantagePriceProvider provider() {
        return new AlphaVantagePriceProvider(settings(), FAST, MONDAY);
    }

    private static List<DailyBar> read(AlphaVantagePriceProvider provider, DateWindow window) {
        return read(provider, IBM, window);
    }

    private static List<DailyBar> read(AlphaVantagePriceProvider provider, Symbol symbol, DateWindow window) {
        try (Stream<DailyBar> bars = provider.dailyBars(symbol, window)) {
            return bars.toList();
        }
    }

    private static DateWindow window(String from, String to) {
        return new DateWindow(LocalDate.parse(from), LocalDate.parse(to));
    }

    private static String sample(String name) {
        try (InputStream in = AlphaVantagePriceProviderTest.class.getResourceAsStream("/alphavantage/" + name)) {
            assertThat(in).as("test resource alphavantage/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read test resource alphavantage/" + name, e);
        }
    }

    /** A loopback port nothing listens on: one the system just handed out and that was closed again. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
