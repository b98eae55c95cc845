package org.stockticker.adapters.iex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.provider.NetworkSettings;
import org.stockticker.application.port.out.BrokenAnswerException;
import org.stockticker.application.port.out.ProviderReach;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.QuotaSpentException;
import org.stockticker.application.port.out.RejectedCredentialsException;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

class IexPriceProviderTest {

    private static final String KEY = "sk_SECRET_12345";
    private static final Symbol AAPL = new Symbol("AAPL");
    /** 10:00 in New York on Thursday 2018-02-08. */
    private static final Clock THURSDAY = Clock.fixed(Instant.parse("2018-02-08T15:00:00Z"), ZoneOffset.UTC);
    private static final DateWindow FIRST_WEEK = window("2018-02-01", "2018-02-07");
    private static final HttpPolicy FAST = new HttpPolicy(60_000, Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
            Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5));

    @RegisterExtension
    static final WireMockExtension IEX = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @Test
    void reaches_one_symbol_a_request_with_an_adjusted_close_at_the_configured_pace() {
        assertThat(provider().reach()).isEqualTo(ProviderReach.perSymbol(true, 60_000));
    }

    @Test
    void maps_unadjusted_fields_and_fClose() {
        IEX.stubFor(get(urlPathEqualTo("/stock/AAPL/chart/1m")).willReturn(okJson(sample("chart-aapl.json"))));

        List<DailyBar> bars = read(provider(), FIRST_WEEK);

        assertThat(bars).extracting(DailyBar::date).containsExactly(
                LocalDate.parse("2018-02-01"), LocalDate.parse("2018-02-02"), LocalDate.parse("2018-02-05"));
        DailyBar split = bars.get(1);
        assertThat(split.symbol()).isEqualTo(AAPL);
        assertThat(split.open()).isEqualByComparingTo("165.05");
        assertThat(split.high()).isEqualByComparingTo("167.2");
        assertThat(split.low()).isEqualByComparingTo("160.25");
        assertThat(split.close()).isEqualByComparingTo("160.50");
        assertThat(split.volume()).isEqualTo(86_428_555L);
        assertThat(split.adjustedClose()).isEqualByComparingTo("37.88");
    }

    @Test
    void keeps_prices_as_the_exact_decimals_sent() {
        IEX.stubFor(get(urlPathEqualTo("/stock/AAPL/chart/1m")).willReturn(okJson(sample("chart-aapl.json"))));

        List<DailyBar> bars = read(provider(), FIRST_WEEK);

        BigDecimal open = bars.get(0).open();
        assertThat(open).isEqualByComparingTo("167.165");
        assertThat(open.toPlainString()).isEqualTo("167.165");
        assertThat(open.scale()).isEqualTo(3);
        BigDecimal close = bars.get(1).close();
        assertThat(close).isEqualByComparingTo("160.5");
        assertThat(close.toPlainString()).isEqualTo("160.50");
        assertThat(bars.get(2).low().toPlainString()).isEqualTo("156.0");
        assertThat(bars.get(0).adjustedClose().toPlainString()).isEqualTo("162.91");
    }

    @Test
    void falls_back_to_plain_fields_when_unadjusted_ones_are_absent_or_null() {
        IEX.stubFor(get(urlPathEqualTo("/stock/AAPL/chart/1m")).willReturn(okJson(sample("chart-legacy.json"))));

        List<DailyBar> bars = read(provider(), FIRST_WEEK);

        assertThat(bars).hasSize(2);
        assertThat(bars.get(0)).isEqualTo(new DailyBar(AAPL, LocalDate.parse("2018-02-01"), new BigDecimal("167.165"),
                new BigDecimal("168.62"), new BigDecimal("166.76"), new BigDecimal("167.78"), 47_230_787L, null));
        assertThat(bars.get(1)).isEqualTo(new DailyBar(AAPL, LocalDate.parse("2018-02-05"), new BigDecimal("159.1"),
                new BigDecimal("163.88"), new BigDecimal("156.0"), new BigDecimal("156.49"), 72_738_522L, null));
    }

    @Test
    void skips_a_bar_without_a_close() {
        IEX.stubFor(get(urlPathEqualTo("/stock/AAPL/chart/1m")).willReturn(okJson(sample("chart-legacy.json"))));

        List<DailyBar> bars = read(provider(), FIRST_WEEK);

        assertThat(bars).extracting(DailyBar::date).doesNotContain(LocalDate.parse("2018-02-02"));
    }

    @Test
    void skips_bars_the_domain_refuses_and_fractional_volumes() {
        IEX.stubFor(get(urlPathEqualTo("/stock/AAPL/chart/1m"))
                .willReturn(okJson(sample("chart-refused-bars.json"))));

        List<DailyBar> bars = read(provider(), FIRST_WEEK);

        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.parse("2018-02-06"));
    }

    @Test
    void drops_bars_outside_the_window() {
        IEX.stubFor(get(urlPathEqualTo("/stock/AAPL/chart/1m")).willReturn(okJson(sample("chart-aapl.json"))));

        List<DailyBar> bars = read(provider(), window("2018-02-02", "2018-02-04"));

        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.parse("2018-02-02"));
    }

    @ParameterizedTest(name = "today {0}, from {1}: {2}")
    @CsvSource({
            "2018-02-08T15:00:00Z, 2018-02-04, 5d",
            "2018-02-08T15:00:00Z, 2018-02-03, 1m",
            "2018-02-08T15:00:00Z, 2018-01-15, 1m",
            "2018-02-08T15:00:00Z, 2018-01-14, 3m",
            "2018-02-08T15:00:00Z, 2017-11-15, 3m",
            "2018-02-08T15:00:00Z, 2017-11-14, 6m",
            "2018-02-08T15:00:00Z, 2017-08-15, 6m",
            "2018-11-20T15:00:00Z, 2018-03-01, ytd",
            "2018-02-08T15:00:00Z, 2017-08-14, 1y",
            "2018-02-08T15:00:00Z, 2017-02-15, 1y",
            "2018-02-08T15:00:00Z, 2017-02-14, 2y",
            "2018-02-08T15:00:00Z, 2016-02-15, 2y",
            "2018-02-08T15:00:00Z, 2013-02-15, 5y",
            "2018-02-08T15:00:00Z, 2013-02-14, max",
            "2018-02-08T15:00:00Z, 1990-01-02, max",
            // 22:00 on the 8th in New York is already the 9th in UTC; the exchange's day counts.
            "2018-02-09T03:00:00Z, 2018-02-04, 5d"
    })
    void asks_for_the_narrowest_range_that_surely_covers_the_window(String now, String from, String range) {
        IEX.stubFor(get(urlPathMatching("/stock/AAPL/chart/.*")).willReturn(okJson("[]")));
        Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);

        read(new IexPriceProvider(settings(), FAST, clock), window(from, "2018-12-31"));

        IEX.verify(1, getRequestedFor(urlPathMatching("/stock/AAPL/chart/.*")));
        IEX.verify(getRequestedFor(urlPathEqualTo("/stock/AAPL/chart/" + range)));
    }

    @Test
    void asks_for_a_single_day_by_date() {
        IEX.stubFor(get(urlPathEqualTo("/stock/AAPL/chart/date/20180202")).willReturn(okJson(sample("day-aapl.json"))));

        List<DailyBar> bars = read(provider(), window("2018-02-02", "2018-02-02"));

        assertThat(bars).singleElement().satisfies(bar -> {
            assertThat(bar.date()).isEqualTo(LocalDate.parse("2018-02-02"));
            assertThat(bar.close().toPlainString()).isEqualTo("160.50");
        });
        IEX.verify(getRequestedFor(urlPathEqualTo("/stock/AAPL/chart/date/20180202"))
                .withQueryParam("chartByDay", equalTo("true")));
    }

    @Test
    void sends_the_key_as_the_token_query_parameter() {
        IEX.stubFor(get(urlPathEqualTo("/stock/AAPL/chart/1m")).willReturn(okJson("[]")));

        read(provider(), FIRST_WEEK);

        IEX.verify(getRequestedFor(urlPathEqualTo("/stock/AAPL/chart/1m")).withQueryParam("token", equalTo(KEY)));
    }

    @Test
    void verifies_a_symbol_with_the_latest_bar_alone() {
        IEX.stubFor(get(urlPathEqualTo("/stock/AAPL/chart/5d")).willReturn(okJson(sample("day-aapl.json"))));

        provider().verify(AAPL);

        IEX.verify(1, getRequestedFor(urlPathMatching(".*")));
        IEX.verify(getRequestedFor(urlPathEqualTo("/stock/AAPL/chart/5d"))
                .withQueryParam("chartLast", equalTo("1"))
                .withQueryParam("token", equalTo(KEY)));
    }

    @Test
    void reports_a_spent_quota_at_once_not_as_a_rejected_key_and_sends_nothing_more() {
        IEX.stubFor(get(urlPathMatching("/stock/.*"))
                .willReturn(aResponse().withStatus(402).withBody("You have exceeded your allotted message quota.")));
        IexPriceProvider provider = provider();

        assertThatThrownBy(() -> provider.verify(AAPL))
                .isInstanceOfSatisfying(QuotaSpentException.class, spent -> assertThat(spent.resetsAt()).isEmpty())
                .isNotInstanceOf(RejectedCredentialsException.class)
                .hasMessage("provider iex: the plan's quota (HTTP 402: You have exceeded your allotted message quota.)"
                        + " is spent; when it resets is not known");
        assertThatThrownBy(() -> read(provider, FIRST_WEEK)).isInstanceOf(QuotaSpentException.class);
        IEX.verify(1, getRequestedFor(urlPathMatching(".*")));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void reports_a_rejected_key(int status) {
        IEX.stubFor(get(urlPathMatching("/stock/.*"))
                .willReturn(aResponse().withStatus(status).withBody("The API key provided is not valid.")));

        assertThatThrownBy(() -> provider().verify(AAPL))
                .isInstanceOf(RejectedCredentialsException.class)
                .hasMessage("provider iex rejected the API key (HTTP " + status + "): The API key provided is not valid.");
        IEX.verify(1, getRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void reports_an_unknown_symbol() {
        IEX.stubFor(get(urlPathMatching("/stock/ZZZZ/.*"))
                .willReturn(aResponse().withStatus(404).withBody("Unknown symbol")));
        Symbol unknown = new Symbol("ZZZZ");
        IexPriceProvider provider = provider();

        assertThatThrownBy(() -> provider.dailyBars(unknown, FIRST_WEEK))
                .isInstanceOfSatisfying(UnknownSymbolException.class, e -> assertThat(e.symbol()).isEqualTo(unknown));
        assertThatThrownBy(() -> provider.verify(unknown))
                .isInstanceOfSatisfying(UnknownSymbolException.class, e -> assertThat(e.symbol()).isEqualTo(unknown));
        IEX.verify(2, getRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void reports_a_malformed_request_as_a_fault() {
        IEX.stubFor(get(urlPathMatching("/stock/.*"))
                .willReturn(aResponse().withStatus(400).withBody("Invalid range")));

        assertThatThrownBy(() -> provider().dailyBars(AAPL, FIRST_WEEK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused the request as malformed (HTTP 400): Invalid range");
    }

    @Test
    void waits_as_long_as_retry_after_asks_and_tries_again() {
        IEX.stubFor(get(urlPathEqualTo("/stock/AAPL/chart/1m")).inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody(
                        "Too many requests hit the API too quickly. An exponential backoff of your requests is recommended."))
                .willSetStateTo("calm"));
        IEX.stubFor(get(urlPathEqualTo("/stock/AAPL/chart/1m")).inScenario("busy")
                .whenScenarioStateIs("calm")
                .willReturn(okJson(sample("chart-aapl.json"))));

        long start = System.nanoTime();
        List<DailyBar> bars = read(provider(), FIRST_WEEK);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(bars).hasSize(3);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        IEX.verify(2, getRequestedFor(urlPathEqualTo("/stock/AAPL/chart/1m")));
    }

    @Test
    void gives_up_on_server_errors_after_the_last_attempt() {
        IEX.stubFor(get(urlPathMatching("/stock/.*")).willReturn(aResponse().withStatus(500).withBody("oops")));

        assertThatThrownBy(() -> provider().dailyBars(AAPL, FIRST_WEEK))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageStartingWith("provider iex kept failing: HTTP 500")
                .hasMessageEndingWith("after 3 attempts");
        IEX.verify(3, getRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void reports_an_unreachable_host() throws IOException {
        int closedPort = closedPort();
        NetworkSettings nowhere = new NetworkSettings(KEY, URI.create("http://127.0.0.1:" + closedPort), 60_000);

        assertThatThrownBy(() -> new IexPriceProvider(nowhere, FAST, THURSDAY).dailyBars(AAPL, FIRST_WEEK))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider iex kept failing: could not reach 127.0.0.1:" + closedPort + " after 3 attempts");
    }

    @Test
    void reports_an_answer_that_is_not_json() {
        IEX.stubFor(get(urlPathMatching("/stock/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody(sample("maintenance.html"))));

        assertThatThrownBy(() -> provider().dailyBars(AAPL, FIRST_WEEK))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider iex answered something other than JSON for AAPL");
    }

    @Test
    void ends_an_answer_that_trickles_past_the_deadline_for_a_whole_answer_as_broken() {
        IEX.stubFor(get(urlPathEqualTo("/stock/AAPL/chart/1m")).willReturn(okJson(sample("chart-aapl.json"))
                .withChunkedDribbleDelay(50, 5000)));
        IexPriceProvider provider = new IexPriceProvider(settings(), FAST.withAnswerDeadline(Duration.ofMillis(400)),
                THURSDAY);

        long start = System.nanoTime();
        assertThatThrownBy(() -> read(provider, FIRST_WEEK))
                .isInstanceOf(BrokenAnswerException.class)
                .hasMessage("provider iex did not finish its answer within 400 ms; it was sending too slowly");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void reports_json_that_is_not_a_list_of_bars() {
        IEX.stubFor(get(urlPathMatching("/stock/.*")).willReturn(okJson("{\"error\":\"nope\"}")));

        assertThatThrownBy(() -> provider().verify(AAPL))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("other than a list of bars for AAPL");
    }

    @Test
    void never_shows_the_key_in_a_message_a_trace_or_a_description() throws IOException {
        List<Throwable> failures = new ArrayList<>();
        IEX.stubFor(get(urlPathEqualTo("/stock/AUTH/chart/1m"))
                .willReturn(aResponse().withStatus(403).withBody("Token " + KEY + " is disabled (token=" + KEY + ")")));
        IEX.stubFor(get(urlPathEqualTo("/stock/BAD/chart/1m"))
                .willReturn(aResponse().withStatus(400).withBody("Bad request /stock/BAD?token=" + KEY)));
        IEX.stubFor(get(urlPathEqualTo("/stock/GONE/chart/1m")).willReturn(aResponse().withStatus(404)));
        IEX.stubFor(get(urlPathEqualTo("/stock/DOWN/chart/1m")).willReturn(aResponse().withStatus(503)));
        IEX.stubFor(get(urlPathEqualTo("/stock/HTML/chart/1m")).willReturn(aResponse().withStatus(200)
                .withBody(sample("maintenance.html"))));
        IEX.stubFor(get(urlPathEqualTo("/stock/ECHO/chart/1m")).willReturn(aResponse().withStatus(200)
                .withBody(KEY)));
        IexPriceProvider provider = provider();
        for (String symbol : List.of("AUTH", "BAD", "GONE", "DOWN", "HTML", "ECHO")) {
            failures.add(catchThrowable(() -> read(provider, new Symbol(symbol), FIRST_WEEK)));
        }
        NetworkSettings nowhere = new NetworkSettings(KEY, URI.create("http://127.0.0.1:" + closedPort()), 60_000);
        failures.add(catchThrowable(() -> new IexPriceProvider(nowhere, FAST, THURSDAY).verify(AAPL)));

        assertThat(failures).hasSize(7).doesNotContainNull();
        for (Throwable failure : failures) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            assertThat(failure.toString()).doesNotContain(KEY);
            assertThat(trace.toString()).doesNotContain(KEY);
        }
        assertThat(failures.get(0)).hasMessageContaining("Token **** is disabled (token=****)");
        assertThat(provider.toString()).doesNotContain(KEY).contains("127.0.0.1");
    }

    @Test
    void a_stream_read_to_its_end_through_a_filter_and_an_iterator_ends_cleanly() {
        IEX.stubFor(get(urlPathEqualTo("/stock/AAPL/chart/1m")).willReturn(okJson(sample("chart-aapl.json"))));
        List<DailyBar> bars = new ArrayList<>();

        try (Stream<DailyBar> stream = provider().dailyBars(AAPL, FIRST_WEEK).filter(bar -> true)) {
            var iterator = stream.iterator();
            while (iterator.hasNext()) {
                bars.add(iterator.next());
            }
            assertThat(iterator.hasNext()).isFalse();
        }

        assertThat(bars).hasSize(3);
    }

    private static NetworkSettings settings() {
        return new NetworkSettings(KEY, URI.create("http://127.0.0.1:" + IEX.getPort()), 60_000);
    }

    private static IexPriceProvider provider() {
        return new IexPriceProvider(settings(), FAST, THURSDAY);
    }

    private static List<DailyBar> read(IexPriceProvider provider, DateWindow window) {
        return read(provider, AAPL, window);
    }

    private static List<DailyBar> read(IexPriceProvider provider, Symbol symbol, DateWindow window) {
        try (Stream<DailyBar> bars = provider.dailyBars(symbol, window)) {
            return bars.toList();
        }
    }

    private static DateWindow window(String from, String to) {
        return new DateWindow(LocalDate.parse(from), LocalDate.parse(to));
    }

    private static String sample(String name) {
        try (InputStream in = IexPriceProviderTest.class.getResourceAsStream("/iex/" + name)) {
            assertThat(in).as("test resource iex/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read test resource iex/" + name, e);
        }
    }

    /** A loopback port nothing listens on: one the system just handed out and that was closed again. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
