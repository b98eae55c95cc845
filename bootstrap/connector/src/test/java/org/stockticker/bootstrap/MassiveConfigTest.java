package org.stockticker.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code massive} and its former name {@code polygon} configure the same provider: both pass {@code check} and read
 * the same bars from a stub of Massive on loopback, each record naming the provider as configured.
 */
class MassiveConfigTest {

    private static final String KEY = "MASSIVE_SECRET_0123456789";

    private static final String AAPL_BARS = """
            {"ticker":"AAPL","queryCount":2,"resultsCount":2,"adjusted":false,"status":"OK","request_id":"r1",
             "results":[{"v":82488674,"vw":185.9,"o":187.15,"c":185.64,"h":188.44,"l":183.885,"t":1704171600000,"n":1},
                        {"v":58414460,"vw":184.6,"o":184.22,"c":184.25,"h":185.88,"l":183.43,"t":1704258000000,"n":1}]}
            """;

    private static final String AAPL_REFERENCE = """
            {"request_id":"r2","status":"OK","results":{"ticker":"AAPL","name":"Apple Inc.","market":"stocks",
             "locale":"us","active":true,"currency_name":"usd"}}
            """;

    @TempDir
    Path dir;

    @RegisterExtension
    final WireMockExtension massive = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @BeforeEach
    void stubMassive() {
        massive.stubFor(get(urlPathEqualTo("/v2/aggs/ticker/AAPL/range/1/day/2024-01-02/2024-01-31"))
                .withQueryParam("apiKey", equalTo(KEY)).willReturn(okJson(AAPL_BARS)));
        massive.stubFor(get(urlPathEqualTo("/v3/reference/tickers/AAPL"))
                .withQueryParam("apiKey", equalTo(KEY)).willReturn(okJson(AAPL_REFERENCE)));
    }

    private Path config(String name) {
        return new Fixtures(dir).file("config.json", """
                {"tickers": ["AAPL"], "start_date": "2024-01-02", "end_date": "2024-01-31",
                 "provider": {"name": "%s", "api_key": "%s", "base_url": "http://127.0.0.1:%d"}}
                """.formatted(name, KEY, massive.getPort()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"massive", "polygon"})
    void check_succeeds_under_either_name(String name) {
        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "check", "--config", config(name).toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.ofType("CONNECTION_STATUS")).singleElement().satisfies(status ->
                assertThat(status.get("connectionStatus").get("status").asText()).isEqualTo("SUCCEEDED"));
        massive.verify(getRequestedFor(urlPathEqualTo("/v3/reference/tickers/AAPL")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"massive", "polygon"})
    void a_read_emits_the_same_bars_under_either_name_with_the_name_configured(String name) {
        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "read", "--config", config(name).toString(),
                "--catalog", new Fixtures(dir).catalog("incremental").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).anySatisfy(line -> assertThat(line).contains(
                "{\"symbol\":\"AAPL\",\"date\":\"2024-01-02\",\"open\":187.15,\"high\":188.44,\"low\":183.885,"
                        + "\"close\":185.64,\"volume\":82488674,\"adjusted_close\":null,\"provider\":\"" + name
                        + "\"}"));
        assertThat(run.lines()).anySatisfy(line -> assertThat(line).contains(
                "{\"symbol\":\"AAPL\",\"date\":\"2024-01-03\",\"open\":184.22,\"high\":185.88,\"low\":183.43,"
                        + "\"close\":184.25,\"volume\":58414460,\"adjusted_close\":null,\"provider\":\"" + name
                        + "\"}"));
        assertThat(String.join("\n", run.lines()) + run.stderr()).doesNotContain(KEY);
    }

    @Test
    void an_iex_config_without_base_url_is_a_config_error_naming_the_field() {
        Path config = new Fixtures(dir).file("config.json", """
                {"tickers": ["AAPL"], "start_date": "2024-01-02",
                 "provider": {"name": "iex", "api_key": "sk_SECRET_12345"}}
                """);

        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "read", "--config", config.toString(),
                "--catalog", new Fixtures(dir).catalog("incremental").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).singleElement().satisfies(error -> {
            assertThat(error.get("failure_type").asText()).isEqualTo("config_error");
            assertThat(error.get("message").asText()).contains("provider.base_url", "IEX Cloud closed in 2024");
        });
    }
}
