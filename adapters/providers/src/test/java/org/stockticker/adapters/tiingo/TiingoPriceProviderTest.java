package org.stockticker.adapters.tiingo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
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
import java.util.TimeZone;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
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

/**
 * The Tiingo adapter's own promises beyond the contract: the key in the header alone, exactly the window's days,
 * Tiingo's date stamps, its error bodies, and answers that are missing pieces or cut short.
 */
class TiingoPriceProviderTest {

    private static final String KEY = "sk_SECRET_12345";
    private static final Symbol GOOG = new Symbol("GOOG");
    private static final Clock JANUARY_9 = Clock.fixed(Instant.parse("2015-01-09T15:00:00Z"), ZoneOffset.UTC);
    private static final DateWindow FIRST_WEEK = window("2015-01-02", "2015-01-08");
    private static final String PRICES = "/tiingo/daily/GOOG/prices";
    /** Tiingo's answer once the free plan's 50 requests of the hour are spent. */
    private static final ResponseDefinitionBuilder HOURLY_ALLOCATION_SPENT =
            json(429, "{\"detail\":\"Error: You have run over your hourly request allocation.\"}");
    private static final HttpPolicy FAST = new HttpPolicy(60_000, Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
            Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5));

    @RegisterExtension
    static final WireMockExtension TIINGO = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @Test
    void reaches_one_symbol_a_request_with_an_adjusted_close_at_the_configured_pace() {
        assertThat(provider().reach()).isEqualTo(ProviderReach.perSymbol(true, 60_000));
    }

    @Test
    void reaches_with_the_free_plans_hourly_and_daily_budgets_unless_configured_otherwise() {
        NetworkSettings free = TiingoPriceProvider.settings(new ProviderConfig("tiingo", Map.of("api_key", KEY)));

        assertThat(new TiingoPriceProvider(free, FAST, JANUARY_9).reach()).isEqualTo(ProviderReach.perSymbol(true, 1)
                .withBudgets(OptionalInt.of(50), OptionalInt.of(1000)));
    }

    @Test
    void is_named_tiingo() {
        assertThat(provider().name()).isEqualTo("tiingo");
    }

    @Test
    void sends_the_key_only_in_the_authorization_header() {
        TIINGO.stubFor(get(urlPathEqualTo(PRICES)).willReturn(okJson(sample("prices-goog.json"))));
        TIINGO.stubFor(get(urlPathEqualTo("/tiingo/daily/GOOG")).willReturn(okJson(description())));
        TiingoPriceProvider provider = provider();

        read(provider, FIRST_WEEK);
        provider.verify(GOOG);

        List<ServeEvent> requests = TIINGO.getAllServeEvents();
        assertThat(requests).hasSize(2);
        assertThat(requests).allSatisfy(event -> {
            assertThat(event.getRequest().getUrl()).doesNotContain(KEY);
            assertThat(event.getRequest().getHeader("Authorization")).isEqualTo("Token " + KEY);
        });
        TIINGO.verify(2, getRequestedFor(urlPathMatching(".*")).withQueryParam("token", absent()));
    }

    @Test
    void asks_for_exactly_the_days_of_the_window() {
        TIINGO.stubFor(get(urlPathEqualTo(PRICES)).willReturn(okJson("[]")));

        read(provider(), window("2014-12-31", "2015-01-06"));
        read(provider(), window("2015-01-05", "2015-01-05"));

        List<String> urls = TIINGO.getAllServeEvents().stream().map(event -> event.getRequest().getUrl()).toList();
        assertThat(urls).containsExactlyInAnyOrder(
                PRICES + "?startDate=2014-12-31&endDate=2015-01-06",
                PRICES + "?startDate=2015-01-05&endDate=2015-01-05");
    }

    @Test
    void maps_the_as_traded_fields_and_adjClose() {
        TIINGO.stubFor(get(urlPathEqualTo(PRICES)).willReturn(okJson(sample("prices-goog.json"))));

        List<DailyBar> bars = read(provider(), FIRST_WEEK);

        assertThat(bars).extracting(DailyBar::date).containsExactly(
                LocalDate.parse("2015-01-02"), LocalDate.parse("2015-01-05"), LocalDate.parse("2015-01-06"));
        assertThat(bars.get(1)).isEqualTo(new DailyBar(GOOG, LocalDate.parse("2015-01-05"), new BigDecimal("527.15"),
                new BigDecimal("527.99"), new BigDecimal("517.75"), new BigDecimal("519.46"), 2_059_840L,
                new BigDecimal("25.973")));
    }

    @Test
    void keeps_prices_as_the_exact_decimals_sent() {
        TIINGO.stubFor(get(urlPathEqualTo(PRICES)).willReturn(okJson(sample("prices-goog.json"))));

        List<DailyBar> bars = read(provider(), FIRST_WEEK);

        assertThat(bars.get(0).high().toPlainString()).isEqualTo("535.8");
        assertThat(bars.get(0).adjustedClose().toPlainString()).isEqualTo("26.4775");
        assertThat(bars.get(2).open().toPlainString()).isEqualTo("520.50");
        assertThat(bars.get(2).open().scale()).isEqualTo(2);
    }

    // Kiritimati (UTC+14) keeps midnight UTC on the same date; Pago Pago (UTC-11) and New York move it to the day
    // before, so a conversion through the default zone fails at least there.
    @ParameterizedTest
    @ValueSource(strings = {"Pacific/Kiritimati", "Pacific/Pago_Pago", "America/New_York"})
    void takes_the_trading_day_from_the_date_part_whatever_the_default_zone(String zone) {
        TIINGO.stubFor(get(urlPathEqualTo(PRICES)).willReturn(okJson(sample("prices-goog.json"))));
        TimeZone original = TimeZone.getDefault();
        List<DailyBar> bars;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            bars = read(provider(), window("2015-01-02", "2015-01-05"));
        } finally {
            TimeZone.setDefault(original);
        }

        assertThat(bars).extracting(DailyBar::date)
                .containsExactly(LocalDate.parse("2015-01-02"), LocalDate.parse("2015-01-05"));
        assertThat(bars.get(0).close().toPlainString()).isEqualTo("529.55");
    }

    @Test
    void keeps_missing_prices_and_volume_as_null_and_skips_a_bar_without_a_close() {
        TIINGO.stubFor(get(urlPathEqualTo(PRICES)).willReturn(okJson(sample("prices-nulls.json"))));

        List<DailyBar> bars = read(provider(), FIRST_WEEK);

        assertThat(bars).extracting(DailyBar::date)
                .containsExactly(LocalDate.parse("2015-01-02"), LocalDate.parse("2015-01-06"));
        assertThat(bars.get(0)).isEqualTo(new DailyBar(GOOG, LocalDate.parse("2015-01-02"), null, null, null,
                new BigDecimal("529.55"), null, null));
    }

    @Test
    void skips_bars_the_domain_refuses_and_elements_it_cannot_read() {
        TIINGO.stubFor(get(urlPathEqualTo(PRICES)).willReturn(okJson(sample("prices-refused-bars.json"))));

        List<DailyBar> bars = read(provider(), window("2015-01-02", "2015-01-09"));

        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.parse("2015-01-09"));
    }

    @Test
    void drops_bars_outside_the_window_should_the_answer_hold_any() {
        TIINGO.stubFor(get(urlPathEqualTo(PRICES)).willReturn(okJson(sample("prices-goog.json"))));

        List<DailyBar> bars = read(provider(), window("2015-01-03", "2015-01-05"));

        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.parse("2015-01-05"));
    }

    @Test
    void hands_out_bars_before_the_answer_ends_and_reports_a_body_cut_short() {
        String full = sample("prices-goog.json");
        String cut = full.substring(0, full.indexOf("{\"date\":\"2015-01-05") + 40);
        TIINGO.stubFor(get(urlPathEqualTo(PRICES)).willReturn(okJson(cut)));

        try (Stream<DailyBar> bars = provider().dailyBars(GOOG, FIRST_WEEK)) {
            assertThat(bars.findFirst()).hasValueSatisfying(
                    bar -> assertThat(bar.date()).isEqualTo(LocalDate.parse("2015-01-02")));
        }
        assertThatThrownBy(() -> read(provider(), FIRST_WEEK))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider tiingo broke off or garbled its answer for GOOG");
    }

    @Test
    void reports_a_connection_broken_off_during_the_answer_as_unavailable() {
        TIINGO.stubFor(get(urlPathEqualTo(PRICES)).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        assertThatThrownBy(() -> read(provider(), FIRST_WEEK))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("tiingo")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void reports_an_html_page_answered_with_200() {
        TIINGO.stubFor(get(urlPathMatching("/tiingo/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody(sample("maintenance.html"))));

        assertThatThrownBy(() -> read(provider(), FIRST_WEEK))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider tiingo answered something other than JSON for GOOG");
        assertThatThrownBy(() -> provider().verify(GOOG))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider tiingo answered something other than JSON for GOOG");
    }

    @Test
    void reports_json_that_is_not_what_was_asked_for() {
        TIINGO.stubFor(get(urlPathEqualTo(PRICES)).willReturn(okJson("{\"detail\":\"Service busy.\"}")));
        TIINGO.stubFor(get(urlPathEqualTo("/tiingo/daily/GOOG")).willReturn(okJson("[]")));

        assertThatThrownBy(() -> read(provider(), FIRST_WEEK))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider tiingo answered JSON other than a list of bars for GOOG");
        assertThatThrownBy(() -> provider().verify(GOOG))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider tiingo answered JSON other than a ticker description for GOOG");
    }

    @Test
    void verifies_a_ticker_with_its_description_alone() {
        TIINGO.stubFor(get(urlPathEqualTo("/tiingo/daily/GOOG")).willReturn(okJson(description())));

        provider().verify(GOOG);

        TIINGO.verify(1, getRequestedFor(urlPathMatching(".*")));
        TIINGO.verify(getRequestedFor(urlPathEqualTo("/tiingo/daily/GOOG"))
                .withHeader("Authorization", equalTo("Token " + KEY)));
    }

    @Test
    void reports_an_unknown_ticker() {
        TIINGO.stubFor(get(urlPathMatching("/tiingo/daily/ZZZZ.*"))
                .willReturn(json(404, "{\"detail\":\"Error: Ticker 'ZZZZ' not found\"}")));
        Symbol unknown = new Symbol("ZZZZ");
        TiingoPriceProvider provider = provider();

        assertThatThrownBy(() -> provider.dailyBars(unknown, FIRST_WEEK))
                .isInstanceOfSatisfying(UnknownSymbolException.class, e -> assertThat(e.symbol()).isEqualTo(unknown))
                .hasMessage("Ticker ZZZZ is unknown to provider tiingo");
        assertThatThrownBy(() -> provider.verify(unknown))
                .isInstanceOfSatisfying(UnknownSymbolException.class, e -> assertThat(e.symbol()).isEqualTo(unknown));
        TIINGO.verify(2, getRequestedFor(urlPathMatching(".*")));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void reports_a_rejected_key_with_tiingos_detail(int status) {
        TIINGO.stubFor(get(urlPathMatching("/tiingo/.*")).willReturn(json(status, "{\"detail\":\"Invalid token.\"}")));

        assertThatThrownBy(() -> provider().verify(GOOG))
                .isInstanceOf(RejectedCredentialsException.class)
                .hasMessage("provider tiingo rejected the API key (HTTP " + status + "): Invalid token.");
        TIINGO.verify(1, getRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void waits_for_the_next_hour_when_the_hourly_allocation_is_spent_shortly_before_it_and_tells_the_listener() {
        limitedOnceThen(HOURLY_ALLOCATION_SPENT, okJson(sample("prices-goog.json")));
        FakeClock clock = new FakeClock("2015-01-09T15:58:00Z");
        List<Instant> waits = new CopyOnWriteArrayList<>();
        TiingoPriceProvider provider = new TiingoPriceProvider(settings(), FAST, clock);
        provider.onRateLimited(waits::add);

        List<DailyBar> bars = read(provider, FIRST_WEEK);

        assertThat(bars).hasSize(3);
        assertThat(waits).containsExactly(Instant.parse("2015-01-09T16:00:00Z"));
        assertThat(clock.instant()).isAfterOrEqualTo(Instant.parse("2015-01-09T16:00:00Z"));
        TIINGO.verify(2, getRequestedFor(urlPathEqualTo(PRICES)));
    }

    @Test
    void ends_at_once_when_the_hourly_allocation_is_spent_and_the_hour_turns_after_the_longest_wait() {
        TIINGO.stubFor(get(urlPathMatching("/tiingo/.*")).willReturn(HOURLY_ALLOCATION_SPENT));
        TiingoPriceProvider provider = provider();

        assertThatThrownBy(() -> read(provider, FIRST_WEEK))
                .isInstanceOfSatisfying(QuotaSpentException.class, spent -> assertThat(spent.resetsAt())
                        .contains(Instant.parse("2015-01-09T16:00:00Z")))
                .hasMessage("provider tiingo: its hourly request allocation (HTTP 429: Error: You have run over your"
                        + " hourly request allocation.) is spent; it resets at 2015-01-09T16:00:00Z");
        assertThatThrownBy(() -> provider.verify(GOOG)).isInstanceOf(QuotaSpentException.class);
        TIINGO.verify(1, getRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void ends_at_once_when_the_daily_allocation_is_spent_saying_it_resets_at_midnight_utc() {
        TIINGO.stubFor(get(urlPathEqualTo(PRICES)).willReturn(
                json(429, "{\"detail\":\"Error: You have run over your daily request allocation.\"}")));

        assertThatThrownBy(() -> read(provider(), FIRST_WEEK))
                .isInstanceOfSatisfying(QuotaSpentException.class, spent -> assertThat(spent.resetsAt())
                        .contains(Instant.parse("2015-01-10T00:00:00Z")));
        TIINGO.verify(1, getRequestedFor(urlPathEqualTo(PRICES)));
    }

    @Test
    void retries_a_429_that_is_not_about_the_allocation() {
        limitedOnceThen(json(429, "{\"detail\":\"Too many requests at once.\"}"), okJson(sample("prices-goog.json")));

        assertThat(read(provider(), FIRST_WEEK)).hasSize(3);
        TIINGO.verify(2, getRequestedFor(urlPathEqualTo(PRICES)));
    }

    @Test
    void gives_up_on_server_errors_after_the_last_attempt() {
        TIINGO.stubFor(get(urlPathMatching("/tiingo/.*")).willReturn(aResponse().withStatus(503).withBody("busy")));

        assertThatThrownBy(() -> read(provider(), FIRST_WEEK))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider tiingo kept failing: HTTP 503 for GET " + PRICES + " after 3 attempts");
        TIINGO.verify(3, getRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void reports_any_other_status_as_unavailable_without_retrying() {
        TIINGO.stubFor(get(urlPathMatching("/tiingo/.*"))
                .willReturn(json(400, "{\"detail\":\"Error: startDate must be before endDate.\"}")));

        assertThatThrownBy(() -> read(provider(), FIRST_WEEK))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider tiingo answered with the unexpected HTTP 400: Error: startDate must be before"
                        + " endDate.");
        TIINGO.verify(1, getRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void never_shows_the_key_in_a_message_a_trace_or_a_description() throws IOException {
        List<Throwable> failures = new ArrayList<>();
        stubPrices("AUTH", json(401, "{\"detail\":\"Invalid token " + KEY + ".\"}"));
        stubPrices("BAD", json(400, "{\"detail\":\"Bad request /tiingo/daily/BAD/prices?token=" + KEY + "\"}"));
        stubPrices("GONE", json(404, "{\"detail\":\"Error: Ticker 'GONE' not found\"}"));
        stubPrices("DOWN", aResponse().withStatus(503).withBody("Token " + KEY + " is throttled"));
        stubPrices("HTML", aResponse().withStatus(200).withBody(sample("maintenance.html")));
        stubPrices("ECHO", aResponse().withStatus(200).withBody(KEY));
        stubPrices("CUT", okJson("[{\"date\":\"2015-01-02T00:00:00.000Z\",\"close\":\"" + KEY));
        // JSON may spell a character as an escape: the key then shows only once the detail is parsed.
        stubPrices("ESC", json(401, "{\"detail\":\"Invalid token \\u0073" + KEY.substring(1) + ".\"}"));
        TiingoPriceProvider provider = provider();
        for (String symbol : List.of("AUTH", "BAD", "GONE", "DOWN", "HTML", "ECHO", "CUT", "ESC")) {
            failures.add(catchThrowable(() -> read(provider, new Symbol(symbol), FIRST_WEEK)));
        }
        NetworkSettings nowhere = new NetworkSettings(KEY, URI.create("http://127.0.0.1:" + closedPort()), 60_000);
        failures.add(catchThrowable(() -> new TiingoPriceProvider(nowhere, FAST, JANUARY_9).verify(GOOG)));

        assertThat(failures).hasSize(9).doesNotContainNull();
        for (Throwable failure : failures) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            assertThat(failure.toString()).doesNotContain(KEY);
            assertThat(trace.toString()).doesNotContain(KEY);
        }
        assertThat(failures.get(0)).hasMessageContaining("Invalid token ****.");
        assertThat(failures.get(1)).hasMessageContaining("token=****");
        assertThat(failures.get(7)).hasMessage("provider tiingo rejected the API key (HTTP 401): Invalid token ****.");
        assertThat(provider.toString()).doesNotContain(KEY).contains("127.0.0.1");
    }

    @Test
    void a_stream_read_to_its_end_through_a_filter_and_an_iterator_ends_cleanly() {
        TIINGO.stubFor(get(urlPathEqualTo(PRICES)).willReturn(okJson(sample("prices-goog.json"))));
        List<DailyBar> bars = new ArrayList<>();

        try (Stream<DailyBar> stream = provider().dailyBars(GOOG, FIRST_WEEK).filter(bar -> true)) {
            var iterator = stream.iterator();
            while (iterator.hasNext()) {
                bars.add(iterator.next());
            }
            assertThat(iterator.hasNext()).isFalse();
        }

        assertThat(bars).hasSize(3);
    }

    /** The first request for GOOG's prices gets {@code first}, the later ones {@code then}. */
    private static void limitedOnceThen(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        TIINGO.stubFor(get(urlPathEqualTo(PRICES)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("calm"));
        TIINGO.stubFor(get(urlPathEqualTo(PRICES)).inScenario("busy").whenScenarioStateIs("calm").willReturn(then));
    }

    private static void stubPrices(String symbol, ResponseDefinitionBuilder answer) {
        TIINGO.stubFor(get(urlPathEqualTo("/tiingo/daily/" + symbol + "/prices")).willReturn(answer));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String description() {
        return """
                {"ticker":"goog","name":"Alphabet Inc - Class C","exchangeCode":"NASDAQ","startDate":"2014-03-27",\
                "endDate":"2015-01-08","description":"Alphabet Inc. is a holding company."}""";
    }

    private static NetworkSettings settings() {
        return new NetworkSettings(KEY, URI.create("http://127.0.0.1:" + TIINGO.getPort()), 60_000);
    }

    private static TiingoPriceProvider provider() {
        return new TiingoPriceProvider(settings(), FAST, JANUARY_9);
    }

    private static List<DailyBar> read(TiingoPriceProvider provider, DateWindow window) {
        return read(provider, GOOG, window);
    }

    private static List<DailyBar> read(TiingoPriceProvider provider, Symbol symbol, DateWindow window) {
        try (Stream<DailyBar> bars = provider.dailyBars(symbol, window)) {
            return bars.toList();
        }
    }

    private static DateWindow window(String from, String to) {
        return new DateWindow(LocalDate.parse(from), LocalDate.parse(to));
    }

    static String sample(String name) {
        try (InputStream in = TiingoPriceProviderTest.class.getResourceAsStream("/tiingo/" + name)) {
            assertThat(in).as("test resource tiingo/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read test resource tiingo/" + name, e);
        }
    }

    /** A loopback port nothing listens on: one the system just handed out and that was closed again. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
