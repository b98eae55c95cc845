package org.stockticker.adapters.alphavantage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stockticker.adapters.contract.ContractBar;
import org.stockticker.adapters.contract.NetworkPriceProviderContractTest;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.provider.NetworkSettings;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.domain.Symbol;

/**
 * The Alpha Vantage adapter against a stub answering as Alpha Vantage does: the newest day first, every value a
 * string, and every error, rate limits included, with HTTP 200.
 */
class AlphaVantageContractTest extends NetworkPriceProviderContractTest {

    private static final Clock SEPTEMBER_4 = Clock.fixed(Instant.parse("2020-09-04T15:00:00Z"), ZoneOffset.UTC);
    private static final HttpPolicy FAST = new HttpPolicy(60_000, Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
            Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(2));

    @RegisterExtension
    static final WireMockExtension ALPHA_VANTAGE = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @Override
    protected PriceProviderPort provider() {
        return new AlphaVantagePriceProvider(new NetworkSettings(KEY,
                URI.create("http://127.0.0.1:" + ALPHA_VANTAGE.getPort()), 60_000), FAST, SEPTEMBER_4);
    }

    @Override
    protected boolean reportsAdjustedClose() {
        return false;
    }

    @Override
    protected void serve(Symbol symbol, List<ContractBar> bars) {
        ALPHA_VANTAGE.stubFor(daily(symbol).willReturn(okJson(body(symbol, bars))));
    }

    @Override
    protected void serveUnknown(Symbol symbol) {
        ALPHA_VANTAGE.stubFor(daily(symbol).willReturn(okJson("""
                {"Error Message": "Invalid API call. Please retry or visit the documentation \
                (https://www.alphavantage.co/documentation/) for TIME_SERIES_DAILY."}""")));
    }

    @Override
    protected void rejectKey() {
        ALPHA_VANTAGE.stubFor(get(urlPathEqualTo("/query")).willReturn(okJson("""
                {"Error Message": "the parameter apikey is invalid or missing. Please claim your free API key on \
                (https://www.alphavantage.co/support/#api-key). It should take less than 20 seconds."}""")));
    }

    @Override
    protected void rateLimitOnceThenServe(Symbol symbol, List<ContractBar> bars) {
        ALPHA_VANTAGE.stubFor(daily(symbol).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("""
                        {"Note": "Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per \
                        minute and 500 calls per day. Please visit https://www.alphavantage.co/premium/ if you would \
                        like to target a higher API call frequency."}"""))
                .willSetStateTo("served"));
        ALPHA_VANTAGE.stubFor(daily(symbol).inScenario("limit")
                .whenScenarioStateIs("served").willReturn(okJson(body(symbol, bars))));
    }

    @Override
    protected void failWithServerErrors() {
        ALPHA_VANTAGE.stubFor(get(urlPathEqualTo("/query")).willReturn(aResponse().withStatus(500)));
    }

    private static MappingBuilder daily(Symbol symbol) {
        return get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("TIME_SERIES_DAILY"))
                .withQueryParam("symbol", equalTo(symbol.value()))
                .withQueryParam("apikey", equalTo(KEY));
    }

    /** Alpha Vantage's layout: metadata, then the days keyed by date, newest first, every value a string. */
    private static String body(Symbol symbol, List<ContractBar> bars) {
        List<ContractBar> newestFirst = bars.stream().sorted(Comparator.comparing(ContractBar::date).reversed())
                .toList();
        String days = newestFirst.stream().map(bar -> """
                "%s":{"1. open":"%s","2. high":"%s","3. low":"%s","4. close":"%s","5. volume":"%d"}"""
                .formatted(bar.date(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume()))
                .collect(Collectors.joining(",", "{", "}"));
        return """
                {"Meta Data":{"1. Information":"Daily Prices (open, high, low, close) and Volumes",\
                "2. Symbol":"%s","3. Last Refreshed":"%s","4. Output Size":"Compact","5. Time Zone":"US/Eastern"},\
                "Time Series (Daily)":%s}""".formatted(symbol, newestFirst.get(0).date(), days);
    }
}
