package org.stockticker.adapters.polygon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stockticker.adapters.contract.ContractBar;
import org.stockticker.adapters.contract.NetworkPriceProviderContractTest;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.provider.NetworkSettings;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.domain.Symbol;

/**
 * The Polygon adapter against a stub answering Polygon's aggregates pages for {@code adjusted=false}: as-traded
 * prices, no adjusted close, and every history split over two pages joined by a {@code next_url} that names
 * {@code api.polygon.io}, as Massive's do, and that the adapter asks for on the stub.
 */
class PolygonContractTest extends NetworkPriceProviderContractTest {

    private static final Clock SEPTEMBER_4 = Clock.fixed(Instant.parse("2020-09-04T15:00:00Z"), ZoneOffset.UTC);
    private static final HttpPolicy FAST = new HttpPolicy(60_000, Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
            Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(2));
    /** A cursor as Polygon writes them, base64 with its padding percent-encoded, which must arrive unchanged. */
    private static final String CURSOR = "bGltaXQ9NTAwMDAmc29ydD1hc2MmdGlja2VyPUFDTUU%3D";

    @RegisterExtension
    static final WireMockExtension POLYGON = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @Override
    protected PriceProviderPort provider() {
        NetworkSettings network = new NetworkSettings(KEY, URI.create("http://127.0.0.1:" + POLYGON.getPort()), 60_000);
        return new PolygonPriceProvider(new PolygonSettings(network, false), FAST, SEPTEMBER_4);
    }

    @Override
    protected boolean reportsAdjustedClose() {
        return false;
    }

    @Override
    protected void serve(Symbol symbol, List<ContractBar> bars) {
        POLYGON.stubFor(firstPage(symbol).willReturn(okJson(firstPageBody(symbol, bars))));
        stubSecondPage(symbol, bars);
        POLYGON.stubFor(get(urlPathEqualTo("/v3/reference/tickers/" + symbol)).withQueryParam("apiKey", equalTo(KEY))
                .willReturn(okJson(PolygonBodies.reference(symbol.value()))));
    }

    @Override
    protected void serveUnknown(Symbol symbol) {
        POLYGON.stubFor(firstPage(symbol).willReturn(okJson(PolygonBodies.noResults(symbol.value(), false))));
        POLYGON.stubFor(get(urlPathEqualTo("/v3/reference/tickers/" + symbol)).withQueryParam("apiKey", equalTo(KEY))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody(PolygonBodies.tickerNotFound())));
    }

    @Override
    protected void rejectKey() {
        POLYGON.stubFor(get(urlPathMatching("/v[23]/.*")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(PolygonBodies.error("ERROR", "Unknown API Key"))));
    }

    @Override
    protected void rateLimitOnceThenServe(Symbol symbol, List<ContractBar> bars) {
        POLYGON.stubFor(firstPage(symbol).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody(PolygonBodies.error("ERROR", "You've exceeded the maximum requests per minute,"
                                + " please wait or upgrade your subscription to continue."
                                + " https://polygon.io/pricing")))
                .willSetStateTo("served"));
        POLYGON.stubFor(firstPage(symbol).inScenario("limit").whenScenarioStateIs("served")
                .willReturn(okJson(firstPageBody(symbol, bars))));
        stubSecondPage(symbol, bars);
    }

    @Override
    protected void failWithServerErrors() {
        POLYGON.stubFor(get(urlPathMatching("/v[23]/.*")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody(PolygonBodies.error("ERROR", "Internal server error"))));
    }

    /** The first request of a window, as-traded only: a request for adjusted prices finds no stub. */
    private static MappingBuilder firstPage(Symbol symbol) {
        return get(urlPathMatching("/v2/aggs/ticker/" + symbol + "/range/1/day/\\d{4}-\\d{2}-\\d{2}/\\d{4}-\\d{2}-\\d{2}"))
                .withQueryParam("adjusted", equalTo("false"))
                .withQueryParam("sort", equalTo("asc"))
                .withQueryParam("limit", equalTo("50000"))
                .withQueryParam("apiKey", equalTo(KEY))
                .withQueryParam("cursor", absent());
    }

    private static String firstPageBody(Symbol symbol, List<ContractBar> bars) {
        return PolygonBodies.page(symbol.value(), false, results(bars.subList(0, half(bars))),
                "https://api.polygon.io" + secondPagePath(symbol, bars) + "?cursor=" + CURSOR);
    }

    private static void stubSecondPage(Symbol symbol, List<ContractBar> bars) {
        POLYGON.stubFor(get(urlPathEqualTo(secondPagePath(symbol, bars)))
                .withQueryParam("cursor", equalTo(CURSOR.replace("%3D", "=")))
                .withQueryParam("apiKey", equalTo(KEY))
                .willReturn(okJson(PolygonBodies.page(symbol.value(), false,
                        results(bars.subList(half(bars), bars.size())), null))));
    }

    /** Polygon's next pages start at the first bar they hold, written in epoch milliseconds. */
    private static String secondPagePath(Symbol symbol, List<ContractBar> bars) {
        return "/v2/aggs/ticker/" + symbol + "/range/1/day/"
                + PolygonBodies.startMillis(bars.get(half(bars)).date()) + "/" + bars.get(bars.size() - 1).date();
    }

    private static int half(List<ContractBar> bars) {
        return (bars.size() + 1) / 2;
    }

    private static List<String> results(List<ContractBar> bars) {
        return bars.stream().map(bar -> PolygonBodies.bar(bar.date(), bar.open(), bar.high(), bar.low(), bar.close(),
                Long.toString(bar.volume()))).toList();
    }
}
