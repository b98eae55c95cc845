package org.stockticker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void a_working_csv_config_succeeds() {
        ConnectorRun run = check(new Fixtures(dir).csvConfig());

        assertThat(run.exitCode()).isZero();
        assertThat(status(run).get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void a_config_that_breaks_the_spec_fails_naming_the_field_and_still_exits_zero() {
        Path config = new Fixtures(dir).file("config.json", """
                {"start_date": "2024-01-01", "provider": {"name": "csv", "path": "."}}
                """);

        ConnectorRun run = check(config);

        assertThat(run.exitCode()).isZero();
        assertThat(status(run).get("status").asText()).isEqualTo("FAILED");
        assertThat(status(run).get("message").asText()).contains("tickers");
    }

    @Test
    void an_impossible_date_fails_naming_start_date() {
        Path config = new Fixtures(dir).file("config.json", """
                {"tickers": ["AAA"], "start_date": "2023-02-30", "provider": {"name": "csv", "path": "."}}
                """);

        assertThat(status(check(config)).get("message").asText()).contains("start_date", "2023-02-30");
    }

    @Test
    void an_unknown_ticker_fails_naming_it() {
        ConnectorRun run = check(new Fixtures(dir).csvConfig("[\"AAA\", \"ZZZZ\"]"));

        assertThat(status(run).get("status").asText()).isEqualTo("FAILED");
        assertThat(status(run).get("message").asText()).contains("ZZZZ");
    }

    @Test
    void an_unknown_provider_fails_listing_the_known_ones() {
        Path config = new Fixtures(dir).file("config.json", """
                {"tickers": ["AAA"], "start_date": "2024-01-01", "provider": {"name": "bloomberg"}}
                """);

        assertThat(status(check(config)).get("message").asText()).contains("provider.name", "bloomberg", "csv", "iex");
    }

    @Test
    void a_csv_directory_that_does_not_exist_fails_naming_provider_path() {
        Path config = new Fixtures(dir).file("config.json", """
                {"tickers": ["AAA"], "start_date": "2024-01-01", "provider": {"name": "csv", "path": "/no/such/dir"}}
                """);

        assertThat(status(check(config)).get("message").asText()).contains("provider.path");
    }

    @Test
    void a_misspelt_optional_field_is_a_warning_naming_the_closest_known_name_and_one_status_still() {
        Fixtures fixtures = new Fixtures(dir);
        Path config = fixtures.file("config.json", """
                {"tickers": ["AAA"], "start_date": "2024-01-01", "end_dte": "2024-01-31",
                 "provider": {"name": "csv", "path": "%s", "pth": "elsewhere"}}
                """.formatted(fixtures.dataDir().toString().replace("\\", "\\\\")));

        ConnectorRun run = check(config);

        assertThat(run.exitCode()).isZero();
        assertThat(status(run).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.logs("WARN")).containsExactly(
                "Unknown config property end_dte is ignored: did you mean end_date?",
                "Unknown config property provider.pth is ignored: did you mean provider.path?");
    }

    @Test
    void a_config_of_known_properties_gives_no_warning() {
        assertThat(check(new Fixtures(dir).csvConfig()).logs("WARN")).isEmpty();
    }

    private static ConnectorRun check(Path config) {
        return ConnectorRun.of(Fixtures.CLOCK, "check", "--config", config.toString());
    }

    private static JsonNode status(ConnectorRun run) {
        assertThat(run.ofType("CONNECTION_STATUS")).hasSize(1);
        return run.ofType("CONNECTION_STATUS").findFirst().orElseThrow().get("connectionStatus");
    }
}
