package org.stockticker.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.stockticker.adapters.airbyte.AirbyteJson;

/**
 * A sync killed with SIGKILL in the middle, as an orchestrator that loses its pod kills it, resumes from the last
 * STATE it emitted with no gap: the two runs together hold every record, and the second repeats none that the
 * state already covers.
 */
class ResumeAfterKillIT {

    private static final List<String> SYMBOLS = IexStubData.symbols(12);
    private static final IexStubData DATA = new IexStubData(LocalDate.of(2021, 1, 4), LocalDate.of(2022, 12, 30));
    private static final int STATES_BEFORE_THE_KILL = 4;
    /** Slow enough that the kill lands while most symbols are still to come. */
    private static final int ANSWER_DELAY_MILLIS = 400;

    @TempDir
    Path dir;

    @RegisterExtension
    final WireMockExtension iex = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @BeforeEach
    void stub() {
        for (String symbol : SYMBOLS) {
            iex.stubFor(get(urlPathMatching("/stable/stock/" + symbol + "/chart/.*"))
                    .willReturn(okJson(DATA.chart(symbol)).withFixedDelay(ANSWER_DELAY_MILLIS)));
        }
    }


    @Test
    void a_sync_killed_after_a_checkpoint_resumes_from_it_without_gap_or_repeat() throws Exception {
        killAndResume(STATES_BEFORE_THE_KILL, 0);
    }

    @Test
    void a_sync_killed_between_checkpoints_in_the_middle_of_a_symbol_resumes_from_its_last_checkpoint()
            throws Exception {
        // The records of the fifth symbol fill the output buffer, so the kill lands amid records past the checkpoint,
        // possibly in the middle of a line.
        killAndResume(STATES_BEFORE_THE_KILL, 1);
    }

    /** Kills the first run at the first line after {@code records} records that follow its {@code states}th STATE. */
    private void killAndResume(int states, int records) throws Exception {
        Fixtures files = new Fixtures(dir);
        Path config = files.file("config.json", DATA.config(SYMBOLS, "http://127.0.0.1:" + iex.getPort() + "/stable"));
        Path catalog = files.catalog("incremental");
        Set<IexStubData.Key> expected = DATA.expectedKeys(SYMBOLS);

        ConnectorProcess.Output killed;
        try (ConnectorProcess first = ConnectorProcess.start("read", "--config", config.toString(),
                "--catalog", catalog.toString())) {
            int[] seen = {0, 0};
            String last = first.readUntil(line -> {
                if (seen[0] < states) {
                    seen[0] += ConnectorProcess.isType(line, "STATE") ? 1 : 0;
                    return seen[0] == states && records == 0;
                }
                seen[1] += ConnectorProcess.isType(line, "RECORD") ? 1 : 0;
                return seen[1] == records;
            });
            assertThat(last).as("the kill point (%d STATEs, then %d records) came before the read ended", states,
                    records).isNotNull();
            killed = first.kill();
        }
        List<JsonNode> firstMessages = killed.messages();
        List<IexStubData.Key> firstKeys = keys(firstMessages);
        assertThat(killed.exitCode()).as("exit status of a SIGKILLed process").isNotZero();
        assertThat(firstKeys).as("records before the kill").isNotEmpty().hasSizeLessThan(expected.size());
        assertThat(statuses(firstMessages)).doesNotContain("COMPLETE", "INCOMPLETE");
        StreamStates.assertEachCoversExactlyTheRecordsBeforeIt(firstMessages, Map.of());

        JsonNode lastState = firstMessages.stream().filter(m -> m.get("type").asText().equals("STATE"))
                .reduce((a, b) -> b).orElseThrow().get("state");
        Map<String, LocalDate> resumedFrom = StreamStates.cursors(lastState);
        assertThat(resumedFrom).as("cursors of the last STATE before the kill").hasSizeGreaterThanOrEqualTo(states);
        Path state = files.file("state.json", AirbyteJson.mapper().writeValueAsString(List.of(lastState)));

        ConnectorProcess.Output resumed = ConnectorProcess.run(Duration.ofMinutes(2), "read", "--config",
                config.toString(), "--catalog", catalog.toString(), "--state", state.toString());

        List<JsonNode> secondMessages = resumed.messages();
        List<IexStubData.Key> secondKeys = keys(secondMessages);
        assertThat(resumed.tail()).as("unterminated output of the second run").isEmpty();
        assertThat(resumed.exitCode()).as("exit status; stderr: %s", resumed.stderr()).isZero();
        assertThat(statuses(secondMessages)).last().isEqualTo("COMPLETE");
        assertThat(secondKeys).as("records the resumed run repeats although its state covers them")
                .noneMatch(key -> resumedFrom.containsKey(key.symbol())
                        && !key.date().isAfter(resumedFrom.get(key.symbol())));
        assertThat(new HashSet<>(secondKeys)).as("no record twice within the resumed run").hasSameSizeAs(secondKeys);
        StreamStates.assertEachCoversExactlyTheRecordsBeforeIt(secondMessages, resumedFrom);

        Set<IexStubData.Key> union = new HashSet<>(firstKeys);
        union.addAll(secondKeys);
        assertThat(union).as("records of both runs together").isEqualTo(expected);
    }

    private static List<IexStubData.Key> keys(List<JsonNode> messages) {
        return messages.stream().filter(m -> m.get("type").asText().equals("RECORD"))
                .map(m -> IexStubData.Key.of(m.get("record").get("data"))).toList();
    }

    private static List<String> statuses(List<JsonNode> messages) {
        return messages.stream().filter(m -> m.get("type").asText().equals("TRACE"))
                .map(m -> m.get("trace")).filter(t -> t.get("type").asText().equals("STREAM_STATUS"))
                .map(t -> t.get("stream_status").get("status").asText()).toList();
    }
}
