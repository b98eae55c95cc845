package org.stockticker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadCommandTest {

    @TempDir
    Path dir;

    private Fixtures fixtures() {
        return new Fixtures(dir);
    }

    private ConnectorRun read(String syncMode, String stateJson) {
        Fixtures fixtures = fixtures();
        if (stateJson == null) {
            return ConnectorRun.of(Fixtures.CLOCK, "read", "--config", fixtures.csvConfig().toString(),
                    "--catalog", fixtures.catalog(syncMode).toString());
        }
        return ConnectorRun.of(Fixtures.CLOCK, "read", "--config", fixtures.csvConfig().toString(),
                "--catalog", fixtures.catalog(syncMode).toString(),
                "--state", fixtures.file("state.json", stateJson).toString());
    }

    @Test
    void an_unknown_property_is_a_warning_in_read_but_not_in_discover() {
        Fixtures fixtures = fixtures();
        Path config = fixtures.file("config.json", """
                {"tickers": ["AAA"], "start_date": "2024-01-01", "end_date": "2024-01-31", "lookback": 3,
                 "provider": {"name": "csv", "path": "%s"}}
                """.formatted(fixtures.dataDir().toString().replace("\\", "\\\\")));

        ConnectorRun read = ConnectorRun.of(Fixtures.CLOCK, "read", "--config", config.toString(),
                "--catalog", fixtures.catalog("full_refresh").toString());
        ConnectorRun discover = ConnectorRun.of(Fixtures.CLOCK, "discover", "--config", config.toString());

        assertThat(read.exitCode()).isZero();
        assertThat(read.records()).hasSize(Fixtures.AAA_ROWS);
        assertThat(read.logs("WARN"))
                .containsExactly("Unknown config property lookback is ignored: did you mean lookback_days?");
        assertThat(discover.exitCode()).isZero();
        assertThat(discover.logs("WARN")).isEmpty();
    }

    @Test
    void a_full_refresh_emits_every_bar_with_the_providers_exact_decimals() {
        ConnectorRun run = read("full_refresh", null);

        assertThat(run.exitCode()).isZero();
        assertThat(run.records()).hasSize(Fixtures.AAA_ROWS + Fixtures.BBB_ROWS);
        assertThat(run.lines()).anySatisfy(line -> assertThat(line).contains(
                "\"data\":{\"symbol\":\"AAA\",\"date\":\"2024-01-04\",\"open\":182.1500,\"high\":183.0872,"
                        + "\"low\":180.8800,\"close\":181.9100,\"volume\":71983600,\"adjusted_close\":181.2100,"
                        + "\"provider\":\"csv\"}"));
        assertThat(run.lines()).anySatisfy(line -> assertThat(line).contains(
                "{\"symbol\":\"BBB\",\"date\":\"2024-01-05\",\"open\":null,\"high\":10.5,\"low\":9.75,\"close\":10.1,"
                        + "\"volume\":1200,\"adjusted_close\":null,\"provider\":\"csv\"}"));
    }

    @Test
    void records_conform_strictly_to_the_discovered_schema() {
        ConnectorRun discover = ConnectorRun.of(Fixtures.CLOCK, "discover", "--config", fixtures().csvConfig().toString());
        JsonNode schema = discover.ofType("CATALOG").findFirst().orElseThrow()
                .get("catalog").get("streams").get(0).get("json_schema");

        ConnectorRun run = read("full_refresh", null);

        assertThat(run.records()).isNotEmpty();
        ProtocolMessages.assertRecordsConform(run.messages(), schema);
    }

    @Test
    void each_symbols_records_come_in_ascending_date_order() {
        List<String> bbbDates = read("full_refresh", null).records().stream()
                .map(r -> r.get("data"))
                .filter(d -> d.get("symbol").asText().equals("BBB"))
                .map(d -> d.get("date").asText()).toList();

        assertThat(bbbDates).containsExactly("2024-01-03", "2024-01-04", "2024-01-05");
    }

    @Test
    void a_read_reports_its_stream_status_estimate_and_a_state_after_each_symbol() {
        ConnectorRun run = read("full_refresh", null);

        assertThat(run.streamStatuses()).containsExactly("STARTED", "RUNNING", "COMPLETE");
        assertThat(run.traces("ESTIMATE")).singleElement().satisfies(trace -> {
            assertThat(trace.get("estimate").get("type").asText()).isEqualTo("STREAM");
            assertThat(trace.get("estimate").get("row_estimate").asLong()).isPositive();
        });
        assertThat(run.states()).hasSize(2);
        assertThat(run.states()).allSatisfy(state -> {
            assertThat(state.get("type").asText()).isEqualTo("STREAM");
            assertThat(state.get("stream").get("stream_descriptor").get("name").asText()).isEqualTo("stock_prices");
        });
        double counted = run.states().stream().mapToDouble(s -> s.get("sourceStats").get("recordCount").asDouble()).sum();
        assertThat(counted).isEqualTo(run.records().size());
        assertThat(run.lastState().get("stream").get("stream_state").get("states").toString()).isEqualTo(
                "[{\"partition\":{\"symbol\":\"AAA\"},\"cursor\":{\"date\":\"2024-01-08\"}},"
                        + "{\"partition\":{\"symbol\":\"BBB\"},\"cursor\":{\"date\":\"2024-01-05\"}}]");
    }

    @Test
    void the_running_status_comes_before_the_first_record() {
        ConnectorRun run = read("full_refresh", null);
        int running = -1;
        int firstRecord = -1;
        for (int i = 0; i < run.messages().size(); i++) {
            JsonNode message = run.messages().get(i);
            if (running < 0 && message.toString().contains("\"status\":\"RUNNING\"")) {
                running = i;
            }
            if (firstRecord < 0 && message.get("type").asText().equals("RECORD")) {
                firstRecord = i;
            }
        }
        assertThat(running).isNotNegative().isLessThan(firstRecord);
    }

    @Test
    void two_sequential_full_refreshes_give_the_same_records() {
        assertThat(read("full_refresh", null).recordData()).isEqualTo(read("full_refresh", null).recordData());
    }

    @Test
    void an_incremental_read_after_a_complete_one_gives_no_records_and_still_a_state() {
        ConnectorRun first = read("incremental", null);
        String state = "[" + first.lastState() + "]";

        ConnectorRun second = read("incremental", state);

        assertThat(first.records()).hasSize(Fixtures.AAA_ROWS + Fixtures.BBB_ROWS);
        assertThat(second.exitCode()).isZero();
        assertThat(second.records()).isEmpty();
        assertThat(second.states()).isNotEmpty();
        assertThat(second.lastState().get("stream").get("stream_state"))
                .isEqualTo(first.lastState().get("stream").get("stream_state"));
    }

    @Test
    void a_full_refresh_emits_a_state_too_and_ignores_the_given_state() {
        ConnectorRun run = read("full_refresh", "{\"stock_prices\": {\"date\": \"2024-01-04\"}}");

        assertThat(run.records()).hasSize(Fixtures.AAA_ROWS + Fixtures.BBB_ROWS);
        assertThat(run.states()).isNotEmpty();
    }

    @Test
    void a_state_far_in_the_future_gives_zero_records_and_keeps_its_cursors() {
        ConnectorRun run = read("incremental", "{\"stock_prices\": {\"date\": \"2999-12-31\"}}");

        assertThat(run.exitCode()).isZero();
        assertThat(run.records()).isEmpty();
        assertThat(run.lastState().toString()).contains("2999-12-31");
    }

    @Test
    void the_original_tutorials_state_is_honoured() {
        ConnectorRun run = read("incremental", "{\"stock_prices\": {\"date\": \"2024-01-04\"}}");

        assertThat(run.records()).extracting(r -> r.get("data").get("date").asText())
                .containsExactlyInAnyOrder("2024-01-05", "2024-01-08", "2024-01-05");
    }

    @Test
    void a_legacy_state_message_alone_or_in_an_array_is_honoured() {
        String legacy = "{\"type\": \"LEGACY\", \"data\": {\"stock_prices\": {\"date\": \"2024-01-05\"}}}";

        assertThat(read("incremental", legacy).records()).hasSize(1);
        assertThat(read("incremental", "[" + legacy + "]").records()).hasSize(1);
    }

    @Test
    void the_platforms_per_symbol_state_sets_each_cursor_and_other_streams_are_ignored_with_a_warning() {
        String state = """
                [{"type": "STREAM", "stream": {"stream_descriptor": {"name": "stock_prices"},
                  "stream_state": {"states": [{"partition": {"symbol": "AAA"}, "cursor": {"date": "2024-01-05"}}]}}},
                 {"type": "STREAM", "stream": {"stream_descriptor": {"name": "news"}, "stream_state": {}}}]
                """;

        ConnectorRun run = read("incremental", state);

        assertThat(run.records()).extracting(r -> r.get("data").get("symbol").asText() + " " + r.get("data").get("date").asText())
                .containsExactly("AAA 2024-01-08", "BBB 2024-01-03", "BBB 2024-01-04", "BBB 2024-01-05");
        assertThat(run.ofType("LOG")).anySatisfy(log -> assertThat(log.get("log").get("message").asText()).contains("news"));
    }

    @Test
    void lookback_days_re_reads_days_before_the_cursor() throws IOException {
        Fixtures fixtures = fixtures();
        Path config = fixtures.csvConfig();
        Files.writeString(config, Files.readString(config).replace("\"start_date\"", "\"lookback_days\": 4, \"start_date\""));
        Path state = fixtures.file("state.json", "{\"stock_prices\": {\"date\": \"2024-01-08\"}}");

        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "read", "--config", config.toString(),
                "--catalog", fixtures.catalog("incremental").toString(), "--state", state.toString());

        assertThat(run.records()).extracting(r -> r.get("data").get("symbol").asText() + " " + r.get("data").get("date").asText())
                .containsExactly("AAA 2024-01-05", "AAA 2024-01-08", "BBB 2024-01-05");
        assertThat(run.lastState().toString()).contains("2024-01-08").doesNotContain("2024-01-05");
    }

    @Test
    void a_dividend_seen_by_an_incremental_read_re_reads_the_symbols_whole_history() throws IOException {
        Fixtures fixtures = fixtures();
        Path config = fixtures.csvConfig();
        Path catalog = fixtures.catalog("incremental");
        ConnectorRun first = ConnectorRun.of(Fixtures.CLOCK, "read", "--config", config.toString(), "--catalog", catalog.toString());
        Path state = fixtures.file("state.json", "[" + first.lastState() + "]");
        // A dividend after 2024-01-08: the provider restates every earlier adjusted close, and adds a day.
        Path aaa = dir.resolve("data").resolve("AAA.csv");
        Files.writeString(aaa, Fixtures.AAA_CSV.replace(",184.9300,", ",183.0800,").replace(",183.5400,", ",181.7000,")
                .replace(",181.2100,", ",179.4000,").replace(",180.4800,", ",178.6800,").replace(",184.8500,", ",183.0000,")
                + "2024-01-09,183.9200,185.1500,182.7300,185.1400,185.1400,42841800\n");

        ConnectorRun second = ConnectorRun.of(Fixtures.CLOCK, "read", "--config", config.toString(),
                "--catalog", catalog.toString(), "--state", state.toString());

        assertThat(second.exitCode()).isZero();
        assertThat(second.records()).extracting(r -> r.get("data").get("symbol").asText() + " " + r.get("data").get("date").asText())
                .containsExactly("AAA 2024-01-09", "AAA 2024-01-02", "AAA 2024-01-03", "AAA 2024-01-04",
                        "AAA 2024-01-05", "AAA 2024-01-08", "AAA 2024-01-09");
        assertThat(second.lines()).anySatisfy(line -> assertThat(line).contains("\"date\":\"2024-01-02\"", "\"adjusted_close\":183.0800"));
        assertThat(second.ofType("LOG")).anySatisfy(log -> assertThat(log.get("log").get("message").asText())
                .contains("AAA", "whole history"));
    }

    @Test
    void an_unknown_stream_is_a_config_error_trace() {
        Path catalog = fixtures().file("catalog.json", Fixtures.catalogJson("stock_news", "full_refresh"));

        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "read", "--config", fixtures().csvConfig().toString(),
                "--catalog", catalog.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.records()).isEmpty();
        assertThat(run.errors()).singleElement().satisfies(error -> {
            assertThat(error.get("failure_type").asText()).isEqualTo("config_error");
            assertThat(error.get("message").asText()).contains("stock_news");
        });
    }

    @Test
    void an_unknown_sync_mode_is_a_config_error_trace() {
        Path catalog = fixtures().file("catalog.json", Fixtures.catalogJson("stock_prices", "sometimes"));

        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "read", "--config", fixtures().csvConfig().toString(),
                "--catalog", catalog.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).singleElement().satisfies(error -> {
            assertThat(error.get("failure_type").asText()).isEqualTo("config_error");
            assertThat(error.get("message").asText()).contains("sync_mode");
        });
    }

    @Test
    void a_malformed_state_is_a_config_error_without_a_stack_trace_in_the_message() {
        ConnectorRun run = read("incremental", "{\"stock_prices\": {\"date\": \"yesterday\"}}");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.records()).isEmpty();
        assertThat(run.errors()).singleElement().satisfies(error -> {
            assertThat(error.get("failure_type").asText()).isEqualTo("config_error");
            assertThat(error.get("message").asText()).contains("yesterday").doesNotContain("\tat ");
        });
    }

    @Test
    void an_unknown_ticker_does_not_stop_the_others_and_ends_in_a_config_error_naming_it() {
        Fixtures fixtures = fixtures();
        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "read",
                "--config", fixtures.csvConfig("[\"ZZZZ\", \"AAA\", \"BBB\"]").toString(),
                "--catalog", fixtures.catalog("incremental").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.records()).hasSize(Fixtures.AAA_ROWS + Fixtures.BBB_ROWS);
        assertThat(run.lastState().toString()).contains("AAA", "BBB").doesNotContain("ZZZZ");
        assertThat(run.streamStatuses()).last().isEqualTo("INCOMPLETE");
        assertThat(run.errors()).singleElement().satisfies(error -> {
            assertThat(error.get("failure_type").asText()).isEqualTo("config_error");
            assertThat(error.get("message").asText()).contains("ZZZZ");
        });
    }

    @Test
    void the_bundled_sample_config_syncs_every_sample_ticker() throws IOException {
        Path examples = Path.of("../..", "examples").toAbsolutePath().normalize();
        Path config = fixtures().file("sample-config.json", Files.readString(examples.resolve("config.json"))
                .replace("\"examples/data\"", "\"" + examples.resolve("data").toString().replace("\\", "\\\\") + "\""));

        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "read", "--config", config.toString(),
                "--catalog", examples.resolve("configured_catalog.json").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.records()).extracting(r -> r.get("data").get("symbol").asText())
                .contains("AAPL", "MSFT", "IBM", "BRK.B");
        assertThat(run.records().size()).isGreaterThan(4 * 1000);
    }
}
