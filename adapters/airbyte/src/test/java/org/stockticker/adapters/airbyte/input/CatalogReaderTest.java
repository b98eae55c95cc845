package org.stockticker.adapters.airbyte.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stockticker.adapters.airbyte.AirbyteJson;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.domain.ConfiguredCatalog;
import org.stockticker.domain.ConfiguredStream;
import org.stockticker.domain.SyncMode;

class CatalogReaderTest {

    private static final String PRICES = stream("stock_prices", "incremental");

    private final CatalogReader reader = new CatalogReader();

    @TempDir
    Path tmp;

    @Test
    void reads_streams_in_both_sync_modes() {
        ConfiguredCatalog catalog = reader.parse(json(
                "{'streams': [" + PRICES + ", " + stream("dividends", "full_refresh") + "]}"));

        assertThat(catalog.streams()).containsExactly(
                new ConfiguredStream("stock_prices", SyncMode.INCREMENTAL),
                new ConfiguredStream("dividends", SyncMode.FULL_REFRESH));
    }

    @Test
    void reads_a_catalog_file_with_unknown_extra_properties() throws IOException {
        Path file = Files.writeString(tmp.resolve("catalog.json"), """
                {"streams": [{"stream": {"name": "stock_prices", "json_schema": {}, "supported_sync_modes": ["full_refresh"],
                              "x_note": 1},
                              "sync_mode": "full_refresh", "destination_sync_mode": "overwrite",
                              "cursor_field": ["date"], "primary_key": [["symbol"], ["date"]], "generation_id": 3}],
                 "x_other": true}
                """);

        assertThat(reader.read(file).streams())
                .containsExactly(new ConfiguredStream("stock_prices", SyncMode.FULL_REFRESH));
    }

    /**
     * A configured catalog as Airbyte's Connector Acceptance Test 3.x writes it ({@code catalog.json()} of the
     * protocol's Python models): every optional field present, {@code null} where absent, with the fields of newer
     * protocol versions; the discovered stream's schema travels as it is, here with a null annotation.
     */
    private static final String AS_CAT_WRITES_IT = """
            {"streams": [
              {"stream": {"name": "stock_prices",
                          "json_schema": {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
                                          "additionalProperties": true, "description": null,
                                          "properties": {"symbol": {"type": "string", "description": null},
                                                         "date": {"type": "string", "format": "date"}}},
                          "supported_sync_modes": ["full_refresh", "incremental"],
                          "source_defined_cursor": true, "default_cursor_field": ["date"],
                          "source_defined_primary_key": [["symbol"], ["date"]],
                          "namespace": null, "is_resumable": true, "is_file_based": null},
               "sync_mode": "incremental", "cursor_field": ["date"], "destination_sync_mode": "append",
               "destination_object_name": null, "primary_key": [["symbol"], ["date"]],
               "generation_id": null, "minimum_generation_id": null, "sync_id": null, "include_files": null},
              {"stream": {"name": "tickers", "json_schema": {"type": "object", "properties": {}},
                          "supported_sync_modes": ["full_refresh"],
                          "source_defined_cursor": null, "default_cursor_field": null,
                          "source_defined_primary_key": [["symbol"]],
                          "namespace": null, "is_resumable": null, "is_file_based": false},
               "sync_mode": "full_refresh", "cursor_field": null, "destination_sync_mode": "overwrite",
               "destination_object_name": null, "primary_key": null,
               "generation_id": 7, "minimum_generation_id": 0, "sync_id": 1234, "include_files": false}
            ]}
            """;

    @Test
    void reads_a_catalog_as_the_acceptance_tests_write_it_with_nulls_and_newer_fields() throws IOException {
        Path file = Files.writeString(tmp.resolve("catalog.json"), AS_CAT_WRITES_IT);

        assertThat(reader.read(file).streams()).containsExactly(
                new ConfiguredStream("stock_prices", SyncMode.INCREMENTAL),
                new ConfiguredStream("tickers", SyncMode.FULL_REFRESH));
    }

    static Stream<Arguments> required_fields_given_as_null() {
        return Stream.of(
                arguments("streams", "\"streams\": [", "\"streams\": null, \"was\": ["),
                arguments("streams[0].stream.name", "\"name\": \"stock_prices\"", "\"name\": null"),
                arguments("streams[0].sync_mode", "\"sync_mode\": \"incremental\"", "\"sync_mode\": null"),
                arguments("streams[1].destination_sync_mode", "\"destination_sync_mode\": \"overwrite\"",
                        "\"destination_sync_mode\": null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void required_fields_given_as_null(String field, String written, String asNull) {
        assertThat(AS_CAT_WRITES_IT).contains(written);

        assertThatThrownBy(() -> reader.parse(jsonText(AS_CAT_WRITES_IT.replace(written, asNull))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Invalid catalog: ")
                .hasMessageContaining(field + " is required");
    }

    @Test
    void a_null_inside_a_list_is_not_taken_for_an_absent_field() {
        String catalog = AS_CAT_WRITES_IT.replace("\"cursor_field\": [\"date\"]", "\"cursor_field\": [null]");

        assertThatThrownBy(() -> reader.parse(jsonText(catalog)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("streams[0].cursor_field[0]");
    }

    @Test
    void reads_an_empty_list_of_streams() {
        assertThat(reader.parse(json("{'streams': []}")).streams()).isEmpty();
    }

    static Stream<Arguments> bad_catalogs() {
        return Stream.of(
                arguments("no streams", "{'stream': []}", "streams"),
                arguments("a stream without sync_mode",
                        "{'streams': [" + PRICES.replace("'sync_mode': 'incremental', ", "") + "]}", "sync_mode"),
                arguments("an unknown sync_mode",
                        "{'streams': [" + stream("stock_prices", "sometimes") + "]}", "sync_mode"),
                arguments("streams not an array", "{'streams': {'stock_prices': 'incremental'}}", "streams"),
                arguments("a stream configured twice",
                        "{'streams': [" + PRICES + ", " + stream("stock_prices", "full_refresh") + "]}",
                        "stock_prices is configured more than once"),
                arguments("a JSON array", "[" + PRICES + "]", "must be a JSON object"),
                arguments("a JSON string", "'stock_prices'", "must be a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void bad_catalogs(String problem, String catalog, String named) {
        assertThatThrownBy(() -> reader.parse(json(catalog)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Invalid catalog: ")
                .hasMessageContaining(named);
    }

    @Test
    void a_missing_catalog_file_names_the_option() {
        Path missing = tmp.resolve("catalog.json");

        assertThatThrownBy(() -> reader.read(missing))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--catalog")
                .hasMessageContaining(missing.toString());
    }

    private static String stream(String name, String syncMode) {
        return "{'stream': {'name': '" + name + "', 'json_schema': {'type': 'object'},"
                + " 'supported_sync_modes': ['full_refresh', 'incremental']},"
                + " 'sync_mode': '" + syncMode + "', 'destination_sync_mode': 'append'}";
    }

    private static JsonNode jsonText(String text) {
        try {
            return AirbyteJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("test catalog is not JSON: " + text, e);
        }
    }

    private static JsonNode json(String singleQuoted) {
        try {
            return AirbyteJson.mapper().readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("test catalog is not JSON: " + singleQuoted, e);
        }
    }
}
