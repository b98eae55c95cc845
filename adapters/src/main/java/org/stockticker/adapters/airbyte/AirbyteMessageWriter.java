package org.stockticker.adapters.airbyte;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.stockticker.adapters.airbyte.protocol.AirbyteCatalog;
import org.stockticker.adapters.airbyte.protocol.AirbyteConnectionStatus;
import org.stockticker.adapters.airbyte.protocol.AirbyteErrorTraceMessage;
import org.stockticker.adapters.airbyte.protocol.AirbyteEstimateTraceMessage;
import org.stockticker.adapters.airbyte.protocol.AirbyteLogMessage;
import org.stockticker.adapters.airbyte.protocol.AirbyteMessage;
import org.stockticker.adapters.airbyte.protocol.AirbyteRecordMessage;
import org.stockticker.adapters.airbyte.protocol.AirbyteStateMessage;
import org.stockticker.adapters.airbyte.protocol.AirbyteStateStats;
import org.stockticker.adapters.airbyte.protocol.AirbyteStream;
import org.stockticker.adapters.airbyte.protocol.AirbyteStreamState;
import org.stockticker.adapters.airbyte.protocol.AirbyteStreamStatusRateLimitedReason;
import org.stockticker.adapters.airbyte.protocol.AirbyteStreamStatusReason;
import org.stockticker.adapters.airbyte.protocol.AirbyteStreamStatusTraceMessage;
import org.stockticker.adapters.airbyte.protocol.AirbyteTraceMessage;
import org.stockticker.adapters.airbyte.protocol.ConnectorSpecification;
import org.stockticker.adapters.airbyte.protocol.StreamDescriptor;
import org.stockticker.adapters.airbyte.protocol.SyncMode;
import org.stockticker.application.port.out.MessageSinkPort;
import org.stockticker.domain.Catalog;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.StreamDefinition;
import org.stockticker.domain.StreamField;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.SymbolCursor;

/**
 * Writes each message as one line of JSON on the given stream, and nothing else, as the Airbyte protocol asks.
 *
 * <p>Known secrets are masked in every line but records (whose fields are symbols, dates and numbers only), as a
 * last line of defence behind the adapters that never put a key in a message in the first place.
 */
public final class AirbyteMessageWriter implements MessageSinkPort {

    private static final String MASK = "**********";
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final PrintStream out;
    private final Clock clock;
    private final ObjectWriter writer = AirbyteJson.mapper().writer();
    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    public AirbyteMessageWriter(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /**
     * Masks {@code secret} in every message written from now on. Values shorter than four characters are no real
     * key, and masking them would garble every word they occur in.
     */
    public void addSecret(String secret) {
        if (secret != null && secret.strip().length() >= 4) {
            secrets.add(secret);
        }
    }

    @Override
    public void spec() {
        write(new AirbyteMessage().withType(AirbyteMessage.Type.SPEC).withSpec(AirbyteJson.mapper()
                .convertValue(ConnectorSpecificationDocument.document(), ConnectorSpecification.class)));
    }

    @Override
    public void connectionStatus(boolean succeeded, String message) {
        write(new AirbyteMessage().withType(AirbyteMessage.Type.CONNECTION_STATUS)
                .withConnectionStatus(new AirbyteConnectionStatus()
                        .withStatus(succeeded ? AirbyteConnectionStatus.Status.SUCCEEDED
                                : AirbyteConnectionStatus.Status.FAILED)
                        .withMessage(message)));
    }

    @Override
    public void catalog(Catalog catalog) {
        List<AirbyteStream> streams = catalog.streams().stream().map(AirbyteMessageWriter::stream).toList();
        write(new AirbyteMessage().withType(AirbyteMessage.Type.CATALOG)
                .withCatalog(new AirbyteCatalog().withStreams(streams)));
    }

    @Override
    public void record(String stream, DailyBar bar, String provider) {
        ObjectNode data = NODES.objectNode();
        data.put("symbol", bar.symbol().value());
        data.put("date", bar.date().toString());
        data.put("open", bar.open());
        data.put("high", bar.high());
        data.put("low", bar.low());
        data.put("close", bar.close());
        data.put("volume", bar.volume());
        data.put("adjusted_close", bar.adjustedClose());
        data.put("provider", provider);
        AirbyteMessage message = new AirbyteMessage().withType(AirbyteMessage.Type.RECORD)
                .withRecord(new AirbyteRecordMessage().withStream(stream).withData(data)
                        .withEmittedAt(clock.millis()));
        print(serialize(message), false);
    }

    @Override
    public void state(String stream, StreamState state, long recordCount) {
        ArrayNode states = NODES.arrayNode();
        for (SymbolCursor cursor : state.cursors()) {
            ObjectNode entry = states.addObject();
            entry.putObject("partition").put("symbol", cursor.symbol().value());
            entry.putObject("cursor").put("date", cursor.date().toString());
        }
        ObjectNode streamState = NODES.objectNode();
        streamState.set("states", states);
        write(new AirbyteMessage().withType(AirbyteMessage.Type.STATE)
                .withState(new AirbyteStateMessage()
                        .withType(AirbyteStateMessage.AirbyteStateType.STREAM)
                        .withStream(new AirbyteStreamState()
                                .withStreamDescriptor(new StreamDescriptor().withName(stream))
                                .withStreamState(streamState))
                        .withSourceStats(new AirbyteStateStats().withRecordCount((double) recordCount))));
    }

    @Override
    public void streamStatus(String stream, StreamStatus status) {
        trace(new AirbyteTraceMessage().withType(AirbyteTraceMessage.Type.STREAM_STATUS)
                .withStreamStatus(new AirbyteStreamStatusTraceMessage()
                        .withStreamDescriptor(new StreamDescriptor().withName(stream))
                        .withStatus(AirbyteStreamStatusTraceMessage.AirbyteStreamStatus.valueOf(status.name()))));
    }

    @Override
    public void rateLimited(String stream, Instant until) {
        trace(new AirbyteTraceMessage().withType(AirbyteTraceMessage.Type.STREAM_STATUS)
                .withStreamStatus(new AirbyteStreamStatusTraceMessage()
                        .withStreamDescriptor(new StreamDescriptor().withName(stream))
                        .withStatus(AirbyteStreamStatusTraceMessage.AirbyteStreamStatus.RUNNING)
                        .withReasons(List.of(new AirbyteStreamStatusReason()
                                .withType(AirbyteStreamStatusReason.AirbyteStreamStatusReasonType.RATE_LIMITED)
                                .withRateLimited(new AirbyteStreamStatusRateLimitedReason()
                                        .withQuotaReset(until.toEpochMilli()))))));
    }

    @Override
    public void estimate(String stream, long rows) {
        trace(new AirbyteTraceMessage().withType(AirbyteTraceMessage.Type.ESTIMATE)
                .withEstimate(new AirbyteEstimateTraceMessage()
                        .withName(stream)
                        .withType(AirbyteEstimateTraceMessage.Type.STREAM)
                        .withRowEstimate(rows)));
    }

    @Override
    public void log(LogLevel level, String message) {
        write(new AirbyteMessage().withType(AirbyteMessage.Type.LOG)
                .withLog(new AirbyteLogMessage()
                        .withLevel(AirbyteLogMessage.Level.valueOf(level.name()))
                        .withMessage(message)));
    }

    @Override
    public void error(FailureType type, String message, Throwable cause) {
        AirbyteErrorTraceMessage error = new AirbyteErrorTraceMessage()
                .withMessage(message)
                .withFailureType(AirbyteErrorTraceMessage.FailureType.fromValue(
                        type.name().toLowerCase(Locale.ROOT) + "_error"));
        if (cause != null) {
            error.withInternalMessage(cause.toString()).withStackTrace(stackTrace(cause));
        }
        trace(new AirbyteTraceMessage().withType(AirbyteTraceMessage.Type.ERROR).withError(error));
    }

    private void trace(AirbyteTraceMessage trace) {
        // The protocol types emitted_at as a number; epoch milliseconds read best as a whole number.
        trace.setEmittedAt(null);
        ObjectNode node = AirbyteJson.mapper().valueToTree(new AirbyteMessage()
                .withType(AirbyteMessage.Type.TRACE).withTrace(trace));
        ((ObjectNode) node.get("trace")).put("emitted_at", clock.millis());
        print(masked(node.toString()), true);
    }

    private void write(AirbyteMessage message) {
        print(masked(serialize(message)), true);
    }

    private String serialize(AirbyteMessage message) {
        try {
            return writer.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a " + message.getType() + " message cannot be written as JSON", e);
        }
    }

    private String masked(String line) {
        String result = line;
        for (String secret : secrets) {
            // The line is JSON: a secret can only appear in it in its escaped form.
            String escaped = NODES.textNode(secret).toString();
            result = result.replace(escaped.substring(1, escaped.length() - 1), MASK);
        }
        return result;
    }

    /**
     * Writes one line. Records may wait in the stream's buffer; every other message is flushed at once, so that
     * checkpoints, progress and errors reach the platform as they happen, and a killed process has always handed
     * over a consistent prefix of its messages.
     */
    private void print(String line, boolean flush) {
        synchronized (out) {
            out.println(line);
            if (flush) {
                out.flush();
            }
        }
    }

    private static String stackTrace(Throwable cause) {
        StringWriter text = new StringWriter();
        cause.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static AirbyteStream stream(StreamDefinition definition) {
        List<SyncMode> modes = new ArrayList<>();
        for (org.stockticker.domain.SyncMode mode : org.stockticker.domain.SyncMode.values()) {
            if (definition.supports(mode)) {
                modes.add(SyncMode.fromValue(mode.name().toLowerCase(Locale.ROOT)));
            }
        }
        return new AirbyteStream()
                .withName(definition.name())
                .withJsonSchema(jsonSchema(definition))
                .withSupportedSyncModes(modes)
                .withSourceDefinedCursor(true)
                .withDefaultCursorField(List.of(definition.cursorField()))
                .withSourceDefinedPrimaryKey(definition.primaryKey().stream().map(List::of).toList())
                .withIsResumable(true);
    }

    /** The draft-07 schema of a stream's records. */
    static JsonNode jsonSchema(StreamDefinition definition) {
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("type", "object");
        schema.put("additionalProperties", true);
        ArrayNode required = schema.putArray("required");
        ObjectNode properties = schema.putObject("properties");
        for (StreamField field : definition.fields()) {
            ObjectNode property = properties.putObject(field.name());
            String type = switch (field.type()) {
                case STRING, DATE -> "string";
                case NUMBER -> "number";
                case INTEGER -> "integer";
            };
            if (field.nullable()) {
                property.putArray("type").add(type).add("null");
            } else {
                property.put("type", type);
                required.add(field.name());
            }
            if (field.type() == org.stockticker.domain.FieldType.DATE) {
                property.put("format", "date");
            }
        }
        return schema;
    }
}
