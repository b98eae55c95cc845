package org.stockticker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and checks the per-symbol STATE messages of the {@code stock_prices} stream. */
final class StreamStates {

    private StreamStates() {
    }

    /** The cursor of each symbol in a STATE message's {@code state} object. */
    static Map<String, LocalDate> cursors(JsonNode state) {
        assertThat(state.path("type").asText()).as("state type of %s", state).isEqualTo("STREAM");
        JsonNode stream = state.path("stream");
        assertThat(stream.path("stream_descriptor").path("name").asText()).isEqualTo("stock_prices");
        Map<String, LocalDate> cursors = new LinkedHashMap<>();
        for (JsonNode partition : stream.path("stream_state").path("states")) {
            String symbol = partition.path("partition").path("symbol").asText();
            assertThat(cursors).as("one partition per symbol in %s", state).doesNotContainKey(symbol);
            cursors.put(symbol, LocalDate.parse(partition.path("cursor").path("date").asText()));
        }
        return cursors;
    }

    /**
     * Checks that every STATE covers exactly the records emitted before it: each symbol's cursor is the latest date
     * emitted for it so far (or the cursor it came in with), and {@code recordCount} counts the records since the
     * previous STATE. Fails when there is no STATE at all.
     */
    static void assertEachCoversExactlyTheRecordsBeforeIt(List<JsonNode> messages, Map<String, LocalDate> input) {
        Map<String, LocalDate> covered = new HashMap<>(input);
        long sinceState = 0;
        int states = 0;
        for (JsonNode message : messages) {
            String type = message.get("type").asText();
            if (type.equals("RECORD")) {
                IexStubData.Key key = IexStubData.Key.of(message.get("record").get("data"));
                covered.merge(key.symbol(), key.date(), (a, b) -> a.isAfter(b) ? a : b);
                sinceState++;
            } else if (type.equals("STATE")) {
                int number = ++states;
                JsonNode state = message.get("state");
                Map<String, LocalDate> cursors = cursors(state);
                covered.forEach((symbol, date) -> assertThat(cursors.get(symbol))
                        .as("cursor of %s in STATE #%d", symbol, number).isEqualTo(date));
                assertThat(cursors.keySet()).as("symbols of STATE #%d", number).isSubsetOf(covered.keySet());
                assertThat(state.path("sourceStats").path("recordCount").asDouble())
                        .as("recordCount of STATE #%d", number).isEqualTo((double) sinceState);
                sinceState = 0;
            }
        }
        assertThat(states).as("STATE messages").isPositive();
    }
}
