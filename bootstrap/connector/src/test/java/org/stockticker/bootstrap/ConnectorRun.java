package org.stockticker.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/** One run of the connector's command line, in process, with its output validated against the protocol. */
record ConnectorRun(int exitCode, List<String> lines, String stderr, List<JsonNode> messages) {

    static ConnectorRun of(Clock clock, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        boolean text = List.of(args).contains("--help") || List.of(args).contains("--version");
        List<JsonNode> messages = text ? List.of() : ProtocolMessages.parse(lines);
        return new ConnectorRun(code, lines, err.toString(StandardCharsets.UTF_8), messages);
    }

    Stream<JsonNode> ofType(String type) {
        return messages.stream().filter(m -> m.get("type").asText().equals(type));
    }

    List<JsonNode> records() {
        return ofType("RECORD").map(m -> m.get("record")).toList();
    }

    /** Record data without emitted_at, to compare runs. */
    List<String> recordData() {
        return records().stream().map(r -> r.get("data").toString()).toList();
    }

    List<JsonNode> states() {
        return ofType("STATE").map(m -> m.get("state")).toList();
    }

    List<JsonNode> traces(String traceType) {
        return ofType("TRACE").map(m -> m.get("trace")).filter(t -> t.get("type").asText().equals(traceType)).toList();
    }

    /** The messages of the LOG messages at {@code level}. */
    List<String> logs(String level) {
        return ofType("LOG").map(m -> m.get("log")).filter(log -> log.get("level").asText().equals(level))
                .map(log -> log.get("message").asText()).toList();
    }

    List<JsonNode> errors() {
        return traces("ERROR").stream().map(t -> t.get("error")).toList();
    }

    List<String> streamStatuses() {
        return traces("STREAM_STATUS").stream().map(t -> t.get("stream_status").get("status").asText()).toList();
    }

    JsonNode lastState() {
        List<JsonNode> states = states();
        return states.get(states.size() - 1);
    }
}
