package org.stockticker.adapters.airbyte.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stockticker.adapters.airbyte.AirbyteJson;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.SymbolCursor;
import org.stockticker.domain.SyncState;

class StateReaderTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final Symbol MSFT = new Symbol("MSFT");
    private static final Symbol IBM = new Symbol("IBM");

    private final StateReader reader = new StateReader(List.of("stock_prices"));

    /** The state the reader finds for {@code stock_prices}. */
    private StreamState parse(JsonNode state) {
        return reader.parse(state).of("stock_prices");
    }

    @TempDir
    Path tmp;

    @Test
    void reads_the_platforms_array_of_stream_states_with_a_cursor_per_symbol() {
        StreamState state = parse(json("""
                [{'type': 'STREAM', 'stream': {'stream_descriptor': {'name': 'stock_prices'},
                  'stream_state': {'states': [
                    {'partition': {'symbol': 'MSFT'}, 'cursor': {'date': '2024-03-27'}},
                    {'partition': {'symbol': 'aapl'}, 'cursor': {'date': '2024-03-28'}}]}},
                  'sourceStats': {'recordCount': 12.0}}]"""));

        assertThat(state.cursors()).containsExactly(
                new SymbolCursor(AAPL, LocalDate.of(2024, 3, 28)),
                new SymbolCursor(MSFT, LocalDate.of(2024, 3, 27)));
        assertThat(state.cursor(IBM)).isEmpty();
        assertThat(state.everySymbolCursor()).isEmpty();
    }

    @Test
    void reads_a_state_file() throws IOException {
        Path file = Files.writeString(tmp.resolve("state.json"), """
                [{"type":"STREAM","stream":{"stream_descriptor":{"name":"stock_prices"},
                  "stream_state":{"states":[{"partition":{"symbol":"IBM"},"cursor":{"date":"2024-01-05"}}]}}}]
                """);

        assertThat(reader.read(file).of("stock_prices").cursor(IBM)).hasValue(LocalDate.of(2024, 1, 5));
    }

    @Test
    void reads_back_the_whole_market_states_the_connector_writes() {
        assertThat(parse(json("""
                {'type': 'STREAM', 'stream': {'stream_descriptor': {'name': 'stock_prices'},
                  'stream_state': {'date': '2024-03-28', 'through_symbol': 'msft'}}}""")))
                .isEqualTo(StreamState.forEverySymbolThrough(LocalDate.of(2024, 3, 28), new Symbol("MSFT")));
        assertThat(parse(json("""
                {'type': 'STREAM', 'stream': {'stream_descriptor': {'name': 'stock_prices'},
                  'stream_state': {'date': '2024-03-28'}}}""")))
                .isEqualTo(StreamState.forEverySymbol(LocalDate.of(2024, 3, 28)));
    }

    @Test
    void a_through_symbol_that_is_no_symbol_is_a_config_error_naming_its_place() {
        assertThatThrownBy(() -> parse(json("""
                {'type': 'STREAM', 'stream': {'stream_descriptor': {'name': 'stock_prices'},
                  'stream_state': {'date': '2024-03-28', 'through_symbol': 'a b'}}}""")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("state.stream.stream_state.through_symbol");
    }

    @Test
    void an_empty_array_is_an_empty_state() {
        assertThat(parse(json("[]"))).isEqualTo(StreamState.empty());
    }

    @Test
    void a_legacy_message_alone_sets_one_cursor_for_every_symbol() {
        StreamState state = parse(json("{'type': 'LEGACY', 'data': {'stock_prices': {'date': '2024-01-05'}}}"));

        assertThat(state.everySymbolCursor()).hasValue(LocalDate.of(2024, 1, 5));
        assertThat(state.cursor(AAPL)).hasValue(LocalDate.of(2024, 1, 5));
        assertThat(state.cursor(IBM)).hasValue(LocalDate.of(2024, 1, 5));
    }

    @Test
    void a_legacy_message_inside_an_array_sets_one_cursor_for_every_symbol() {
        StreamState state = parse(json(
                "[{'type': 'LEGACY', 'data': {'stock_prices': {'date': '2024-01-05'}, 'other': {'x': 1}}}]"));

        assertThat(state).isEqualTo(StreamState.forEverySymbol(LocalDate.of(2024, 1, 5)));
    }

    @Test
    void the_tutorials_plain_object_sets_one_cursor_for_every_symbol() {
        StreamState state = parse(json("{'stock_prices': {'date': '2024-01-05'}}"));

        assertThat(state).isEqualTo(StreamState.forEverySymbol(LocalDate.of(2024, 1, 5)));
        assertThat(state.cursor(MSFT)).hasValue(LocalDate.of(2024, 1, 5));
    }

    @Test
    void a_stream_state_for_another_stream_is_ignored() {
        StreamState state = parse(json("""
                [{'type': 'STREAM', 'stream': {'stream_descriptor': {'name': 'dividends'},
                  'stream_state': {'states': [{'partition': {'symbol': 'AAPL'}, 'cursor': {'date': '2024-03-28'}}]}}}]"""));

        assertThat(state).isEqualTo(StreamState.empty());
    }

    @Test
    void a_state_for_another_stream_next_to_ours_keeps_ours() {
        StreamState state = parse(json("""
                [{'type': 'STREAM', 'stream': {'stream_descriptor': {'name': 'dividends'}, 'stream_state': {'date': 5}}},
                 {'type': 'STREAM', 'stream': {'stream_descriptor': {'name': 'stock_prices'},
                  'stream_state': {'states': [{'partition': {'symbol': 'AAPL'}, 'cursor': {'date': '2024-03-28'}}]}}}]"""));

        assertThat(state.cursors()).containsExactly(new SymbolCursor(AAPL, LocalDate.of(2024, 3, 28)));
    }

    @Test
    void an_empty_object_is_an_empty_state() {
        assertThat(parse(json("{}"))).isEqualTo(StreamState.empty());
    }

    @Test
    void a_null_stream_state_is_an_empty_state() {
        StreamState state = parse(json(
                "[{'type': 'STREAM', 'stream': {'stream_descriptor': {'name': 'stock_prices'}, 'stream_state': null}}]"));

        assertThat(state).isEqualTo(StreamState.empty());
    }

    static Stream<Arguments> bad_states() {
        return Stream.of(
                arguments("a date that is not a calendar date",
                        streamState("[{'partition': {'symbol': 'AAPL'}, 'cursor': {'date': '2024-13-01'}}]"),
                        "state[0].stream.stream_state.states[0].cursor.date"),
                arguments("a cursor that is a number",
                        streamState("[{'partition': {'symbol': 'AAPL'}, 'cursor': {'date': 20240105}}]"),
                        "state[0].stream.stream_state.states[0].cursor.date"),
                arguments("a tutorial date that is not a calendar date",
                        "{'stock_prices': {'date': '2024-13-01'}}", "state.stock_prices.date"),
                arguments("states that is not an array",
                        "[{'type': 'STREAM', 'stream': {'stream_descriptor': {'name': 'stock_prices'},"
                                + " 'stream_state': {'states': {'AAPL': '2024-01-05'}}}}]",
                        "state[0].stream.stream_state.states"),
                arguments("a symbol with a slash",
                        streamState("[{'partition': {'symbol': 'BRK/B'}, 'cursor': {'date': '2024-01-05'}}]"),
                        "state[0].stream.stream_state.states[0].partition.symbol"),
                arguments("a symbol twice",
                        streamState("[{'partition': {'symbol': 'AAPL'}, 'cursor': {'date': '2024-01-05'}},"
                                + " {'partition': {'symbol': 'aapl'}, 'cursor': {'date': '2024-01-06'}}]"),
                        "state[0].stream.stream_state.states"),
                arguments("a GLOBAL state", "[{'type': 'GLOBAL', 'global': {'stream_states': []}}]",
                        "state[0].type"),
                arguments("an unknown type", "{'type': 'PER_STREAM', 'data': {}}", "state.type"),
                arguments("a JSON string at top level", "'stock_prices'", "state"),
                arguments("two states for stock_prices",
                        "[" + streamMessage("[]") + ", {'type': 'LEGACY', 'data': {'stock_prices': {'date': '2024-01-05'}}}]",
                        "state[1]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void bad_states(String problem, String state, String place) {
        assertThatThrownBy(() -> parse(json(state)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Invalid state: " + place + " ");
    }

    @Test
    void a_bad_date_is_quoted_in_the_message() {
        assertThatThrownBy(() -> parse(json("{'stock_prices': {'date': '2024-13-01'}}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'2024-13-01'");
    }

    @Test
    void a_state_file_that_is_not_json_is_invalid_input() throws IOException {
        Path file = Files.writeString(tmp.resolve("state.json"), "{\"stock_prices\": ");

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--state")
                .hasMessageContaining("not valid JSON");
    }

    private static String streamMessage(String states) {
        return "{'type': 'STREAM', 'stream': {'stream_descriptor': {'name': 'stock_prices'},"
                + " 'stream_state': {'states': " + states + "}}}";
    }

    private static String streamState(String states) {
        return "[" + streamMessage(states) + "]";
    }

    @Test
    void gives_each_stream_its_own_state_and_refuses_a_second_one_for_the_same_stream() {
        StateReader two = new StateReader(List.of("stock_prices", "splits"));

        SyncState state = two.parse(json("""
                [{'type': 'STREAM', 'stream': {'stream_descriptor': {'name': 'stock_prices'},
                  'stream_state': {'date': '2024-01-05'}}},
                 {'type': 'STREAM', 'stream': {'stream_descriptor': {'name': 'splits'},
                  'stream_state': {'states': [{'partition': {'symbol': 'AAPL'}, 'cursor': {'date': '2020-08-31'}}]}}}]
                """));

        assertThat(state.of("stock_prices")).isEqualTo(StreamState.forEverySymbol(LocalDate.of(2024, 1, 5)));
        assertThat(state.of("splits").cursor(AAPL)).hasValue(LocalDate.of(2020, 8, 31));
        assertThatThrownBy(() -> two.parse(json("""
                [{'type': 'STREAM', 'stream': {'stream_descriptor': {'name': 'splits'}, 'stream_state': {}}},
                 {'type': 'STREAM', 'stream': {'stream_descriptor': {'name': 'splits'}, 'stream_state': {}}}]
                """))).isInstanceOf(InvalidInputException.class).hasMessageContaining("a second state for stream splits");
    }

    @Test
    void null_and_an_empty_array_are_no_state() {
        assertThat(reader.parse(json("null"))).isEqualTo(SyncState.none());
        assertThat(reader.parse(json("[]"))).isEqualTo(SyncState.none());
    }

    @Test
    void a_whole_state_message_as_the_connector_printed_it_is_accepted_alone_or_in_an_array() {
        String printed = """
                {'type': 'STATE', 'state': {'type': 'STREAM', 'stream': {'stream_descriptor': {'name': 'stock_prices'},
                  'stream_state': {'states': [{'partition': {'symbol': 'AAPL'}, 'cursor': {'date': '2024-01-05'}}]}},
                  'sourceStats': {'recordCount': 3.0}}}
                """;

        assertThat(parse(json(printed)).cursor(AAPL)).hasValue(LocalDate.of(2024, 1, 5));
        assertThat(parse(json("[" + printed + "]")).cursor(AAPL)).hasValue(LocalDate.of(2024, 1, 5));
    }

    @Test
    void a_stream_state_without_its_stream_wrapper_is_told_where_its_parts_belong() {
        assertThatThrownBy(() -> reader.parse(json("""
                {'type': 'STREAM', 'stream_descriptor': {'name': 'stock_prices'}, 'stream_state': {}}
                """))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("state.stream is required").hasMessageContaining("belong inside it");
    }

    @Test
    void the_connectors_whole_output_given_as_state_is_named_as_such() {
        assertThatThrownBy(() -> reader.parse(json("[{'type': 'RECORD', 'record': {}}]")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("state[0].type is RECORD").hasMessageContaining("whole output");
    }

    @Test
    void a_catalog_given_as_state_is_named_as_such() {
        assertThatThrownBy(() -> reader.parse(json("{'streams': [{'stream': {'name': 'stock_prices'}}]}")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--catalog");
    }

    @Test
    void a_state_message_of_the_protocols_first_version_without_a_type_is_its_legacy_data() {
        assertThat(parse(json("{'data': {'stock_prices': {'date': '2024-01-05'}}}")))
                .isEqualTo(StreamState.forEverySymbol(LocalDate.of(2024, 1, 5)));
        assertThat(parse(json("{'type': 'STATE', 'state': {'data': {'stock_prices': {'date': '2024-01-05'}}}}")))
                .isEqualTo(StreamState.forEverySymbol(LocalDate.of(2024, 1, 5)));
    }

    private static JsonNode json(String singleQuoted) {
        try {
            return AirbyteJson.mapper().readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("test state is not JSON: " + singleQuoted, e);
        }
    }
}
