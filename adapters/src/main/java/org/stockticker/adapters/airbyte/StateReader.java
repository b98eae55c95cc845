package org.stockticker.adapters.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockticker.application.InvalidInputException;
import org.stockticker.domain.StockPrices;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.SymbolCursor;

/**
 * Reads the {@code --state} file in each layout the connector has met: the platform's array of STREAM state
 * messages, a LEGACY state message (alone or in that array), and the plain object of the original tutorial
 * connector, {@code {"stock_prices": {"date": "..."}}}. The last two set one cursor for every symbol.
 */
public final class StateReader {

    private static final Logger LOG = LoggerFactory.getLogger(StateReader.class);
    private static final String STREAM = StockPrices.STREAM_NAME;

    public StreamState read(Path path) {
        return parse(new InputFile("--state", path).json());
    }

    StreamState parse(JsonNode state) {
        if (state.isArray()) {
            StreamState result = StreamState.empty();
            boolean found = false;
            for (int i = 0; i < state.size(); i++) {
                StreamState one = message(state.get(i), "state[" + i + "]");
                if (one != null) {
                    if (found) {
                        throw invalid("state[" + i + "]", "a second state for stream " + STREAM);
                    }
                    result = one;
                    found = true;
                }
            }
            return result;
        }
        if (!state.isObject()) {
            throw invalid("state", "must be a JSON array of state messages or a JSON object");
        }
        if (state.has("type")) {
            StreamState one = message(state, "state");
            return one == null ? StreamState.empty() : one;
        }
        return legacyData(state, "state");
    }

    /** One state message; null when it belongs to another stream. */
    private StreamState message(JsonNode message, String where) {
        if (!message.isObject()) {
            throw invalid(where, "must be a state message object");
        }
        String type = message.path("type").asText("");
        switch (type) {
            case "STREAM" -> {
                JsonNode stream = message.get("stream");
                if (stream == null || !stream.isObject()) {
                    throw invalid(where + ".stream", "is required for a STREAM state");
                }
                String name = stream.path("stream_descriptor").path("name").asText("");
                if (name.isEmpty()) {
                    throw invalid(where + ".stream.stream_descriptor.name", "is required");
                }
                if (!name.equals(STREAM)) {
                    LOG.warn("Ignored the state of stream '{}': this source has no such stream", name);
                    return null;
                }
                JsonNode streamState = stream.get("stream_state");
                if (streamState == null || streamState.isNull()) {
                    return StreamState.empty();
                }
                return streamState(streamState, where + ".stream.stream_state");
            }
            case "LEGACY" -> {
                JsonNode data = message.get("data");
                if (data == null || !data.isObject()) {
                    throw invalid(where + ".data", "must be an object for a LEGACY state");
                }
                StreamState legacy = legacyData(data, where + ".data");
                return data.has(STREAM) ? legacy : null;
            }
            case "GLOBAL" -> throw invalid(where + ".type", "GLOBAL state is not supported by this source");
            default -> throw invalid(where + ".type", "must be STREAM or LEGACY");
        }
    }

    /** The tutorial's layout: {@code {"stock_prices": {"date": "YYYY-MM-DD"}}}, other streams ignored. */
    private StreamState legacyData(JsonNode data, String where) {
        StreamState result = StreamState.empty();
        var fields = data.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!field.getKey().equals(STREAM)) {
                LOG.warn("Ignored the state of stream '{}': this source has no such stream", field.getKey());
                continue;
            }
            result = streamState(field.getValue(), where + "." + STREAM);
        }
        return result;
    }

    /** A stream's own state: per-symbol {@code states}, or one {@code date} for every symbol. */
    private StreamState streamState(JsonNode state, String where) {
        if (!state.isObject()) {
            throw invalid(where, "must be an object");
        }
        if (state.has("states")) {
            JsonNode states = state.get("states");
            if (!states.isArray()) {
                throw invalid(where + ".states", "must be an array");
            }
            List<SymbolCursor> cursors = new ArrayList<>();
            for (int i = 0; i < states.size(); i++) {
                String at = where + ".states[" + i + "]";
                JsonNode entry = states.get(i);
                JsonNode symbol = entry.path("partition").path("symbol");
                if (!symbol.isTextual()) {
                    throw invalid(at + ".partition.symbol", "must be a ticker string");
                }
                Symbol parsed;
                try {
                    parsed = Symbol.parse(symbol.asText());
                } catch (IllegalArgumentException e) {
                    throw invalid(at + ".partition.symbol", e.getMessage());
                }
                cursors.add(new SymbolCursor(parsed, date(entry.path("cursor").path("date"), at + ".cursor.date")));
            }
            try {
                return StreamState.of(cursors);
            } catch (IllegalArgumentException e) {
                throw invalid(where + ".states", e.getMessage());
            }
        }
        if (state.has("date")) {
            return StreamState.forEverySymbol(date(state.get("date"), where + ".date"));
        }
        if (state.isEmpty()) {
            return StreamState.empty();
        }
        throw invalid(where, "must hold either states (one cursor per symbol) or date");
    }

    private static LocalDate date(JsonNode node, String where) {
        if (!node.isTextual()) {
            throw invalid(where, "must be a date string YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw invalid(where, "'" + node.asText().replaceAll("\\p{Cntrl}", "?") + "' is not a real date YYYY-MM-DD");
        }
    }

    private static InvalidInputException invalid(String where, String problem) {
        return new InvalidInputException("Invalid state: " + where + " " + problem);
    }
}
