package org.stockticker.adapters.polygon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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
import java.util.Iterator;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.provider.NetworkSettings;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.QuotaSpentException;
import org.stockticker.application.port.out.RejectedCredentialsException;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * The Polygon adapter's own behaviour against a stub in Polygon's shapes: the request it sends, adjusted and
 * as-traded prices, dates, volumes, pagination on the configured host whatever host {@code next_url} names, errors,
 * and the unknown-ticker check.
 */
class PolygonPriceProviderTest {

    private static final String KEY = "PK_SECRET_0123456789";
    private static final Symbol AAPL = new Symbol("AAPL");
    /** 10:00 in New York on Friday 2020-01-10. */
    private static final Clock FRIDAY = Clock.fixed(Instant.parse("2020-01-10T15:00:00Z"), ZoneOffset.UTC);
    private static final DateWindow FIRST_WEEK = window("2020-01-02", "2020-01-08");
    private static final String AGGREGATES = "/v2/aggs/ticker/AAPL/range/1/day/2020-01-02/2020-01-08";
    private static final String REFERENCE = "/v3/reference/tickers/AAPL";
    private static final HttpPolicy FAST = new HttpPolicy(60_000, Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
            Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5));

    @RegisterExtension
    static final WireMockExtension POLYGON = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    /** A host that a {@code next_url} may name and that must never be asked anything. */
    @RegisterExtension
    static final WireMockExtension ELSEWHERE = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @Test
    void asks_for_as_traded_daily_bars_oldest_first_with_the_key() {
        POLYGON.stubFor(firstPage().willReturn(okJson(sample("aggs-aapl-as-traded.json"))));

        read(provider(), FIRST_WEEK);

        POLYGON.verify(1, anyRequestedFor(anyUrl()));
        POLYGON.verify(getRequestedFor(urlPathEqualTo(AGGREGATES))
                .withQueryParam("adjusted", equalTo("false"))
                .withQueryParam("sort", equalTo("asc"))
                .withQueryParam("limit", equalTo("50000"))
                .withQueryParam("apiKey", equalTo(KEY)));
    }

    @Test
    void maps_as_traded_prices_exactly_as_sent_without_an_adjusted_close() {
        POLYGON.stubFor(firstPage().willReturn(okJson(sample("aggs-aapl-as-traded.json"))));

        List<DailyBar> bars = read(provider(), FIRST_WEEK);

        assertThat(bars).extracting(DailyBar::date).containsExactly(
                LocalDate.parse("2020-01-02"), LocalDate.parse("2020-01-03"), LocalDate.parse("2020-01-06"));
        DailyBar first = bars.get(0);
        assertThat(first.symbol()).isEqualTo(AAPL);
        assertThat(first.open().toPlainString()).isEqualTo("296.24");
        assertThat(first.high().toPlainString()).isEqualTo("300.60");
        assertThat(first.low().toPlainString()).isEqualTo("295.19");
        assertThat(first.close().toPlainString()).isEqualTo("300.35");
        assertThat(first.volume()).isEqualTo(33_911_864L);
        assertThat(bars).extracting(DailyBar::adjustedClose).containsOnlyNulls();
    }

    @Test
    void asks_for_split_adjusted_prices_and_reports_the_close_as_adjusted_close_when_adjusted() {
        POLYGON.stubFor(get(urlPathEqualTo(AGGREGATES)).withQueryParam("adjusted", equalTo("true"))
                .willReturn(okJson(sample("aggs-aapl-adjusted.json"))));
        PolygonSettings adjusted = new PolygonSettings(new NetworkSettings(KEY, URI.create(base()), 60_000), true);

        List<DailyBar> bars = read(new PolygonPriceProvider(adjusted, FAST, FRIDAY), FIRST_WEEK);

        assertThat(bars).hasSize(3);
        DailyBar first = bars.get(0);
        assertThat(first.date()).isEqualTo(LocalDate.parse("2020-01-02"));
        assertThat(first.open().toPlainString()).isEqualTo("74.06");
        assertThat(first.high().toPlainString()).isEqualTo("75.15");
        assertThat(first.low().toPlainString()).isEqualTo("73.7975");
        assertThat(first.close().toPlainString()).isEqualTo("75.0875");
        assertThat(first.volume()).isEqualTo(135_647_456L);
        assertThat(bars).allSatisfy(bar -> assertThat(bar.adjustedClose()).isEqualTo(bar.close()));
    }

    @ParameterizedTest
    // Kiritimati (UTC+14) is the zone furthest ahead of New York; in Honolulu (UTC-10) the New York midnight
    // 1577941200000 is still the evening of January 1st, so a bar dated by the default zone would fail there.
    @ValueSource(strings = {"Pacific/Kiritimati", "Pacific/Honolulu"})
    void dates_a_bar_by_its_start_in_new_york_whatever_the_default_time_zone(String zone) {
        POLYGON.stubFor(firstPage().willReturn(okJson(PolygonBodies.page("AAPL", false, List.of(
                "{\"v\":33911864,\"o\":296.24,\"c\":300.35,\"h\":300.6,\"l\":295.19,\"t\":1577941200000}"), null))));
        TimeZone original = TimeZone.getDefault();
        List<DailyBar> bars;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            bars = read(provider(), FIRST_WEEK);
        } finally {
            TimeZone.setDefault(original);
        }

        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.parse("2020-01-02"));
    }

    @Test
    void rounds_a_fractional_volume_half_up_to_whole_shares() {
        POLYGON.stubFor(firstPage().willReturn(okJson(PolygonBodies.page("AAPL", false, List.of(
                PolygonBodies.bar(LocalDate.parse("2020-01-02"), "296.24", "300.6", "295.19", "300.35", "33911864.5"),
                PolygonBodies.bar(LocalDate.parse("2020-01-03"), "297.15", "300.58", "296.5", "297.43", "36633878.49"),
                PolygonBodies.bar(LocalDate.parse("2020-01-06"), "293.79", "299.96", "292.75", "299.8", "0.5")),
                null))));

        List<DailyBar> bars = read(provider(), FIRST_WEEK);

        assertThat(bars).extracting(DailyBar::volume).containsExactly(33_911_865L, 36_633_878L, 1L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "missing", "empty"})
    void answers_no_bar_and_no_error_for_an_empty_window_of_a_known_ticker(String results) {
        String body = switch (results) {
            case "null" -> "{\"ticker\":\"AAPL\",\"queryCount\":0,\"resultsCount\":0,\"adjusted\":false,"
                    + "\"results\":null,\"status\":\"OK\",\"request_id\":\"b0b8a6e4\",\"count\":0}";
            case "missing" -> PolygonBodies.noResults("AAPL", false);
            default -> PolygonBodies.page("AAPL", false, List.of(), null);
        };
        POLYGON.stubFor(firstPage().willReturn(okJson(body)));
        POLYGON.stubFor(get(urlPathEqualTo(REFERENCE)).willReturn(okJson(PolygonBodies.reference("AAPL"))));

        assertThat(read(provider(), FIRST_WEEK)).isEmpty();
        POLYGON.verify(1, getRequestedFor(urlPathEqualTo(REFERENCE)).withQueryParam("apiKey", equalTo(KEY)));
    }

    @Test
    void reports_an_unknown_ticker_once_its_window_came_back_empty() {
        Symbol unknown = new Symbol("ZZZZ");
        POLYGON.stubFor(get(urlPathMatching("/v2/aggs/ticker/ZZZZ/.*"))
                .willReturn(okJson(PolygonBodies.noResults("ZZZZ", false))));
        POLYGON.stubFor(get(urlPathEqualTo("/v3/reference/tickers/ZZZZ"))
                .willReturn(json(404, PolygonBodies.tickerNotFound())));

        assertThatThrownBy(() -> read(provider(), unknown, FIRST_WEEK))
                .isInstanceOfSatisfying(UnknownSymbolException.class, e -> assertThat(e.symbol()).isEqualTo(unknown))
                .hasMessage("Ticker ZZZZ is unknown to provider polygon");
    }

    @Test
    void names_itself_massive_unless_configured_by_its_former_name() {
        Symbol unknown = new Symbol("ZZZZ");
        POLYGON.stubFor(get(urlPathEqualTo("/v3/reference/tickers/ZZZZ"))
                .willReturn(json(404, PolygonBodies.tickerNotFound())));
        PolygonSettings settings = new PolygonSettings(new NetworkSettings(KEY, URI.create(base()), 60_000), false);

        assertThat(new PolygonPriceProvider(settings, FAST, FRIDAY).name()).isEqualTo("massive");
        assertThat(provider("massive").name()).isEqualTo("massive");
        assertThat(provider("polygon").name()).isEqualTo("polygon");
        assertThatThrownBy(() -> provider("massive").verify(unknown))
                .hasMessage("Ticker ZZZZ is unknown to provider massive");
    }

    @Test
    void does_not_ask_the_reference_when_the_window_had_bars() {
        POLYGON.stubFor(get(urlPathEqualTo("/v2/aggs/ticker/AAPL/range/1/day/2020-01-07/2020-01-08"))
                .willReturn(okJson(sample("aggs-aapl-as-traded.json"))));

        read(provider(), window("2020-01-07", "2020-01-08"));

        POLYGON.verify(0, getRequestedFor(urlPathEqualTo(REFERENCE)));
    }

    @Test
    void follows_next_url_through_three_pages_appending_the_key() {
        stubPages(3);

        List<DailyBar> bars = read(provider(), FIRST_WEEK);

        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.parse("2020-01-02"),
                LocalDate.parse("2020-01-03"), LocalDate.parse("2020-01-06"), LocalDate.parse("2020-01-07"),
                LocalDate.parse("2020-01-08"));
        POLYGON.verify(3, anyRequestedFor(anyUrl()));
        POLYGON.verify(getRequestedFor(urlPathMatching("/v2/aggs/ticker/AAPL/range/1/day/\\d+/2020-01-08"))
                .withQueryParam("cursor", equalTo("cGFnZTI="))
                .withQueryParam("apiKey", equalTo(KEY)));
        POLYGON.verify(getRequestedFor(urlPathMatching("/v2/aggs/ticker/AAPL/range/1/day/\\d+/2020-01-08"))
                .withQueryParam("cursor", equalTo("cGFnZTM="))
                .withQueryParam("apiKey", equalTo(KEY)));
    }

    @Test
    void fetches_a_page_only_when_the_one_before_is_consumed() {
        stubPages(3);

        try (Stream<DailyBar> stream = provider().dailyBars(AAPL, FIRST_WEEK)) {
            Iterator<DailyBar> bars = stream.iterator();
            assertThat(bars.next().date()).isEqualTo(LocalDate.parse("2020-01-02"));
            assertThat(bars.next().date()).isEqualTo(LocalDate.parse("2020-01-03"));
            POLYGON.verify(1, anyRequestedFor(anyUrl()));

            assertThat(bars.next().date()).isEqualTo(LocalDate.parse("2020-01-06"));
            POLYGON.verify(2, anyRequestedFor(anyUrl()));
        }
    }

    @Test
    void follows_a_next_url_naming_api_polygon_io_on_the_configured_host_with_the_key() {
        POLYGON.stubFor(firstPage().willReturn(okJson(PolygonBodies.page("AAPL", false, List.of(
                PolygonBodies.bar(LocalDate.parse("2020-01-02"), "296.24", "300.6", "295.19", "300.35", "33911864")),
                "https://api.polygon.io/v2/aggs/ticker/AAPL/range/1/day/1578027600000/2020-01-08?cursor=cGFnZTI%3D"))));
        POLYGON.stubFor(get(urlPathEqualTo("/v2/aggs/ticker/AAPL/range/1/day/1578027600000/2020-01-08"))
                .withQueryParam("cursor", equalTo("cGFnZTI="))
                .withQueryParam("apiKey", equalTo(KEY))
                .willReturn(okJson(PolygonBodies.page("AAPL", false, List.of(PolygonBodies.bar(
                        LocalDate.parse("2020-01-03"), "297.15", "300.58", "296.5", "297.43", "36633878")), null))));

        List<DailyBar> bars = read(provider(), FIRST_WEEK);

        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.parse("2020-01-02"),
                LocalDate.parse("2020-01-03"));
        POLYGON.verify(2, anyRequestedFor(anyUrl()));
        POLYGON.verify(1, getRequestedFor(urlPathEqualTo("/v2/aggs/ticker/AAPL/range/1/day/1578027600000/2020-01-08"))
                .withQueryParam("cursor", equalTo("cGFnZTI="))
                .withQueryParam("apiKey", equalTo(KEY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:ELSEWHERE", "http://localhost:ELSEWHERE",
            "http://user@127.0.0.1:ELSEWHERE", "https://127.0.0.1:ELSEWHERE", "http://evil.example.com:ELSEWHERE",
            "http://127.0.0.1:OTHER", "//127.0.0.1:ELSEWHERE", "https://api.polygon.io", "https://api.massive.com", ""})
    void asks_for_the_path_and_query_of_a_next_url_on_the_configured_host_whatever_host_it_names(String origin)
            throws IOException {
        String named = origin.replace("OTHER", Integer.toString(closedPort()))
                .replace("ELSEWHERE", Integer.toString(ELSEWHERE.getPort()));
        ELSEWHERE.stubFor(get(anyUrl()).willReturn(okJson(PolygonBodies.page("AAPL", false, List.of(), null))));
        stubPages(3);
        POLYGON.stubFor(firstPage().willReturn(okJson(PolygonBodies.page("AAPL", false, List.of(
                PolygonBodies.bar(LocalDate.parse("2020-01-02"), "296.24", "300.6", "295.19", "300.35", "33911864"),
                PolygonBodies.bar(LocalDate.parse("2020-01-03"), "296.24", "300.6", "295.19", "300.35", "33911864")),
                named + "/v2/aggs/ticker/AAPL/range/1/day/1578286800000/2020-01-08?cursor=cGFnZTI%3D"))));

        List<DailyBar> bars = read(provider(), FIRST_WEEK);

        assertThat(bars).hasSize(5);
        POLYGON.verify(3, anyRequestedFor(anyUrl()));
        POLYGON.verify(getRequestedFor(urlPathEqualTo("/v2/aggs/ticker/AAPL/range/1/day/1578286800000/2020-01-08"))
                .withQueryParam("cursor", equalTo("cGFnZTI="))
                .withQueryParam("apiKey", equalTo(KEY)));
        ELSEWHERE.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.polygon.io/v2/aggs?cursor=a b", "http://[::1/v2/aggs?cursor=x",
            "mailto:massive@example.com", "https://api.polygon.io/v2/aggs?cursor=%zz&apiKey=" + KEY})
    void refuses_a_next_url_that_is_not_a_url_without_quoting_it(String nextUrl) {
        POLYGON.stubFor(firstPage().willReturn(okJson(PolygonBodies.page("AAPL", false, List.of(
                PolygonBodies.bar(LocalDate.parse("2020-01-02"), "296.24", "300.6", "295.19", "300.35", "33911864")),
                nextUrl))));
        List<DailyBar> received = new ArrayList<>();

        Throwable failure = catchThrowable(() -> {
            try (Stream<DailyBar> bars = provider().dailyBars(AAPL, FIRST_WEEK)) {
                bars.forEach(received::add);
            }
        });

        assertThat(received).extracting(DailyBar::date).containsExactly(LocalDate.parse("2020-01-02"));
        assertThat(failure).isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider polygon named a next page of AAPL that is not a valid URL");
        POLYGON.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void cuts_a_chain_of_empty_pages_each_naming_another_after_five_pages() {
        for (int page = 1; page <= 20; page++) {
            MappingBuilder request = page == 1 ? firstPage() : get(urlPathMatching(LATER_PAGES))
                    .withQueryParam("cursor", equalTo("p" + page));
            POLYGON.stubFor(request.willReturn(okJson(PolygonBodies.page("AAPL", false, List.of(),
                    base() + "/v2/aggs/ticker/AAPL/range/1/day/1578027600000/2020-01-08?cursor=p" + (page + 1)))));
        }

        assertThatThrownBy(() -> read(provider(), FIRST_WEEK))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider polygon sent 5 pages in a row without a new bar of AAPL, each naming another;"
                        + " the rest of its pages were not read");
        POLYGON.verify(5, anyRequestedFor(anyUrl()));
    }

    @Test
    void cuts_a_chain_of_pages_that_repeat_the_bars_already_read_after_five_pages_without_progress() {
        String monday = PolygonBodies.bar(LocalDate.parse("2020-01-06"), "296.24", "300.6", "295.19", "300.35",
                "33911864");
        for (int page = 1; page <= 20; page++) {
            MappingBuilder request = page == 1 ? firstPage() : get(urlPathMatching(LATER_PAGES))
                    .withQueryParam("cursor", equalTo("p" + page));
            POLYGON.stubFor(request.willReturn(okJson(PolygonBodies.page("AAPL", false, List.of(monday),
                    base() + "/v2/aggs/ticker/AAPL/range/1/day/1578027600000/2020-01-08?cursor=p" + (page + 1)))));
        }
        List<DailyBar> received = new ArrayList<>();

        Throwable failure = catchThrowable(() -> {
            try (Stream<DailyBar> bars = provider().dailyBars(AAPL, FIRST_WEEK)) {
                bars.forEach(received::add);
            }
        });

        assertThat(failure).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("5 pages in a row without a new bar of AAPL");
        // The first page brought Monday; the five after it brought nothing new.
        POLYGON.verify(6, anyRequestedFor(anyUrl()));
        assertThat(received).isNotEmpty().allSatisfy(bar -> assertThat(bar.date()).isEqualTo("2020-01-06"));
    }

    @Test
    void refuses_a_next_url_naming_a_page_already_read() {
        String loop = base() + "/v2/aggs/ticker/AAPL/range/1/day/1578027600000/2020-01-08?cursor=bG9vcA";
        POLYGON.stubFor(firstPage().willReturn(okJson(PolygonBodies.page("AAPL", false, List.of(), loop))));
        POLYGON.stubFor(get(urlPathMatching("/v2/aggs/ticker/AAPL/range/1/day/\\d+/2020-01-08"))
                .willReturn(okJson(PolygonBodies.page("AAPL", false, List.of(), loop))));

        assertThatThrownBy(() -> read(provider(), FIRST_WEEK))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider polygon named a page of AAPL it had answered already as the next one");
        POLYGON.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void verifies_a_ticker_with_its_reference_entry_alone() {
        POLYGON.stubFor(get(urlPathEqualTo(REFERENCE)).willReturn(okJson(PolygonBodies.reference("AAPL"))));

        provider().verify(AAPL);

        POLYGON.verify(1, anyRequestedFor(anyUrl()));
        POLYGON.verify(getRequestedFor(urlPathEqualTo(REFERENCE)).withQueryParam("apiKey", equalTo(KEY)));
    }

    @Test
    void verify_reports_an_unknown_ticker() {
        POLYGON.stubFor(get(urlPathEqualTo("/v3/reference/tickers/ZZZZ"))
                .willReturn(json(404, PolygonBodies.tickerNotFound())));

        assertThatThrownBy(() -> provider().verify(new Symbol("ZZZZ")))
                .isInstanceOf(UnknownSymbolException.class)
                .hasMessage("Ticker ZZZZ is unknown to provider polygon");
    }

    @Test
    void reports_a_404_without_polygons_not_found_as_a_wrong_base_url() {
        POLYGON.stubFor(get(urlPathMatching("/.*")).willReturn(aResponse().withStatus(404).withBody("Not Found")));

        assertThatThrownBy(() -> provider().verify(AAPL))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider polygon answered HTTP 404 for the reference data of AAPL: Not Found"
                        + " (is provider.base_url right?)");
        assertThatThrownBy(() -> read(provider(), FIRST_WEEK))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider polygon answered HTTP 404 for the daily bars of AAPL: Not Found"
                        + " (is provider.base_url right?)");
    }

    @Test
    void reports_a_key_without_access_to_the_data_as_rejected_with_polygons_message() {
        POLYGON.stubFor(firstPage().willReturn(json(403, PolygonBodies.errorMessage("NOT_AUTHORIZED",
                "You are not entitled to this data. Please upgrade your plan at https://polygon.io/pricing"))));

        assertThatThrownBy(() -> read(provider(), FIRST_WEEK))
                .isInstanceOf(RejectedCredentialsException.class)
                .hasMessage("provider polygon rejected the API key (HTTP 403): You are not entitled to this data."
                        + " Please upgrade your plan at https://polygon.io/pricing");
        POLYGON.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void reports_an_unknown_key_as_rejected_with_the_key_masked() {
        POLYGON.stubFor(get(urlPathEqualTo(REFERENCE))
                .willReturn(json(401, PolygonBodies.error("ERROR", "Unknown API Key " + KEY))));

        assertThatThrownBy(() -> provider().verify(AAPL))
                .isInstanceOf(RejectedCredentialsException.class)
                .hasMessage("provider polygon rejected the API key (HTTP 401): Unknown API Key ****");
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 499, 500, 502, 503})
    void tries_again_after_a_status_polygon_asks_to_retry(int status) {
        POLYGON.stubFor(firstPage().inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(status, PolygonBodies.error("ERROR", "Please retry")))
                .willSetStateTo("calm"));
        POLYGON.stubFor(firstPage().inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(okJson(sample("aggs-aapl-as-traded.json"))));

        assertThat(read(provider(), FIRST_WEEK)).hasSize(3);
        POLYGON.verify(2, getRequestedFor(urlPathEqualTo(AGGREGATES)));
    }

    @Test
    void tells_the_rate_limit_listener_when_a_429_makes_calls_wait() {
        POLYGON.stubFor(firstPage().inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody(PolygonBodies.error("ERROR", "You've exceeded the maximum requests per minute,"
                                + " please wait or upgrade your subscription to continue.")))
                .willSetStateTo("served"));
        POLYGON.stubFor(firstPage().inScenario("limit").whenScenarioStateIs("served")
                .willReturn(okJson(sample("aggs-aapl-as-traded.json"))));
        List<Instant> waits = new CopyOnWriteArrayList<>();
        PolygonPriceProvider provider = provider();
        provider.onRateLimited(waits::add);
        Instant before = Instant.now();

        assertThat(read(provider, FIRST_WEEK)).hasSize(3);
        assertThat(waits).singleElement().satisfies(until -> assertThat(until).isAfter(before.plusMillis(500)));
    }

    @Test
    void ends_at_once_when_a_429_asks_to_wait_longer_than_the_longest_wait() {
        POLYGON.stubFor(firstPage().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")
                .withHeader("Content-Type", "application/json")
                .withBody(PolygonBodies.error("ERROR", "You've exceeded the maximum requests per minute,"
                        + " please wait or upgrade your subscription to continue."))));
        List<Instant> waits = new CopyOnWriteArrayList<>();
        PolygonPriceProvider provider = provider();
        provider.onRateLimited(waits::add);

        assertThatThrownBy(() -> read(provider, FIRST_WEEK))
                .isInstanceOfSatisfying(QuotaSpentException.class, spent -> assertThat(spent.resetsAt())
                        .contains(Instant.parse("2020-01-10T16:00:00Z")))
                .hasMessage("provider polygon: its rate limit (HTTP 429 asking to wait 60 min) is spent;"
                        + " it resets at 2020-01-10T16:00:00Z");
        assertThat(waits).isEmpty();
        POLYGON.verify(1, getRequestedFor(urlPathEqualTo(AGGREGATES)));
    }

    @Test
    void reports_another_error_status_as_unavailable_with_polygons_explanation_and_without_retrying() {
        POLYGON.stubFor(firstPage().willReturn(json(400, PolygonBodies.error("ERROR",
                "Could not parse the time parameter: 'from'. Use YYYY-MM-DD or Unix MS Timestamps"))));

        assertThatThrownBy(() -> read(provider(), FIRST_WEEK))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider polygon answered with the unexpected HTTP 400: Could not parse the time"
                        + " parameter: 'from'. Use YYYY-MM-DD or Unix MS Timestamps");
        POLYGON.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void reports_an_answer_that_is_not_json() {
        POLYGON.stubFor(firstPage().willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody(sample("maintenance.html"))));

        assertThatThrownBy(() -> read(provider(), FIRST_WEEK))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider polygon answered something other than JSON for AAPL");
    }

    @Test
    void reports_a_page_without_bars_whose_status_is_an_error() {
        POLYGON.stubFor(firstPage().willReturn(okJson(PolygonBodies.error("ERROR", "Something went wrong"))));

        assertThatThrownBy(() -> read(provider(), FIRST_WEEK))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider polygon answered ERROR without bars for AAPL");
    }

    @Test
    void skips_bars_the_domain_refuses_and_bars_without_a_close() {
        POLYGON.stubFor(firstPage().willReturn(okJson(sample("aggs-refused-bars.json"))));

        List<DailyBar> bars = read(provider(), FIRST_WEEK);

        // Negative open (02), high below low (03), no close (06), zero close (07); only the 8th is whole.
        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.parse("2020-01-08"));
        POLYGON.verify(0, getRequestedFor(urlPathEqualTo(REFERENCE)));
    }

    @Test
    void answers_a_window_that_starts_after_today_without_a_request() {
        assertThat(read(provider(), window("2020-01-11", "2020-01-20"))).isEmpty();

        POLYGON.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void never_shows_the_key_in_a_message_a_trace_or_a_description() throws IOException {
        stubFailure("AUTH", json(401, PolygonBodies.error("ERROR", "Unknown API Key " + KEY)));
        stubFailure("DENY", json(403, PolygonBodies.errorMessage("NOT_AUTHORIZED", "apiKey=" + KEY + " denied")));
        stubFailure("BAD", json(400, PolygonBodies.error("ERROR", "Bad request /v2/aggs?apiKey=" + KEY)));
        stubFailure("GONE", aResponse().withStatus(404).withBody("No route for ?apiKey=" + KEY));
        stubFailure("DOWN", aResponse().withStatus(503).withBody(KEY));
        stubFailure("HTML", aResponse().withStatus(200).withBody(sample("maintenance.html")));
        stubFailure("ECHO", aResponse().withStatus(200).withBody(KEY));
        stubFailure("AWAY", okJson(PolygonBodies.page("AWAY", false, List.of(),
                "https://elsewhere.example.com/v2/aggs/ticker/AWAY/range/1/day/1/2?apiKey=" + KEY + "&x=a b")));
        PolygonPriceProvider provider = provider();
        List<Throwable> failures = new ArrayList<>();
        for (String symbol : List.of("AUTH", "DENY", "BAD", "GONE", "DOWN", "HTML", "ECHO", "AWAY")) {
            failures.add(catchThrowable(() -> read(provider, new Symbol(symbol), FIRST_WEEK)));
        }
        PolygonSettings nowhere = new PolygonSettings(
                new NetworkSettings(KEY, URI.create("http://127.0.0.1:" + closedPort()), 60_000), false);
        failures.add(catchThrowable(() -> new PolygonPriceProvider(nowhere, FAST, FRIDAY).verify(AAPL)));

        assertThat(failures).hasSize(9).doesNotContainNull();
        for (Throwable failure : failures) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            assertThat(failure.toString()).doesNotContain(KEY);
            assertThat(trace.toString()).doesNotContain(KEY);
        }
        assertThat(failures.get(1)).hasMessageContaining("apiKey=**** denied");
        assertThat(provider.toString()).doesNotContain(KEY).contains("127.0.0.1");
    }

    /** Pages of one, two and two bars, each naming the next with a cursor, as Polygon paginates. */
    private static void stubPages(int count) {
        List<List<String>> dates = List.of(List.of("2020-01-02", "2020-01-03"), List.of("2020-01-06", "2020-01-07"),
                List.of("2020-01-08"));
        for (int page = 1; page <= count; page++) {
            List<String> bars = dates.get(page - 1).stream().map(LocalDate::parse).map(date -> PolygonBodies.bar(
                    date, "296.24", "300.6", "295.19", "300.35", "33911864")).toList();
            String next = page == count ? null : base() + "/v2/aggs/ticker/AAPL/range/1/day/"
                    + PolygonBodies.startMillis(LocalDate.parse(dates.get(page).get(0))) + "/2020-01-08?cursor="
                    + (page == 1 ? "cGFnZTI%3D" : "cGFnZTM%3D");
            MappingBuilder request = page == 1 ? firstPage()
                    : get(urlPathMatching("/v2/aggs/ticker/AAPL/range/1/day/\\d+/2020-01-08"))
                            .withQueryParam("cursor", equalTo(page == 2 ? "cGFnZTI=" : "cGFnZTM="))
                            .withQueryParam("apiKey", equalTo(KEY));
            POLYGON.stubFor(request.willReturn(okJson(PolygonBodies.page("AAPL", false, bars, next))));
        }
    }

    private static final String LATER_PAGES = "/v2/aggs/ticker/AAPL/range/1/day/\\d+/2020-01-08";

    private static MappingBuilder firstPage() {
        return get(urlPathEqualTo(AGGREGATES)).withQueryParam("cursor", absent());
    }

    private static void stubFailure(String symbol, ResponseDefinitionBuilder answer) {
        POLYGON.stubFor(get(urlPathMatching("/v[23]/.*/" + symbol + "(/.*)?")).willReturn(answer));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The stub's root by address: WireMock's own base URL names localhost, which next_url tests tell apart. */
    private static String base() {
        return "http://127.0.0.1:" + POLYGON.getPort();
    }

    /** The provider as a config naming it {@code polygon}, its former name, builds it. */
    private static PolygonPriceProvider provider() {
        return provider(PolygonPriceProvider.FORMER_NAME);
    }

    private static PolygonPriceProvider provider(String name) {
        return new PolygonPriceProvider(name,
                new PolygonSettings(new NetworkSettings(KEY, URI.create(base()), 60_000), false), FAST, FRIDAY);
    }

    private static List<DailyBar> read(PolygonPriceProvider provider, DateWindow window) {
        return read(provider, AAPL, window);
    }

    private static List<DailyBar> read(PolygonPriceProvider provider, Symbol symbol, DateWindow window) {
        try (Stream<DailyBar> bars = provider.dailyBars(symbol, window)) {
            return bars.toList();
        }
    }

    private static DateWindow window(String from, String to) {
        return new DateWindow(LocalDate.parse(from), LocalDate.parse(to));
    }

    private static String sample(String name) {
        try (InputStream in = PolygonPriceProviderTest.class.getResourceAsStream("/polygon/" + name)) {
            assertThat(in).as("test resource polygon/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read test resource polygon/" + name, e);
        }
    }

    /** A loopback port nothing listens on: one the system just handed out and that was closed again. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
