package org.stockticker.adapters.airbyte.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.stockticker.adapters.airbyte.AirbyteJson;
import org.stockticker.adapters.airbyte.ConnectorSpecificationDocument;
import org.stockticker.adapters.airbyte.protocol.AirbyteConnectionStatus;
import org.stockticker.adapters.airbyte.protocol.AirbyteErrorTraceMessage;
import org.stockticker.adapters.airbyte.protocol.AirbyteEstimateTraceMessage;
import org.stockticker.adapters.airbyte.protocol.AirbyteLogMessage;
import org.stockticker.adapters.airbyte.protocol.AirbyteMessage;
import org.stockticker.adapters.airbyte.protocol.AirbyteStateMessage;
import org.stockticker.adapters.airbyte.protocol.AirbyteStateStats;
import org.stockticker.adapters.airbyte.protocol.AirbyteStreamState;
import org.stockticker.adapters.airbyte.protocol.AirbyteStreamStatusRateLimitedReason;
import org.stockticker.adapters.airbyte.protocol.AirbyteStreamStatusReason;
import org.stockticker.adapters.airbyte.protocol.AirbyteStreamStatusTraceMessage;
import org.stockticker.adapters.airbyte.protocol.AirbyteTraceMessage;
import org.stockticker.adapters.airbyte.protocol.StreamDescriptor;
import org.stockticker.application.port.out.ReadReportPort;
import org.stockticker.domain.Catalog;
import org.stockticker.domain.StreamDefinition;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.SymbolCursor;

/**
 * Writes each message as one line of JSON on the given stream, and nothing else, as the Airbyte protocol asks.
 *
 * <p>A message is encoded whole before any byte of it reaches the stream, and the stream is written only at line
 * ends (see {@link LineOutput}): a value that cannot be encoded leaves no partial line behind. Records, the bulk of a
 * sync, gather into large writes; every other message is written at once, with the records before it, so that
 * checkpoints, progress and errors reach the platform as they happen. When the stream can no longer be written (its
 * reader went away), every later call throws {@link OutputClosedException}, so that a read stops at once.
 *
 * <p>Known secrets are masked, in every spelling, in free text: log lines and the messages of errors and connection
 * statuses (see {@link Secrets}); the structure of messages and records is never altered. Safe for use by several
 * threads: each message is written whole, under the writer's lock.
 */
public final class AirbyteMessageWriter implements ReadReportPort {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** Decimals as plain text, as the protocol classes write them; flushing the generator leaves the stream alone. */
    private static final JsonFactory RECORDS = new JsonFactoryBuilder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .rootValueSeparator((String) null)
            .build();

    private final Object lock = new Object();
    private final LineOutput lines;
    private final Clock clock;
    private final Secrets secrets = new Secrets();
    private final RecordEncoder records = new RecordEncoder();
    private JsonGenerator generator;

    /** A writer of whole lines to {@code out}, which it writes only at line ends and flushes itself. */
    public AirbyteMessageWriter(OutputStream out, Clock clock) {
        this.lines = new LineOutput(out);
        this.clock = clock;
    }

    /** Hands every message written so far to the output stream, and flushes it. */
    public void flush() {
        synchronized (lock) {
            lines.drain();
        }
    }

    /**
     * Hands every message written so far to the output stream, and takes no more: messages written later are
     * dropped, as the process is ending.
     */
    public void close() {
        synchronized (lock) {
            lines.close();
        }
    }

    /** Masks {@code secret}, in every spelling, in the free text of every message written from now on. */
    public void addSecret(String secret) {
        secrets.add(secret);
    }

    /** {@code text} with every known secret masked, for text that goes elsewhere than a message (stderr). */
    public String mask(String text) {
        return secrets.mask(text);
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
                        .withMessage(secrets.mask(message))));
    }

    public void catalog(Catalog catalog) {
        write(new AirbyteMessage().withType(AirbyteMessage.Type.CATALOG).withCatalog(CatalogEncoder.catalog(catalog)));
    }

    /** A RECORD message (see {@link RecordEncoder}); the line may wait with others until the next message. */
    @Override
    public <R> void record(StreamDefinition<R> stream, R record, String provider) {
        long emittedAt = clock.millis();
        synchronized (lock) {
            if (lines.closed()) {
                return;
            }
            int start = lines.mark();
            boolean whole = false;
            try {
                JsonGenerator json = generator();
                records.encode(json, stream, record, provider, emittedAt);
                json.flush();
                whole = true;
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("a RECORD of stream " + stream.name()
                        + " cannot be written as JSON (" + e.getClass().getSimpleName() + ")", e);
            } finally {
                if (!whole) {
                    // The generator's state is lost with the unfinished line (whatever stopped it, an Error of the
                    // JVM included): the next record starts afresh.
                    generator = null;
                    lines.discardFrom(start);
                }
            }
            lines.endLine(false);
        }
    }

    /**
     * A STATE of {@code stream}: its per-symbol cursors as {@code {"states": [{"partition": {"symbol": ...},
     * "cursor": {"date": ...}}]}}, or, for the whole market, its one cursor as {@code {"date": ...}}, with
     * {@code "through_symbol"} when that day was read part way.
     */
    @Override
    public void checkpoint(String stream, StreamState state, long recordCount) {
        ObjectNode streamState = NODES.objectNode();
        state.everySymbolCursor().ifPresent(date -> streamState.put("date", date.toString()));
        state.everySymbolThrough().ifPresent(symbol -> streamState.put("through_symbol", symbol.value()));
        if (!state.cursors().isEmpty() || state.everySymbolCursor().isEmpty()) {
            ArrayNode states = streamState.putArray("states");
            for (SymbolCursor cursor : state.cursors()) {
                ObjectNode entry = states.addObject();
                entry.putObject("partition").put("symbol", cursor.symbol().value());
                entry.putObject("cursor").put("date", cursor.date().toString());
            }
        }
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
                        .withMessage(secrets.mask(message))));
    }

    /** A TRACE ERROR; {@code cause}, when given, goes to the internal message and stack trace, never the message. */
    public void error(AirbyteErrorTraceMessage.FailureType type, String message, Throwable cause) {
        AirbyteErrorTraceMessage error = new AirbyteErrorTraceMessage()
                .withMessage(secrets.mask(message))
                .withFailureType(type);
        if (cause != null) {
            error.withInternalMessage(secrets.mask(String.valueOf(cause)))
                    .withStackTrace(secrets.mask(stackTrace(cause)));
        }
        trace(new AirbyteTraceMessage().withType(AirbyteTraceMessage.Type.ERROR).withError(error));
    }

    private void trace(AirbyteTraceMessage trace) {
        // The protocol types emitted_at as a number; epoch milliseconds read best as a whole number.
        trace.setEmittedAt(null);
        ObjectNode node = AirbyteJson.mapper().valueToTree(new AirbyteMessage()
                .withType(AirbyteMessage.Type.TRACE).withTrace(trace));
        ((ObjectNode) node.get("trace")).put("emitted_at", clock.millis());
        print(node.toString());
    }

    private void write(AirbyteMessage message) {
        String line;
        try {
            line = AirbyteJson.mapper().writeValueAsString(message);
        } catch (IOException e) {
            throw new IllegalStateException("a " + message.getType() + " message cannot be written as JSON", e);
        }
        print(line);
    }

    /** Writes one whole message other than a record, after the records before it, and hands them all over. */
    private void print(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        synchronized (lock) {
            if (lines.closed()) {
                return;
            }
            lines.append(bytes);
            lines.endLine(true);
        }
    }

    private JsonGenerator generator() throws IOException {
        if (generator == null) {
            generator = RECORDS.createGenerator(lines.assembly(), JsonEncoding.UTF8);
        }
        return generator;
    }

    private static String stackTrace(Throwable cause) {
        StringWriter text = new StringWriter();
        cause.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
