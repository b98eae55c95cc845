package org.stockticker.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged connector stopped from outside: by a signal in the middle of a symbol (a platform cancelling the
 * sync, a person pressing Ctrl-C), or by its reader going away. Every line stays whole, what was emitted is
 * checkpointed, and the process ends promptly without spending more of the provider's quota.
 */
class StopsCleanlyIT {

    private static final List<String> SYMBOLS = IexStubData.symbols(12);
    private static final IexStubData DATA = new IexStubData(LocalDate.of(2021, 1, 4), LocalDate.of(2022, 12, 30));
    private static final int ANSWER_DELAY_MILLIS = 400;

    @TempDir
    Path dir;

    @RegisterExtension
    final WireMockExtension iex = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    private Path config;
    private Path catalog;

    @BeforeEach
    void stub() throws Exception {
        for (String symbol : SYMBOLS) {
            iex.stubFor(get(urlPathMatching("/stable/stock/" + symbol + "/chart/.*"))
                    .willReturn(okJson(DATA.chart(symbol)).withFixedDelay(ANSWER_DELAY_MILLIS)));
        }
        Fixtures files = new Fixtures(dir);
        config = files.file("config.json", DATA.config(SYMBOLS, "http://127.0.0.1:" + iex.getPort() + "/stable"));
        catalog = files.catalog("incremental");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void a_signal_mid_symbol_ends_with_a_state_covering_every_record_and_incomplete(String signal) throws Exception {
        ConnectorProcess.Output stopped;
        try (ConnectorProcess read = ConnectorProcess.start("read", "--config", config.toString(),
                "--catalog", catalog.toString())) {
            int[] states = {0};
            assertThat(read.readUntil(line -> (states[0] += ConnectorProcess.isType(line, "STATE") ? 1 : 0) == 2))
                    .as("two checkpoints came before the read ended").isNotNull();
            long sent = System.nanoTime();
            stopped = read.signal(signal, Duration.ofSeconds(30));
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).as("time from the signal to the exit")
                    .isLessThan(Duration.ofSeconds(10));
        }

        List<JsonNode> messages = stopped.messages();
        assertThat(stopped.tail()).as("an unterminated line").isEmpty();
        assertThat(stopped.exitCode()).as("exit status after SIG%s", signal).isNotZero();
        StreamStates.assertEachCoversExactlyTheRecordsBeforeIt(messages, Map.of());
        List<String> ending = messages.subList(Math.max(0, messages.size() - 3), messages.size()).stream()
                .map(StopsCleanlyIT::kind).toList();
        assertThat(ending).containsExactly("STATE", "INCOMPLETE", "ERROR transient_error");
        assertThat(messages.stream().map(StopsCleanlyIT::kind)).doesNotContain("COMPLETE");
    }

    @Test
    void a_reader_that_goes_away_stops_the_read_at_once_with_no_further_requests() throws Exception {
        Path exit = dir.resolve("exit");
        String pipeline = "java -jar " + quoted(Path.of(System.getProperty("connector.jar",
                "target/source-stock-ticker.jar")).toAbsolutePath()) + " read --config " + quoted(config)
                + " --catalog " + quoted(catalog) + " | head -n 1 > /dev/null; echo ${PIPESTATUS[0]} > " + quoted(exit);
        long started = System.nanoTime();
        Process process = new ProcessBuilder("bash", "-c", pipeline).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the pipeline ended").isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(Files.readString(exit, StandardCharsets.UTF_8).strip()).as("the connector's exit status")
                .isNotEqualTo("0");
        assertThat(took).as("time to notice the reader left").isLessThan(Duration.ofSeconds(20));
        int requests = iex.findAll(getRequestedFor(urlPathMatching("/stable/stock/.*"))).size();
        assertThat(requests).as("provider requests after the reader left, of %d symbols", SYMBOLS.size())
                .isLessThanOrEqualTo(3);
    }

    private static String kind(JsonNode message) {
        String type = message.get("type").asText();
        if (!type.equals("TRACE")) {
            return type;
        }
        JsonNode trace = message.get("trace");
        return switch (trace.get("type").asText()) {
            case "STREAM_STATUS" -> trace.get("stream_status").get("status").asText();
            case "ERROR" -> "ERROR " + trace.get("error").get("failure_type").asText();
            default -> trace.get("type").asText();
        };
    }

    private static String quoted(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }
}
