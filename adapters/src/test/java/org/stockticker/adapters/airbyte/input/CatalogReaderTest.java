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

    private static JsonNode json(String singleQuoted) {
        try {
            return AirbyteJson.mapper().readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("test catalog is not JSON: " + singleQuoted, e);
        }
    }
}
