package org.stockticker.adapters.polygon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.provider.NetworkSettings;
import org.stockticker.application.port.out.ProviderReach;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.RejectedCredentialsException;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * The Massive adapter's whole-market days against a stub in Massive's grouped shape: the request, the bars and how
 * they match a symbol's window, errors and retries, and a day of some 12,000 rows.
 */
class PolygonMarketDayTest {

    private static final String KEY = "PK_SECRET_0123456789";
    private static final Symbol AAPL = new Symbol("AAPL");
    /** 10:00 in New York on Friday 2020-01-10. */
    private static final Clock FRIDAY = Clock.fixed(Instant.parse("2020-01-10T15:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate THURSDAY = LocalDate.parse("2020-01-02");
    private static final String GROUPED = "/v2/aggs/grouped/locale/us/market/stocks/";
    private static final HttpPolicy FAST = new HttpPolicy(60_000, Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
            Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5));

    @RegisterExtension
    static final WireMockExtension MASSIVE = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void reaches_every_stock_of_a_day_in_one_request_with_no_adjusted_close_to_compare_either_way(boolean adjusted) {
        assertThat(provider(adjusted).reach())
                .isEqualTo(new ProviderReach(true, false, Optional.empty(), 60_000, adjusted));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void asks_for_the_day_without_otc_listings_with_adjusted_as_configured_and_the_key(boolean adjusted) {
        MASSIVE.stubFor(get(anyUrl()).willReturn(okJson(PolygonBodies.grouped(adjusted, List.of()))));

        read(provider(adjusted), THURSDAY);

        MASSIVE.verify(1, anyRequestedFor(anyUrl()));
        MASSIVE.verify(getRequestedFor(urlPathEqualTo(GROUPED + "2020-01-02"))
                .withQueryParam("adjusted", equalTo(Boolean.toString(adjusted)))
                .withQueryParam("include_otc", equalTo("false"))
                .withQueryParam("apiKey", equalTo(KEY)));
    }

    @Test
    void answers_the_bar_of_every_stock_of_the_day_with_the_exact_decimals_sent() {
        stubDay(THURSDAY, false, List.of(
                PolygonBodies.row("AAPL", THURSDAY, "74.06", "75.15", "73.7975", "75.0875", "135647456"),
                PolygonBodies.row("MSFT", THURSDAY, "158.78", "160.73", "158.33", "160.620", "22634546.5"),
                PolygonBodies.row("HUGE", THURSDAY, "1", "1", "1", "1e999999999", "1000"),
                PolygonBodies.row("GBTC", THURSDAY, "10", "11", "9", "10.5", "1000").replace("}", ",\"otc\":true}"),
                PolygonBodies.row("brk.b", THURSDAY, "228.5", "229", "227.1", "228.39", "1000")));

        List<DailyBar> bars = read(provider(false), THURSDAY);

        assertThat(bars).containsExactly(
                new DailyBar(AAPL, THURSDAY, new BigDecimal("74.06"), new BigDecimal("75.15"),
                        new BigDecimal("73.7975"), new BigDecimal("75.0875"), 135_647_456L, null),
                new DailyBar(new Symbol("MSFT"), THURSDAY, new BigDecimal("158.78"), new BigDecimal("160.73"),
                        new BigDecimal("158.33"), new BigDecimal("160.620"), 22_634_547L, null));
        assertThat(bars.get(0).close().toPlainString()).isEqualTo("75.0875");
        assertThat(bars.get(1).close().toPlainString()).isEqualTo("160.620");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void gives_the_same_bars_as_a_symbols_window_of_the_same_data(boolean adjusted) {
        List<LocalDate> days = List.of(THURSDAY, LocalDate.parse("2020-01-03"), LocalDate.parse("2020-01-06"));
        List<String[]> values = List.of(
                new String[] {"74.06", "75.15", "73.7975", "75.0875", "135647456"},
                new String[] {"74.2875", "75.145", "74.125", "74.3575", "146535512.5"},
                new String[] {"73.4475", "74.99", "73.1875", "74.95", "118578576"});
        List<String> window = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            String[] v = values.get(i);
            window.add(PolygonBodies.bar(days.get(i), v[0], v[1], v[2], v[3], v[4]));
            stubDay(days.get(i), adjusted, List.of(
                    PolygonBodies.row("MSFT", days.get(i), "158.78", "160.73", "158.33", "160.62", "22634546"),
                    PolygonBodies.row("AAPL", days.get(i), v[0], v[1], v[2], v[3], v[4])));
        }
        MASSIVE.stubFor(get(urlPathEqualTo("/v2/aggs/ticker/AAPL/range/1/day/2020-01-02/2020-01-06"))
                .withQueryParam("adjusted", equalTo(Boolean.toString(adjusted)))
                .willReturn(okJson(PolygonBodies.page("AAPL", adjusted, window, null))));
        PolygonPriceProvider provider = provider(adjusted);

        List<DailyBar> perSymbol;
        try (Stream<DailyBar> bars = provider.dailyBars(AAPL, new DateWindow(days.get(0), days.get(2)))) {
            perSymbol = bars.toList();
        }
        List<DailyBar> grouped = days.stream()
                .flatMap(day -> read(provider, day).stream())
                .filter(bar -> bar.symbol().equals(AAPL))
                .toList();

        assertThat(perSymbol).hasSize(3);
        assertThat(grouped).isEqualTo(perSymbol);
        assertThat(grouped).allSatisfy(bar -> assertThat(bar.adjustedClose()).isEqualTo(adjusted ? bar.close() : null));
    }

    @Test
    void answers_no_bar_for_a_day_without_trading() {
        LocalDate newYear = LocalDate.parse("2020-01-01");
        MASSIVE.stubFor(get(urlPathEqualTo(GROUPED + newYear))
                .willReturn(okJson(PolygonBodies.groupedWithoutTrading(false))));

        assertThat(read(provider(false), newYear)).isEmpty();
        MASSIVE.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void answers_a_day_after_today_without_a_request() {
        assertThat(read(provider(false), LocalDate.parse("2020-01-11"))).isEmpty();

        MASSIVE.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void reads_a_day_of_twelve_thousand_rows() {
        List<String> rows = new ArrayList<>(IntStream.range(0, 12_000)
                .mapToObj(i -> PolygonBodies.row("S" + i, THURSDAY, "10.01", "10.52", "9.87", "10." + (i % 100),
                        Integer.toString(1000 + i)))
                .toList());
        rows.add(PolygonBodies.row("X1", THURSDAY, "1", "1", "1", "1", "1").replace("}", ",\"otc\":true}"));
        rows.add(PolygonBodies.row("bad ticker", THURSDAY, "1", "1", "1", "1", "1"));
        stubDay(THURSDAY, false, rows);

        List<DailyBar> bars = read(provider(false), THURSDAY);

        assertThat(bars).hasSize(12_000);
        assertThat(bars).extracting(DailyBar::symbol).doesNotHaveDuplicates();
        assertThat(bars.get(11_999)).isEqualTo(new DailyBar(new Symbol("S11999"), THURSDAY, new BigDecimal("10.01"),
                new BigDecimal("10.52"), new BigDecimal("9.87"), new BigDecimal("10.99"), 12_999L, null));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void reports_a_rejected_key_with_massives_message_and_the_key_masked(int status) {
        MASSIVE.stubFor(grouped(THURSDAY).willReturn(json(status, status == 401
                ? PolygonBodies.error("ERROR", "Unknown API Key " + KEY)
                : PolygonBodies.errorMessage("NOT_AUTHORIZED", "You are not entitled to this data."))));

        assertThatThrownBy(() -> read(provider(false), THURSDAY))
                .isInstanceOf(RejectedCredentialsException.class)
                .hasMessage("provider massive rejected the API key (HTTP " + status + "): "
                        + (status == 401 ? "Unknown API Key ****" : "You are not entitled to this data."));
        MASSIVE.verify(1, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 499, 500, 503})
    void tries_again_after_a_status_massive_asks_to_retry(int status) {
        MASSIVE.stubFor(grouped(THURSDAY).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(status, PolygonBodies.error("ERROR", "You've exceeded the maximum requests per"
                        + " minute, please wait or upgrade your subscription to continue.")))
                .willSetStateTo("calm"));
        MASSIVE.stubFor(grouped(THURSDAY).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(okJson(PolygonBodies.grouped(false, List.of(
                        PolygonBodies.row("AAPL", THURSDAY, "74.06", "75.15", "73.7975", "75.0875", "1000"))))));

        assertThat(read(provider(false), THURSDAY)).extracting(DailyBar::symbol).containsExactly(AAPL);
        MASSIVE.verify(2, getRequestedFor(urlPathEqualTo(GROUPED + THURSDAY)));
    }

    @Test
    void reports_a_provider_that_keeps_failing_as_unavailable_without_quoting_the_key() {
        MASSIVE.stubFor(grouped(THURSDAY).willReturn(json(503, PolygonBodies.error("ERROR", "Down " + KEY))));

        assertThatThrownBy(() -> read(provider(false), THURSDAY))
                .isInstanceOf(ProviderUnavailableException.class)
                .isNotInstanceOf(RejectedCredentialsException.class)
                .hasMessageNotContaining(KEY);
        MASSIVE.verify(3, anyRequestedFor(anyUrl()));
    }

    @Test
    void reports_a_404_as_a_wrong_base_url() {
        MASSIVE.stubFor(get(urlPathMatching("/.*")).willReturn(aResponse().withStatus(404).withBody("Not Found")));

        assertThatThrownBy(() -> read(provider(false), THURSDAY))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider massive answered HTTP 404 for the bars of the US market on 2020-01-02: Not Found"
                        + " (is provider.base_url right?)");
    }

    @Test
    void reports_an_answer_that_is_not_json() {
        MASSIVE.stubFor(grouped(THURSDAY).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Maintenance</body></html>")));

        assertThatThrownBy(() -> read(provider(false), THURSDAY))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider massive answered something other than JSON for the US market on 2020-01-02");
    }

    private static void stubDay(LocalDate day, boolean adjusted, List<String> rows) {
        MASSIVE.stubFor(grouped(day).withQueryParam("adjusted", equalTo(Boolean.toString(adjusted)))
                .willReturn(okJson(PolygonBodies.grouped(adjusted, rows))));
    }

    private static MappingBuilder grouped(LocalDate day) {
        return get(urlPathEqualTo(GROUPED + day)).withQueryParam("include_otc", equalTo("false"))
                .withQueryParam("apiKey", equalTo(KEY));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static PolygonPriceProvider provider(boolean adjusted) {
        return new PolygonPriceProvider(new PolygonSettings(new NetworkSettings(KEY,
                URI.create("http://127.0.0.1:" + MASSIVE.getPort()), 60_000), adjusted), FAST, FRIDAY);
    }

    private static List<DailyBar> read(PolygonPriceProvider provider, LocalDate day) {
        try (Stream<DailyBar> bars = provider.marketDay(day)) {
            return bars.toList();
        }
    }
}
