package org.stockticker.adapters.airbyte.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockticker.adapters.airbyte.Printable;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.SymbolCursor;
import org.stockticker.domain.SyncState;

/**
 * Reads the {@code --state} file in each layout the connector has met: the platform's array of STREAM state
 * messages, a LEGACY state message (alone or in that array), and the plain object of the original tutorial
 * connector, {@code {"stock_prices": {"date": "..."}}}. The last two set one cursor for every symbol.
 */
public final class StateReader {

    private static final Logger LOG = LoggerFactory.getLogger(StateReader.class);

    private final Set<String> streams;

    /** A reader of the states of {@code streams}; states of other streams are ignored with a warning. */
    public StateReader(Collection<String> streams) {
        this.streams = Set.copyOf(streams);
    }

    public SyncState read(Path path) {
        return parse(new InputFile("--state", path).json());
    }

    SyncState parse(JsonNode state) {
        Map<String, StreamState> found = new LinkedHashMap<>();
        if (state.isNull()) {
            return SyncState.none();
        }
        if (state.isArray()) {
            for (int i = 0; i < state.size(); i++) {
                String where = "state[" + i + "]";
                message(state.get(i), where).forEach((stream, one) -> {
                    if (found.put(stream, one) != null) {
                        throw invalid(where, "a second state for stream " + stream);
                    }
                });
            }
        } else if (!state.isObject()) {
            throw invalid("state", "must be a JSON array of state messages or a JSON object");
        } else if (state.has("type") || state.path("data").isObject()) {
            found.putAll(message(state, "state"));
        } else if (state.has("streams") && state.get("streams").isArray()) {
            throw invalid("state", "has a streams array, as a catalog has: pass a catalog with --catalog, and with"
                    + " --state the STATE messages of an earlier read");
        } else {
            found.putAll(legacyData(state, "state"));
        }
        return new SyncState(found);
    }

    /**
     * The stream states of one state message, by stream: none when it belongs to another stream. A whole STATE
     * message, as the connector prints it, stands for its state.
     */
    private Map<String, StreamState> message(JsonNode message, String where) {
        if (!message.isObject()) {
            throw invalid(where, "must be a state message object");
        }
        String type = message.path("type").asText("");
        if (type.equals("STATE") && message.path("state").isObject()) {
            return message(message.get("state"), where + ".state");
        }
        if (type.isEmpty() && message.path("data").isObject()) {
            // A state message of the protocol's first version: no type, its data the LEGACY state.
            return legacyData(message.get("data"), where + ".data");
        }
        switch (type) {
            case "STREAM" -> {
                JsonNode stream = message.get("stream");
                if (stream == null || !stream.isObject()) {
                    throw invalid(where + ".stream", "is required for a STREAM state"
                            + (message.has("stream_descriptor") || message.has("stream_state")
                            ? ": stream_descriptor and stream_state belong inside it, as"
                            + " {\"type\": \"STREAM\", \"stream\": {\"stream_descriptor\": ..., \"stream_state\": ...}}"
                            : ""));
                }
                String name = stream.path("stream_descriptor").path("name").asText("");
                if (name.isEmpty()) {
                    throw invalid(where + ".stream.stream_descriptor.name", "is required");
                }
                if (!streams.contains(name)) {
                    LOG.warn("Ignored the state of stream '{}': this source has no such stream", name);
                    return Map.of();
                }
                JsonNode streamState = stream.get("stream_state");
                if (streamState == null || streamState.isNull()) {
                    return Map.of(name, StreamState.empty());
                }
                return Map.of(name, streamState(streamState, where + ".stream.stream_state"));
            }
            case "LEGACY" -> {
                JsonNode data = message.get("data");
                if (data == null || !data.isObject()) {
                    throw invalid(where + ".data", "must be an object for a LEGACY state");
                }
                return legacyData(data, where + ".data");
            }
            case "GLOBAL" -> throw invalid(where + ".type", "GLOBAL state is not supported by this source");
            case "" -> throw invalid(where + ".type", "is required: STREAM or LEGACY");
            default -> throw invalid(where + ".type", "is " + Printable.shown(type) + ", but --state takes state messages"
                    + " (type STREAM or LEGACY, or a whole STATE message as the connector printed it)"
                    + (List.of("RECORD", "LOG", "TRACE", "SPEC", "CATALOG", "CONNECTION_STATUS").contains(type)
                    ? ": was the connector's whole output passed instead of its last STATE messages?" : ""));
        }
    }

    /** The tutorial's layout: {@code {"stock_prices": {"date": "YYYY-MM-DD"}}}, other streams ignored. */
    private Map<String, StreamState> legacyData(JsonNode data, String where) {
        Map<String, StreamState> result = new LinkedHashMap<>();
        var fields = data.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!streams.contains(field.getKey())) {
                LOG.warn("Ignored the state of stream '{}': this source has no such stream", field.getKey());
                continue;
            }
            result.put(field.getKey(), streamState(field.getValue(), where + "." + field.getKey()));
        }
        return result;
    }

    /**
     * A stream's own state: per-symbol {@code states}, or one {@code date} for every symbol (a whole-market read's,
     * with {@code through_symbol} when that day was read part way).
     */
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
            LocalDate date = date(state.get("date"), where + ".date");
            JsonNode through = state.get("through_symbol");
            if (through == null || through.isNull()) {
                return StreamState.forEverySymbol(date);
            }
            if (!through.isTextual()) {
                throw invalid(where + ".through_symbol", "must be a ticker string");
            }
            try {
                return StreamState.forEverySymbolThrough(date, Symbol.parse(through.asText()));
            } catch (IllegalArgumentException e) {
                throw invalid(where + ".through_symbol", e.getMessage());
            }
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
