package org.stockticker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoverCommandTest {

    @TempDir
    Path dir;

    @Test
    void answers_one_catalog_with_the_price_stream() {
        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "discover", "--config", new Fixtures(dir).csvConfig().toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.ofType("CATALOG")).hasSize(1);
        JsonNode stream = run.ofType("CATALOG").findFirst().orElseThrow().get("catalog").get("streams").get(0);
        assertThat(stream.get("name").asText()).isEqualTo("stock_prices");
        assertThat(stream.get("supported_sync_modes")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("full_refresh", "incremental");
        assertThat(stream.get("source_defined_cursor").asBoolean()).isTrue();
        assertThat(stream.get("default_cursor_field").toString()).isEqualTo("[\"date\"]");
        assertThat(stream.get("source_defined_primary_key").toString()).isEqualTo("[[\"symbol\"],[\"date\"]]");
        assertThat(stream.get("is_resumable").asBoolean()).isTrue();
    }

    @Test
    void the_stream_schema_declares_every_field_with_its_type() {
        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "discover", "--config", new Fixtures(dir).csvConfig().toString());
        JsonNode schema = run.ofType("CATALOG").findFirst().orElseThrow()
                .get("catalog").get("streams").get(0).get("json_schema");

        assertThat(schema.get("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");
        assertThat(schema.get("additionalProperties").asBoolean()).isTrue();
        JsonNode properties = schema.get("properties");
        assertThat(properties.get("symbol").get("type").asText()).isEqualTo("string");
        assertThat(properties.get("date").get("format").asText()).isEqualTo("date");
        assertThat(properties.get("close").get("type").asText()).isEqualTo("number");
        assertThat(properties.get("open").get("type").toString()).isEqualTo("[\"number\",\"null\"]");
        assertThat(properties.get("volume").get("type").toString()).isEqualTo("[\"integer\",\"null\"]");
        assertThat(properties.get("adjusted_close").get("type").toString()).isEqualTo("[\"number\",\"null\"]");
        assertThat(properties.get("provider").get("type").asText()).isEqualTo("string");
    }

    @Test
    void an_invalid_config_is_a_config_error_naming_the_field_and_exits_one() {
        Path config = new Fixtures(dir).file("config.json", """
                {"tickers": [], "start_date": "2024-01-01", "provider": {"name": "csv", "path": "."}}
                """);

        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "discover", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.ofType("CATALOG")).isEmpty();
        assertThat(run.errors()).singleElement().satisfies(error -> {
            assertThat(error.get("failure_type").asText()).isEqualTo("config_error");
            assertThat(error.get("message").asText()).contains("tickers");
        });
    }

    @Test
    void a_missing_config_file_is_a_config_error_naming_the_option() {
        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "discover", "--config", dir.resolve("nope.json").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).singleElement()
                .satisfies(error -> assertThat(error.get("message").asText()).contains("--config", "does not exist"));
    }
}
