package org.stockticker.adapters.airbyte.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.stockticker.adapters.airbyte.AirbyteJson;
import org.stockticker.adapters.airbyte.ConnectorSpecificationDocument;
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
import org.stockticker.adapters.airbyte.protocol.StreamDescriptor;
import org.stockticker.adapters.airbyte.protocol.SyncMode;
import org.stockticker.application.port.out.ReadReportPort;
import org.stockticker.domain.Catalog;
import org.stockticker.domain.FieldType;
import org.stockticker.domain.StreamDefinition;
import org.stockticker.domain.StreamField;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.SymbolCursor;

/**
 * Writes each message as one line of JSON on the given stream, and nothing else, as the Airbyte protocol asks.
 *
 * <p>Known secrets are masked in every line but records (whose fields are symbols, dates and numbers only), as a
 * last line of defence behind the adapters that never put a key in a message in the first place.
 *
 * <p>Records, the bulk of a sync, are written field by field with one streaming generator straight into the output
 * stream's bytes, the same line the protocol classes would give, without building a message object or a string
 * per record. Safe for use by several threads: each message is written whole, under the output stream's lock.
 */
public final class AirbyteMessageWriter implements ReadReportPort {

    private static final String MASK = "**********";
    private static final int MAX_LONG_DIGITS = 18;
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** Decimals as plain text, as the protocol classes write them; flushing the generator leaves the stream alone. */
    private static final JsonFactory RECORDS = new JsonFactoryBuilder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .rootValueSeparator((String) null)
            .build();

    private static final SerializableString TYPE = new SerializedString("type");
    private static final SerializableString RECORD = new SerializedString("RECORD");
    private static final SerializableString RECORD_FIELD = new SerializedString("record");
    private static final SerializableString STREAM = new SerializedString("stream");
    private static final SerializableString DATA = new SerializedString("data");
    private static final SerializableString EMITTED_AT = new SerializedString("emitted_at");

    private final PrintStream out;
    private final Clock clock;
    private final Set<String> secrets = new CopyOnWriteArraySet<>();
    private JsonGenerator records;
    private RecordFields<?> lastFields;
    private final char[] dateText = "0000-00-00".toCharArray();
    private final char[] numberText = new char[MAX_LONG_DIGITS + 3];

    public AirbyteMessageWriter(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** Hands every message written so far to the output stream, and flushes it. */
    public void flush() {
        synchronized (out) {
            flushRecords();
            out.flush();
        }
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

    /** The specification resource as it is, compact: no message object is built for it. */
    public void spec() {
        print("{\"type\":\"SPEC\",\"spec\":" + ConnectorSpecificationDocument.compactJson() + "}");
    }

    public void connectionStatus(boolean succeeded, String message) {
        write(new AirbyteMessage().withType(AirbyteMessage.Type.CONNECTION_STATUS)
                .withConnectionStatus(new AirbyteConnectionStatus()
                        .withStatus(succeeded ? AirbyteConnectionStatus.Status.SUCCEEDED
                                : AirbyteConnectionStatus.Status.FAILED)
                        .withMessage(message)));
    }

    public void catalog(Catalog catalog) {
        List<AirbyteStream> streams = catalog.streams().stream().map(AirbyteMessageWriter::stream).toList();
        write(new AirbyteMessage().withType(AirbyteMessage.Type.CATALOG)
                .withCatalog(new AirbyteCatalog().withStreams(streams)));
    }

    /**
     * Writes {@code {"type":"RECORD","record":{"stream":..,"data":{..},"emitted_at":..}}}, the fields in the order of
     * {@link AirbyteMessage} and {@link AirbyteRecordMessage}, the data's fields in the order of the stream's
     * definition, null values written as null. The line may wait in a buffer until the next message of another
     * type, or {@link #flush}.
     */
    @Override
    public <R> void record(StreamDefinition<R> stream, R record, String provider) {
        long emittedAt = clock.millis();
        synchronized (out) {
            try {
                JsonGenerator json = records();
                json.writeStartObject();
                json.writeFieldName(TYPE);
                json.writeString(RECORD);
                json.writeFieldName(RECORD_FIELD);
                json.writeStartObject();
                json.writeFieldName(STREAM);
                json.writeString(stream.name());
                json.writeFieldName(DATA);
                json.writeStartObject();
                RecordFields<R> fields = fieldsOf(stream);
                for (int i = 0; i < fields.names.length; i++) {
                    StreamField<R> field = fields.fields.get(i);
                    json.writeFieldName(fields.names[i]);
                    value(json, field, field.valueOf(record, provider));
                }
                json.writeEndObject();
                json.writeFieldName(EMITTED_AT);
                json.writeNumber(emittedAt);
                json.writeEndObject();
                json.writeEndObject();
                json.writeRaw('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("a RECORD message cannot be written", e);
            }
        }
    }

    /** The fields of {@code stream}, with their names ready to write; the last stream's are kept at hand. */
    @SuppressWarnings("unchecked")
    private <R> RecordFields<R> fieldsOf(StreamDefinition<R> stream) {
        if (lastFields == null || lastFields.stream != stream) {
            lastFields = new RecordFields<>(stream);
        }
        return (RecordFields<R>) lastFields;
    }

    private void value(JsonGenerator json, StreamField<?> field, Object value) throws IOException {
        if (value == null) {
            if (!field.nullable()) {
                throw new IllegalStateException("field " + field.name() + " has no value, and may not be null");
            }
            json.writeNull();
            return;
        }
        switch (field.type()) {
            case STRING -> json.writeString(value instanceof String text ? text : value.toString());
            case DATE -> writeDate(json, (LocalDate) value);
            case NUMBER -> decimal(json, (BigDecimal) value);
            case INTEGER -> {
                if (value instanceof BigInteger big) {
                    json.writeNumber(big);
                } else {
                    json.writeNumber(((Number) value).longValue());
                }
            }
        }
    }

    /** A stream's fields and their names as the generator writes them, made once per stream. */
    private static final class RecordFields<R> {

        private final StreamDefinition<R> stream;
        private final List<StreamField<R>> fields;
        private final SerializableString[] names;

        RecordFields(StreamDefinition<R> stream) {
            this.stream = stream;
            this.fields = stream.fields();
            this.names = fields.stream().map(field -> new SerializedString(field.name()))
                    .toArray(SerializableString[]::new);
        }
    }

    /**
     * A price as plain decimal text, exactly its digits and scale, as {@link BigDecimal#toPlainString} gives it (and
     * {@code WRITE_BIGDECIMAL_AS_PLAIN} writes it): for the usual prices, of up to 18 digits, written from the
     * unscaled value into a buffer rather than through a string.
     */
    private void decimal(JsonGenerator json, BigDecimal value) throws IOException {
        if (value.scale() >= 0 && value.scale() <= MAX_LONG_DIGITS && value.precision() <= MAX_LONG_DIGITS) {
            int start = plain(numberText, value.movePointRight(value.scale()).longValue(), value.scale());
            json.writeNumber(numberText, start, numberText.length - start);
        } else {
            json.writeNumber(value.toPlainString());
        }
    }

    /**
     * Writes {@code unscaled × 10^-scale} as plain decimal text at the end of {@code text}, the decimal point
     * {@code scale} digits from the right and zeros before it where needed; returns where the text starts.
     */
    static int plain(char[] text, long unscaled, int scale) {
        long rest = Math.abs(unscaled);
        int at = text.length;
        int digits = 0;
        do {
            text[--at] = (char) ('0' + rest % 10);
            rest /= 10;
            if (++digits == scale) {
                text[--at] = '.';
            }
        } while (rest > 0 || digits <= scale);
        if (unscaled < 0) {
            text[--at] = '-';
        }
        return at;
    }

    /** {@code date.toString()}, without building a string for the common four-digit years. */
    private void writeDate(JsonGenerator json, LocalDate date) throws IOException {
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            json.writeString(date.toString());
            return;
        }
        char[] text = dateText;
        digits(text, 0, year, 4);
        digits(text, 5, date.getMonthValue(), 2);
        digits(text, 8, date.getDayOfMonth(), 2);
        json.writeString(text, 0, text.length);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private JsonGenerator records() throws IOException {
        if (records == null) {
            records = RECORDS.createGenerator(out, JsonEncoding.UTF8);
        }
        return records;
    }

    /** Moves the records waiting in the generator into the output stream, ahead of the next message. */
    private void flushRecords() {
        if (records != null) {
            try {
                records.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("RECORD messages cannot be written", e);
            }
        }
    }

    @Override
    public void checkpoint(String stream, StreamState state, long recordCount) {
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
    public void status(String stream, StreamStatus status) {
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

    /** A TRACE ERROR; {@code cause}, when given, goes to the internal message and stack trace, never the message. */
    public void error(AirbyteErrorTraceMessage.FailureType type, String message, Throwable cause) {
        AirbyteErrorTraceMessage error = new AirbyteErrorTraceMessage()
                .withMessage(message)
                .withFailureType(type);
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
        print(masked(node.toString()));
    }

    private void write(AirbyteMessage message) {
        print(masked(serialize(message)));
    }

    private String serialize(AirbyteMessage message) {
        try {
            return AirbyteJson.mapper().writeValueAsString(message);
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
     * Writes one message other than a record, after the records before it, and flushes the stream at once, so that
     * checkpoints, progress and errors reach the platform as they happen, and a killed process has always handed
     * over a consistent prefix of its messages.
     */
    private void print(String line) {
        synchronized (out) {
            flushRecords();
            out.println(line);
            out.flush();
        }
    }

    private static String stackTrace(Throwable cause) {
        StringWriter text = new StringWriter();
        cause.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static AirbyteStream stream(StreamDefinition<?> definition) {
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
    static JsonNode jsonSchema(StreamDefinition<?> definition) {
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("type", "object");
        schema.put("additionalProperties", true);
        ArrayNode required = schema.putArray("required");
        ObjectNode properties = schema.putObject("properties");
        for (StreamField<?> field : definition.fields()) {
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
            if (field.type() == FieldType.DATE) {
                property.put("format", "date");
            }
        }
        return schema;
    }
}
