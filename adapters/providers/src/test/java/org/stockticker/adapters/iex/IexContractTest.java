package org.stockticker.adapters.iex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stockticker.adapters.contract.ContractBar;
import org.stockticker.adapters.contract.NetworkPriceProviderContractTest;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.provider.NetworkSettings;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.domain.Symbol;

/** The IEX adapter against a stub answering IEX's chart bodies: {@code u*} as traded, plain split-adjusted. */
class IexContractTest extends NetworkPriceProviderContractTest {

    private static final Clock SEPTEMBER_4 = Clock.fixed(Instant.parse("2020-09-04T15:00:00Z"), ZoneOffset.UTC);
    private static final HttpPolicy FAST = new HttpPolicy(60_000, Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
            Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(2));

    @RegisterExtension
    static final WireMockExtension IEX = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @Override
    protected PriceProviderPort provider() {
        return new IexPriceProvider(new NetworkSettings(KEY, URI.create("http://127.0.0.1:" + IEX.getPort()), 60_000),
                FAST, SEPTEMBER_4);
    }

    @Override
    protected boolean reportsAdjustedClose() {
        return true;
    }

    @Override
    protected void serve(Symbol symbol, List<ContractBar> bars) {
        IEX.stubFor(get(urlPathMatching("/stock/" + symbol + "/chart/.*")).willReturn(okJson(body(bars))));
    }

    @Override
    protected void serveUnknown(Symbol symbol) {
        IEX.stubFor(get(urlPathMatching("/stock/" + symbol + "/chart/.*"))
                .willReturn(aResponse().withStatus(404).withBody("Unknown symbol")));
    }

    @Override
    protected void rejectKey() {
        IEX.stubFor(get(urlPathMatching("/stock/.*")).willReturn(aResponse().withStatus(401)
                .withBody("The API key provided is not valid.")));
    }

    @Override
    protected void rateLimitOnceThenServe(Symbol symbol, List<ContractBar> bars) {
        IEX.stubFor(get(urlPathMatching("/stock/" + symbol + "/chart/.*")).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody(
                        "Too many requests hit the API too quickly. An exponential backoff of your requests is"
                                + " recommended."))
                .willSetStateTo("served"));
        IEX.stubFor(get(urlPathMatching("/stock/" + symbol + "/chart/.*")).inScenario("limit")
                .whenScenarioStateIs("served").willReturn(okJson(body(bars))));
    }

    @Override
    protected void failWithServerErrors() {
        IEX.stubFor(get(urlPathMatching("/stock/.*")).willReturn(aResponse().withStatus(500)));
    }

    /** IEX's layout: plain prices adjusted for the split, {@code u*} as traded, {@code fClose} fully adjusted. */
    private static String body(List<ContractBar> bars) {
        return bars.stream().map(bar -> {
            BigDecimal factor = bar.date().isBefore(ContractBar.SPLIT_DAY) ? BigDecimal.valueOf(4) : BigDecimal.ONE;
            return """
                    {"date":"%s","open":%s,"high":%s,"low":%s,"close":%s,"volume":%d,\
                    "uOpen":%s,"uHigh":%s,"uLow":%s,"uClose":%s,"uVolume":%d,"fClose":%s,\
                    "label":"%s","symbol":"ACME","id":"HISTORICAL_PRICES","key":"ACME","subkey":""}"""
                    .formatted(bar.date(), split(bar.open(), factor), split(bar.high(), factor),
                            split(bar.low(), factor), split(bar.close(), factor),
                            bar.volume() * factor.longValue(), bar.open(), bar.high(), bar.low(), bar.close(),
                            bar.volume(), bar.adjustedClose(), bar.date());
        }).collect(Collectors.joining(",", "[", "]"));
    }

    private static String split(String price, BigDecimal factor) {
        return new BigDecimal(price).divide(factor, 4, RoundingMode.HALF_UP).toPlainString();
    }
}
