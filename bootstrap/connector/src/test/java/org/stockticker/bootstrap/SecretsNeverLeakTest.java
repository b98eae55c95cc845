package org.stockticker.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API key never appears in any output of any command: not in messages, LOG lines, TRACE stack traces or
 * internal messages, nor on stderr, whatever the provider answers and whatever is wrong with the config.
 *
 * <p>The stub of IEX echoes the key back in the ways real services and proxies do (error bodies that quote it,
 * URLs with {@code ?token=}), so a connector that passed any of it through would be caught.
 */
class SecretsNeverLeakTest {

    private static final String KEY = "sk_LEAKCHECK_9f8e7d6c";

    /** Distinctive pieces of the key, so that a key cut short or masked only in part is caught as well. */
    private static final List<String> KEY_PARTS = List.of(KEY, "LEAKCHECK", "9f8e7d6c");

    private static final String CHART_BODY = """
            [{"date":"2024-01-02","open":185.64,"high":188.44,"low":183.885,"close":185.64,"volume":82488674,
              "uOpen":187.15,"uHigh":188.44,"uLow":183.885,"uClose":185.64,"uVolume":82488700,
              "fOpen":184.93,"fHigh":187.72,"fLow":183.18,"fClose":184.9300,"fVolume":82488700,
              "change":-6.89,"changePercent":-3.5787,"label":"Jan 2, 24","changeOverTime":0,
              "symbol":"AAPL","id":"HISTORICAL_PRICES","key":"AAPL","subkey":"","updated":1704240000000},
             {"date":"2024-01-03","open":184.22,"high":185.88,"low":183.43,"close":184.25,"volume":58414460,
              "uOpen":184.22,"uHigh":185.88,"uLow":183.43,"uClose":184.25,"uVolume":58414500,"fClose":183.54,
              "symbol":"AAPL","id":"HISTORICAL_PRICES","key":"AAPL","subkey":"","updated":1704326400000}]
            """;

    @TempDir
    Path dir;

    @RegisterExtension
    final WireMockExtension iex = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @Test
    void no_command_shows_the_key_when_the_provider_answers_real_data() {
        answer(okJson(CHART_BODY));

        List<ConnectorRun> runs = List.of(spec(), check(), discover(), read());

        assertThat(runs.get(1).ofType("CONNECTION_STATUS")).singleElement().satisfies(
                s -> assertThat(s.get("connectionStatus").get("status").asText()).isEqualTo("SUCCEEDED"));
        assertThat(runs.get(3).records()).isNotEmpty();
        assertTheKeyWasSent();
        runs.forEach(SecretsNeverLeakTest::assertNoLeak);
    }

    @Test
    void a_401_whose_body_echoes_the_key_and_the_url_does_not_leak_it() {
        answer(aResponse().withStatus(401).withHeader("Content-Type", "text/plain")
                .withBody("Unauthorized: the token " + KEY + " is not valid for "
                        + "http://127.0.0.1:" + iex.getPort() + "/stable/stock/AAPL/chart/1m?token=" + KEY));

        List<ConnectorRun> runs = List.of(check(), read());

        assertThat(statusMessage(runs.get(0))).containsIgnoringCase("key");
        assertThat(runs.get(1).errors()).singleElement()
                .satisfies(e -> assertThat(e.get("failure_type").asText()).isEqualTo("config_error"));
        assertTheKeyWasSent();
        runs.forEach(SecretsNeverLeakTest::assertNoLeak);
    }

    @Test
    void a_403_does_not_leak_the_key() {
        answer(aResponse().withStatus(403).withBody("{\"error\":\"Forbidden for token " + KEY + "\"}"));

        List<ConnectorRun> runs = List.of(check(), read());

        assertThat(statusMessage(runs.get(0))).containsIgnoringCase("key");
        assertThat(runs.get(1).exitCode()).isEqualTo(1);
        assertTheKeyWasSent();
        runs.forEach(SecretsNeverLeakTest::assertNoLeak);
    }

    @Test
    void a_404_does_not_leak_the_key() {
        answer(aResponse().withStatus(404).withBody("Unknown symbol (token=" + KEY + ")"));

        List<ConnectorRun> runs = List.of(check(), read());

        assertThat(statusMessage(runs.get(0))).contains("AAPL");
        assertThat(runs.get(1).errors()).singleElement()
                .satisfies(e -> assertThat(e.get("message").asText()).contains("AAPL"));
        assertTheKeyWasSent();
        runs.forEach(SecretsNeverLeakTest::assertNoLeak);
    }

    @Test
    void a_500_whose_body_echoes_the_request_url_with_its_token_does_not_leak_it() {
        // Retried with backoff until the attempts run out, so each run takes seconds: one check and one read.
        answer(aResponse().withStatus(500).withBody("Internal error while serving GET /stable/stock/AAPL/chart/1m"
                + "?token=" + KEY));

        ConnectorRun check = check();
        ConnectorRun read = read();

        assertThat(statusMessage(check)).isNotBlank();
        assertThat(read.errors()).singleElement()
                .satisfies(e -> assertThat(e.get("failure_type").asText()).isEqualTo("transient_error"));
        assertThat(iex.getAllServeEvents()).hasSizeGreaterThan(2);
        assertTheKeyWasSent();
        assertNoLeak(check);
        assertNoLeak(read);
    }

    @Test
    void an_html_page_that_contains_the_key_does_not_leak_it() {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>Login</title></head><body><p>Signed in with " + KEY
                        + "</p><a href=\"/stable/stock/AAPL/chart/1m?token=" + KEY + "\">retry</a></body></html>"));

        List<ConnectorRun> runs = List.of(check(), read());

        assertThat(runs.get(0).ofType("CONNECTION_STATUS")).singleElement().satisfies(
                s -> assertThat(s.get("connectionStatus").get("status").asText()).isEqualTo("FAILED"));
        assertThat(runs.get(1).exitCode()).isEqualTo(1);
        assertThat(runs.get(1).errors()).isNotEmpty();
        assertTheKeyWasSent();
        runs.forEach(SecretsNeverLeakTest::assertNoLeak);
    }

    @Test
    void a_connection_reset_does_not_leak_the_key() {
        answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        ConnectorRun check = check();
        ConnectorRun read = read();

        assertThat(statusMessage(check)).isNotBlank();
        assertThat(read.exitCode()).isEqualTo(1);
        assertThat(read.errors()).singleElement()
                .satisfies(e -> assertThat(e.get("failure_type").asText()).isEqualTo("transient_error"));
        assertTheKeyWasSent();
        assertNoLeak(check);
        assertNoLeak(read);
    }

    @Test
    void a_config_with_an_http_base_url_on_another_host_does_not_leak_the_key() {
        Path config = config("[\"AAPL\"]", "http://example.com/stable");

        everyCommandRefuses(config, "provider.base_url");
    }

    @Test
    void a_config_with_a_bad_ticker_does_not_leak_the_key() {
        Path config = config("[\"AAPL\", \"BAD TICKER\"]", "http://127.0.0.1:" + iex.getPort() + "/stable");

        everyCommandRefuses(config, "tickers[1]");
    }

    @Test
    void a_config_whose_base_url_carries_the_key_as_token_does_not_leak_it() {
        Path config = config("[\"AAPL\"]", "http://127.0.0.1:" + iex.getPort() + "/stable?token=" + KEY);

        everyCommandRefuses(config, "provider.base_url");
    }

    @Test
    void a_config_that_is_not_json_because_the_key_lacks_quotes_does_not_leak_it() {
        Path config = new Fixtures(dir).file("unquoted-key.json", """
                {"tickers": ["AAPL"], "start_date": "2024-01-02", "end_date": "2024-01-31",
                 "provider": {"name": "iex", "api_key": %s, "base_url": "http://127.0.0.1:%d/stable"}}
                """.formatted(KEY, iex.getPort()));

        everyCommandRefuses(config, "--config");
    }

    private void everyCommandRefuses(Path config, String field) {
        ConnectorRun check = ConnectorRun.of(Fixtures.CLOCK, "check", "--config", config.toString());
        ConnectorRun discover = ConnectorRun.of(Fixtures.CLOCK, "discover", "--config", config.toString());
        ConnectorRun read = ConnectorRun.of(Fixtures.CLOCK, "read", "--config", config.toString(),
                "--catalog", new Fixtures(dir).catalog("incremental").toString());

        assertThat(statusMessage(check)).contains(field);
        for (ConnectorRun failed : List.of(discover, read)) {
            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.errors()).singleElement().satisfies(e -> {
                assertThat(e.get("failure_type").asText()).isEqualTo("config_error");
                assertThat(e.get("message").asText()).contains(field);
            });
        }
        assertThat(iex.getAllServeEvents()).isEmpty();
        List.of(check, discover, read).forEach(SecretsNeverLeakTest::assertNoLeak);
    }

    private static void assertNoLeak(ConnectorRun run) {
        List<String> places = new ArrayList<>();
        for (JsonNode message : run.messages()) {
            JsonNode trace = message.path("trace");
            JsonNode error = trace.path("error");
            places.add("message " + error.path("message").asText(""));
            places.add("internal_message " + error.path("internal_message").asText(""));
            places.add("stack_trace " + error.path("stack_trace").asText(""));
            places.add("LOG " + message.path("log").path("message").asText(""));
            places.add("CONNECTION_STATUS " + message.path("connectionStatus").path("message").asText(""));
        }
        places.add("stdout " + String.join("\n", run.lines()));
        places.add("stderr " + run.stderr());
        for (String place : places) {
            for (String part : KEY_PARTS) {
                assertThat(place).as("output that must not hold the key").doesNotContain(part);
            }
        }
    }

    private void assertTheKeyWasSent() {
        assertThat(iex.getAllServeEvents()).as("requests that carried the key").isNotEmpty()
                .allSatisfy(event -> assertThat(event.getRequest().getUrl()).contains("token=" + KEY));
    }

    private static String statusMessage(ConnectorRun check) {
        assertThat(check.exitCode()).isZero();
        List<JsonNode> statuses = check.ofType("CONNECTION_STATUS").toList();
        assertThat(statuses).hasSize(1);
        assertThat(statuses.get(0).get("connectionStatus").get("status").asText()).isEqualTo("FAILED");
        return statuses.get(0).get("connectionStatus").get("message").asText();
    }

    private void answer(ResponseDefinitionBuilder response) {
        iex.stubFor(get(urlPathMatching("/stable/stock/.*")).willReturn(response));
    }

    private Path config(String tickers, String baseUrl) {
        return new Fixtures(dir).file("config.json", """
                {"tickers": %s, "start_date": "2024-01-02", "end_date": "2024-01-31",
                 "provider": {"name": "iex", "api_key": "%s", "base_url": "%s"}}
                """.formatted(tickers, KEY, baseUrl));
    }

    private Path config() {
        return config("[\"AAPL\"]", "http://127.0.0.1:" + iex.getPort() + "/stable");
    }

    private static ConnectorRun spec() {
        return ConnectorRun.of(Fixtures.CLOCK, "spec");
    }

    private ConnectorRun check() {
        return ConnectorRun.of(Fixtures.CLOCK, "check", "--config", config().toString());
    }

    private ConnectorRun discover() {
        return ConnectorRun.of(Fixtures.CLOCK, "discover", "--config", config().toString());
    }

    private ConnectorRun read() {
        return ConnectorRun.of(Fixtures.CLOCK, "read", "--config", config().toString(),
                "--catalog", new Fixtures(dir).catalog("incremental").toString());
    }
}
