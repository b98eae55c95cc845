package org.stockticker.adapters.airbyte.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockticker.adapters.airbyte.AirbyteJson;
import org.stockticker.adapters.airbyte.ProtocolAssertions;
import org.stockticker.adapters.airbyte.protocol.AirbyteErrorTraceMessage.FailureType;
import org.stockticker.application.port.out.ReadReportPort.LogLevel;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.FieldType;
import org.stockticker.domain.Partitioning;
import org.stockticker.domain.StockPrices;
import org.stockticker.domain.StreamDefinition;
import org.stockticker.domain.StreamField;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.SymbolCursor;
import org.stockticker.domain.SyncMode;

/** Every byte that reaches the stream belongs to a whole line, and no secret reaches it in any spelling. */
class WholeLinesAndSecretsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_711_650_000_123L), ZoneOffset.UTC);

    /** A stream that keeps each write apart, as the pipe to the platform would see them. */
    private static final class Writes extends OutputStream {

        private final List<byte[]> writes = new ArrayList<>();
        private final ByteArrayOutputStream all = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            byte[] copy = new byte[length];
            System.arraycopy(bytes, offset, copy, 0, length);
            writes.add(copy);
            all.write(bytes, offset, length);
        }
    }

    private final Writes out = new Writes();
    private final AirbyteMessageWriter writer = new AirbyteMessageWriter(out, CLOCK);

    @Test
    void the_stream_is_written_only_at_line_ends() {
        for (int i = 0; i < 2_000; i++) {
            writer.record(StockPrices.STREAM, bar("AAPL", "181.99"), "csv");
            if (i % 700 == 0) {
                writer.log(LogLevel.INFO, "progress " + i);
            }
        }
        writer.flush();

        assertThat(out.writes).hasSizeGreaterThan(3).allSatisfy(write -> assertThat(write[write.length - 1])
                .as("each write ends a line").isEqualTo((byte) '\n'));
        assertThat(ProtocolAssertions.validLines(out.all)).hasSize(2_003);
    }

    @Test
    void a_record_that_cannot_be_encoded_leaves_no_partial_line_and_the_next_message_is_whole() {
        StreamDefinition<DailyBar> broken = new StreamDefinition<>("stock_prices", List.of(
                StreamField.of("symbol", FieldType.STRING, false, DailyBar::symbol),
                StreamField.of("date", FieldType.DATE, false, DailyBar::date),
                StreamField.of("close", FieldType.NUMBER, false, bar -> {
                    throw new ArithmeticException("a value beyond every limit");
                })), List.of("symbol", "date"), "date", Partitioning.BY_SYMBOL, Set.of(SyncMode.FULL_REFRESH));
        writer.record(StockPrices.STREAM, bar("AAPL", "1.5"), "csv");

        assertThatThrownBy(() -> writer.record(broken, bar("AAPL", "2.5"), "csv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stock_prices");
        writer.checkpoint("stock_prices", StreamState.of(List.of(
                new SymbolCursor(new Symbol("AAPL"), LocalDate.of(2024, 3, 28)))), 1);

        List<String> lines = ProtocolAssertions.validLines(out.all);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"close\":1.5");
        assertThat(lines.get(1)).startsWith("{\"type\":\"STATE\"");
    }

    @Test
    void a_closed_output_stops_every_later_call() {
        AirbyteMessageWriter closed = new AirbyteMessageWriter(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }
        }, CLOCK);

        assertThatThrownBy(() -> closed.log(LogLevel.INFO, "hello"))
                .isInstanceOf(OutputClosedException.class).hasMessageContaining("Broken pipe");
        assertThatThrownBy(() -> closed.checkpoint("stock_prices", StreamState.empty(), 0))
                .isInstanceOf(OutputClosedException.class);
        assertThatThrownBy(closed::flush).isInstanceOf(OutputClosedException.class);
    }

    @Test
    void after_close_nothing_more_is_written() {
        writer.record(StockPrices.STREAM, bar("AAPL", "1.5"), "csv");
        writer.close();

        writer.log(LogLevel.INFO, "too late");
        writer.record(StockPrices.STREAM, bar("AAPL", "2.5"), "csv");
        writer.flush();

        assertThat(ProtocolAssertions.validLines(out.all)).singleElement().asString().contains("\"close\":1.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b+c=d==", "k3y/With+Plus=", "sp ace/é+%", "x\"q\\\\uote/"})
    void a_secret_is_masked_in_every_spelling_in_free_text(String secret) {
        writer.addSecret(secret);
        String url = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        String lowerHex = lower(url);
        String jsonEscaped = new String(JsonStringEncoder.getInstance().quoteAsString(secret)).replace("/", "\\/");

        writer.log(LogLevel.WARN, "raw " + secret + " url " + url + " lower " + lowerHex + " %20 "
                + url.replace("+", "%20") + " body {\"token\":\"" + jsonEscaped + "\"}");
        writer.error(FailureType.CONFIG_ERROR, "GET /x?token=" + url, new IllegalStateException("echo " + secret));
        writer.connectionStatus(false, "rejected " + lowerHex);

        List<String> lines = ProtocolAssertions.validLines(out.all);
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            String text = json(line).toString();
            assertThat(text).doesNotContain(secret, url, lowerHex, url.replace("+", "%20"));
            assertThat(decoded(line)).doesNotContain(secret);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b%2Bc", "a%2Fb%2bc", "a\\/b+c", "k%20y/z|k y/z", "k+y%2Fz|k y/z", "x%3Ay@z%3fw|x:y@z?w"})
    void a_secret_is_masked_however_its_characters_are_mixed_raw_and_encoded(String spelledAndSecret) {
        String[] parts = spelledAndSecret.split("\\|");
        String spelled = parts[0];
        String secret = parts.length > 1 ? parts[1] : "a/b+c";
        writer.addSecret(secret);

        writer.error(FailureType.CONFIG_ERROR, "400: bad apiKey=" + spelled + "&x=1", null);

        assertThat(json(ProtocolAssertions.validLines(out.all).get(0)).at("/trace/error/message").asText())
                .isEqualTo("400: bad apiKey=" + Secrets.MASK + "&x=1");
    }

    @Test
    void a_secret_that_is_a_word_of_the_protocol_never_alters_the_structure_or_a_record() {
        writer.addSecret("date");
        writer.addSecret("type");
        writer.addSecret("AAPL");

        writer.record(StockPrices.STREAM, bar("AAPL", "1.5"), "csv");
        writer.checkpoint("stock_prices", StreamState.of(List.of(
                new SymbolCursor(new Symbol("AAPL"), LocalDate.of(2024, 3, 28)))), 1);
        writer.log(LogLevel.INFO, "the date of AAPL");

        List<String> lines = ProtocolAssertions.validLines(out.all);
        assertThat(lines.get(0)).contains("\"symbol\":\"AAPL\"", "\"date\":\"2024-03-28\"", "\"type\":\"RECORD\"");
        assertThat(json(lines.get(1)).at("/state/stream/stream_state/states/0/cursor/date").asText())
                .isEqualTo("2024-03-28");
        assertThat(json(lines.get(1)).at("/state/stream/stream_state/states/0/partition/symbol").asText())
                .isEqualTo("AAPL");
        assertThat(json(lines.get(2)).at("/log/message").asText()).isEqualTo("the ********** of **********");
        assertThat(json(lines.get(2)).get("type").asText()).isEqualTo("LOG");
    }

    private static String lower(String url) {
        StringBuilder lower = new StringBuilder();
        Matcher hex = Pattern.compile("%[0-9A-F]{2}").matcher(url);
        while (hex.find()) {
            hex.appendReplacement(lower, hex.group().toLowerCase(Locale.ROOT));
        }
        hex.appendTail(lower);
        return lower.toString();
    }

    /** The line with its JSON string escapes undone and URL escapes decoded, to find a secret however spelled. */
    private static String decoded(String line) {
        String text = json(line).toString().replace("\\/", "/");
        StringBuilder all = new StringBuilder(text);
        json(line).findValues("message").forEach(node -> all.append(' ').append(node.asText()));
        try {
            all.append(' ').append(URLDecoder.decode(all.toString().replace("+", "%2B"),
                    StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            // Text that is no valid URL encoding has nothing more to decode.
        }
        return all.toString();
    }

    private static DailyBar bar(String symbol, String close) {
        BigDecimal price = new BigDecimal(close);
        return new DailyBar(new Symbol(symbol), LocalDate.of(2024, 3, 28), price, price, price, price, 100L, price);
    }

    private static JsonNode json(String line) {
        try {
            return AirbyteJson.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
