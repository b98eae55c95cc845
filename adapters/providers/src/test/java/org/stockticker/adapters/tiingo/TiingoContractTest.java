package org.stockticker.adapters.tiingo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stockticker.adapters.contract.ContractBar;
import org.stockticker.adapters.contract.NetworkPriceProviderContractTest;
import org.stockticker.adapters.http.FakeClock;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.provider.NetworkSettings;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.domain.Symbol;

/**
 * The Tiingo adapter against a stub answering Tiingo's prices bodies: plain fields as traded, {@code adj*} adjusted,
 * {@code divCash} and {@code splitFactor} on every day. Like Tiingo, the stub answers only requests that carry the
 * key in the {@code Authorization} header, and only the days from {@code startDate} to {@code endDate}.
 */
class TiingoContractTest extends NetworkPriceProviderContractTest {

    /**
     * Half a minute before the hour turns: Tiingo's rate limit is its hourly allocation, which the adapter waits
     * for until the next hour, on this clock rather than for real.
     */
    private static final String BEFORE_THE_HOUR_TURNS = "2020-09-04T15:59:30Z";
    private static final HttpPolicy FAST = new HttpPolicy(60_000, Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
            Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(2));
    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";

    @RegisterExtension
    static final WireMockExtension TIINGO = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().extensions(new RequestedDays()))
            .build();

    @Override
    protected PriceProviderPort provider() {
        return new TiingoPriceProvider(new NetworkSettings(KEY, URI.create("http://127.0.0.1:" + TIINGO.getPort()),
                60_000), FAST, new FakeClock(BEFORE_THE_HOUR_TURNS));
    }

    @Override
    protected boolean reportsAdjustedClose() {
        return true;
    }

    @Override
    protected void serve(Symbol symbol, List<ContractBar> bars) {
        TIINGO.stubFor(prices(symbol).willReturn(okJson(body(bars)).withTransformers(RequestedDays.NAME)));
        TIINGO.stubFor(meta(symbol).willReturn(okJson(description(symbol))));
    }

    @Override
    protected void serveUnknown(Symbol symbol) {
        String notFound = "{\"detail\":\"Error: Ticker '" + symbol + "' not found\"}";
        TIINGO.stubFor(prices(symbol).willReturn(json(404, notFound)));
        TIINGO.stubFor(meta(symbol).willReturn(json(404, notFound)));
    }

    @Override
    protected void rejectKey() {
        // Tiingo refuses a bad key before it looks at the ticker, so the stub does not ask for the right key here.
        TIINGO.stubFor(get(urlPathMatching("/tiingo/.*")).willReturn(json(401, "{\"detail\":\"Invalid token.\"}")));
    }

    @Override
    protected void rateLimitOnceThenServe(Symbol symbol, List<ContractBar> bars) {
        TIINGO.stubFor(prices(symbol).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "{\"detail\":\"Error: You have run over your hourly request allocation.\"}"))
                .willSetStateTo("served"));
        TIINGO.stubFor(prices(symbol).inScenario("limit")
                .whenScenarioStateIs("served")
                .willReturn(okJson(body(bars)).withTransformers(RequestedDays.NAME)));
    }

    @Override
    protected void failWithServerErrors() {
        TIINGO.stubFor(get(urlPathMatching("/tiingo/.*")).willReturn(aResponse().withStatus(500)));
    }

    /** The prices request of {@code symbol} as Tiingo accepts it: a start, an end, and the key in the header. */
    private static MappingBuilder prices(Symbol symbol) {
        return get(urlPathEqualTo("/tiingo/daily/" + symbol + "/prices"))
                .withQueryParam("startDate", matching(DATE))
                .withQueryParam("endDate", matching(DATE))
                .withHeader("Authorization", equalTo("Token " + KEY));
    }

    private static MappingBuilder meta(Symbol symbol) {
        return get(urlPathEqualTo("/tiingo/daily/" + symbol)).withHeader("Authorization", equalTo("Token " + KEY));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /**
     * Tiingo's layout, one bar a line so that {@link RequestedDays} can pick the requested ones: plain prices as
     * traded, {@code adj*} scaled by the adjusted close's ratio to the close, {@code adjVolume} inversely, a
     * {@code splitFactor} of 4.0 on the split day.
     */
    private static String body(List<ContractBar> bars) {
        return bars.stream().map(bar -> {
            BigDecimal close = new BigDecimal(bar.close());
            BigDecimal ratio = new BigDecimal(bar.adjustedClose()).divide(close, 10, RoundingMode.HALF_UP);
            String splitFactor = bar.date().equals(ContractBar.SPLIT_DAY) ? "4.0" : "1.0";
            return """
                    {"date":"%sT00:00:00.000Z","close":%s,"high":%s,"low":%s,"open":%s,"volume":%d,\
                    "adjClose":%s,"adjHigh":%s,"adjLow":%s,"adjOpen":%s,"adjVolume":%d,\
                    "divCash":0.0,"splitFactor":%s}"""
                    .formatted(bar.date(), bar.close(), bar.high(), bar.low(), bar.open(), bar.volume(),
                            bar.adjustedClose(), adjust(bar.high(), ratio), adjust(bar.low(), ratio),
                            adjust(bar.open(), ratio),
                            BigDecimal.valueOf(bar.volume()).divide(ratio, 0, RoundingMode.HALF_UP).longValueExact(),
                            splitFactor);
        }).collect(Collectors.joining(",\n", "[\n", "\n]"));
    }

    private static String adjust(String price, BigDecimal ratio) {
        return new BigDecimal(price).multiply(ratio).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    private static String description(Symbol symbol) {
        return """
                {"ticker":"%s","name":"Acme Corp","exchangeCode":"NASDAQ","startDate":"1980-12-12",\
                "endDate":"2020-09-03","description":"A company for contract tests."}""".formatted(symbol);
    }

    /**
     * Answers only the bars from the request's {@code startDate} to its {@code endDate}, as Tiingo does, out of a
     * body written one bar a line by {@link #body}.
     */
    private static final class RequestedDays implements ResponseDefinitionTransformerV2 {

        static final String NAME = "tiingo-requested-days";

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            LocalDate start = LocalDate.parse(serveEvent.getRequest().queryParameter("startDate").firstValue());
            LocalDate end = LocalDate.parse(serveEvent.getRequest().queryParameter("endDate").firstValue());
            String kept = Arrays.stream(serveEvent.getResponseDefinition().getBody().split("\n"))
                    .filter(line -> line.startsWith("{"))
                    .map(line -> line.endsWith(",") ? line.substring(0, line.length() - 1) : line)
                    .filter(line -> {
                        LocalDate day = LocalDate.parse(line.substring("{\"date\":\"".length(),
                                "{\"date\":\"YYYY-MM-DD".length()));
                        return !day.isBefore(start) && !day.isAfter(end);
                    })
                    .collect(Collectors.joining(",", "[", "]"));
            return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition()).but().withBody(kept).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
