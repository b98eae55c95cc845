package org.stockticker.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole connector against a stub of IEX Cloud on loopback, answering IEX's own bodies and errors. */
class IexEndToEndTest {

    private static final String KEY = "sk_SECRET_12345";

    private static final String AAPL_BODY = """
            [{"date":"2024-01-02","open":185.64,"high":188.44,"low":183.885,"close":185.64,"volume":82488674,
              "uOpen":187.15,"uHigh":188.44,"uLow":183.885,"uClose":185.64,"uVolume":82488700,
              "fOpen":184.93,"fHigh":187.72,"fLow":183.18,"fClose":184.9300,"fVolume":82488700,
              "change":-6.89,"changePercent":-3.5787,"label":"Jan 2, 24","changeOverTime":0,
              "symbol":"AAPL","id":"HISTORICAL_PRICES","key":"AAPL","subkey":"","updated":1704240000000},
             {"date":"2024-01-03","open":184.22,"high":185.88,"low":183.43,"close":184.25,"volume":58414460,
              "symbol":"AAPL","id":"HISTORICAL_PRICES","key":"AAPL","subkey":"","updated":1704326400000}]
            """;

    @TempDir
    Path dir;

    @RegisterExtension
    final WireMockExtension iex = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    private Path config(String tickers) {
        return new Fixtures(dir).file("config.json", """
                {"tickers": %s, "start_date": "2024-01-02", "end_date": "2024-01-31",
                 "provider": {"name": "iex", "api_key": "%s", "base_url": "http://127.0.0.1:%d/stable"}}
                """.formatted(tickers, KEY, iex.getPort()));
    }

    private ConnectorRun read(String tickers) {
        return ConnectorRun.of(Fixtures.CLOCK, "read", "--config", config(tickers).toString(),
                "--catalog", new Fixtures(dir).catalog("incremental").toString());
    }

    @Test
    void a_read_emits_as_traded_prices_and_the_fully_adjusted_close_exactly() {
        iex.stubFor(get(urlPathMatching("/stable/stock/AAPL/chart/.*")).willReturn(okJson(AAPL_BODY)));

        ConnectorRun run = read("[\"aapl\"]");

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).anySatisfy(line -> assertThat(line).contains(
                "{\"symbol\":\"AAPL\",\"date\":\"2024-01-02\",\"open\":187.15,\"high\":188.44,\"low\":183.885,"
                        + "\"close\":185.64,\"volume\":82488700,\"adjusted_close\":184.9300,\"provider\":\"iex\"}"));
        assertThat(run.lines()).anySatisfy(line -> assertThat(line).contains(
                "{\"symbol\":\"AAPL\",\"date\":\"2024-01-03\",\"open\":184.22,\"high\":185.88,\"low\":183.43,"
                        + "\"close\":184.25,\"volume\":58414460,\"adjusted_close\":null,\"provider\":\"iex\"}"));
    }

    @Test
    void a_rejected_key_fails_the_check_and_the_key_appears_in_no_output() {
        iex.stubFor(get(urlPathMatching("/stable/stock/.*")).willReturn(aResponse().withStatus(401)
                .withBody("The API key provided is not valid: " + KEY)));

        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "check", "--config", config("[\"AAPL\"]").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.ofType("CONNECTION_STATUS")).singleElement().satisfies(status -> {
            assertThat(status.get("connectionStatus").get("status").asText()).isEqualTo("FAILED");
            assertThat(status.get("connectionStatus").get("message").asText()).containsIgnoringCase("key");
        });
        assertThat(String.join("\n", run.lines()) + run.stderr()).doesNotContain(KEY);
    }

    @Test
    void a_rejected_key_during_read_is_a_config_error_and_exits_one() {
        iex.stubFor(get(urlPathMatching("/stable/stock/.*")).willReturn(aResponse().withStatus(401)
                .withBody("The API key provided is not valid.")));

        ConnectorRun run = read("[\"AAPL\"]");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).singleElement()
                .satisfies(error -> assertThat(error.get("failure_type").asText()).isEqualTo("config_error"));
        assertThat(run.states()).isNotEmpty();
        assertThat(String.join("\n", run.lines()) + run.stderr()).doesNotContain(KEY);
    }

    @Test
    void an_unknown_symbol_does_not_stop_the_others() {
        iex.stubFor(get(urlPathMatching("/stable/stock/AAPL/chart/.*")).willReturn(okJson(AAPL_BODY)));
        iex.stubFor(get(urlPathMatching("/stable/stock/ZZZZ/chart/.*"))
                .willReturn(aResponse().withStatus(404).withBody("Unknown symbol")));

        ConnectorRun run = read("[\"ZZZZ\", \"AAPL\"]");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.records()).hasSize(2);
        assertThat(run.errors()).singleElement()
                .satisfies(error -> assertThat(error.get("message").asText()).contains("ZZZZ"));
    }

    @Test
    void discover_never_calls_the_provider() {
        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "discover", "--config", config("[\"AAPL\"]").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(iex.getAllServeEvents()).isEmpty();
    }

    @Test
    void a_plain_http_base_url_on_another_host_is_refused_before_any_request() {
        Path config = new Fixtures(dir).file("config.json", """
                {"tickers": ["AAPL"], "start_date": "2024-01-02",
                 "provider": {"name": "iex", "api_key": "%s", "base_url": "http://example.com/stable"}}
                """.formatted(KEY));

        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "discover", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).singleElement().satisfies(error -> {
            assertThat(error.get("failure_type").asText()).isEqualTo("config_error");
            assertThat(error.get("message").asText()).contains("provider.base_url", "https");
        });
    }
}
