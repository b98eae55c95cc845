package org.stockticker.adapters.airbyte.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.stockticker.adapters.airbyte.AirbyteJson;
import org.stockticker.adapters.airbyte.ConnectorSpecificationDocument;
import org.stockticker.adapters.airbyte.ProtocolAssertions;
import org.stockticker.adapters.airbyte.protocol.AirbyteErrorTraceMessage.FailureType;
import org.stockticker.application.port.out.ReadReportPort.LogLevel;
import org.stockticker.application.port.out.ReadReportPort.StreamStatus;
import org.stockticker.domain.Catalog;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.StockPrices;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.SymbolCursor;

class AirbyteMessageWriterTest {

    private static final long NOW = 1_711_650_000_123L;
    private static final String SECRET = "sk_SECRET_12345";
    private static final String STREAM = StockPrices.STREAM_NAME;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AirbyteMessageWriter writer = new AirbyteMessageWriter(
            new PrintStream(out, true, StandardCharsets.UTF_8), Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

    @Test
    void every_call_writes_exactly_one_valid_line() {
        writer.spec();
        writer.connectionStatus(true, null);
        writer.catalog(new Catalog(List.of(StockPrices.STREAM)));
        writer.record(StockPrices.STREAM, bar("AAPL", "181.9900"), "csv");
        writer.checkpoint(STREAM, StreamState.empty(), 0);
        writer.status(STREAM, StreamStatus.STARTED);
        writer.estimate(STREAM, 10);
        writer.log(LogLevel.INFO, "line one\nline two");
        writer.error(FailureType.SYSTEM_ERROR, "it broke", new IllegalStateException("multi\nline"));

        List<String> lines = ProtocolAssertions.validLines(out);

        assertThat(lines).hasSize(9);
        assertThat(lines).extracting(line -> json(line).get("type").asText()).containsExactly(
                "SPEC", "CONNECTION_STATUS", "CATALOG", "RECORD", "STATE", "TRACE", "TRACE", "LOG", "TRACE");
    }

    @Test
    void a_record_keeps_decimals_exactly_as_given() {
        writer.record(StockPrices.STREAM, new DailyBar(new Symbol("AAPL"), LocalDate.of(2024, 3, 28),
                new BigDecimal("181.9900"), new BigDecimal("123456789012.567890"), new BigDecimal("0.000000000001"),
                new BigDecimal("1E+11"), 52_000_000L, new BigDecimal("181.99")), "iex");

        String line = onlyLine();

        assertThat(line)
                .contains("\"open\":181.9900")
                .contains("\"high\":123456789012.567890")
                .contains("\"low\":0.000000000001")
                .contains("\"close\":100000000000")
                .contains("\"adjusted_close\":181.99")
                .contains("\"volume\":52000000,")
                .doesNotContainPattern("\\d[eE][+-]?\\d");
        JsonNode data = json(line).get("record").get("data");
        assertThat(data.get("high").decimalValue()).isEqualTo(new BigDecimal("123456789012.567890"));
        assertThat(data.get("volume").isIntegralNumber()).isTrue();
        assertThat(data.get("symbol").asText()).isEqualTo("AAPL");
        assertThat(data.get("date").asText()).isEqualTo("2024-03-28");
        assertThat(data.get("provider").asText()).isEqualTo("iex");
        assertThat(json(line).get("record").get("stream").asText()).isEqualTo(STREAM);
        assertThat(json(line).get("record").get("emitted_at").asLong()).isEqualTo(NOW);
    }

    @Test
    void a_record_is_byte_for_byte_the_line_the_protocol_classes_give() {
        List<DailyBar> bars = List.of(
                new DailyBar(new Symbol("AAPL"), LocalDate.of(2024, 3, 28), new BigDecimal("181.9900"),
                        new BigDecimal("123456789012.567890"), new BigDecimal("0.000000000001"),
                        new BigDecimal("1E+11"), 52_000_000L, new BigDecimal("181.99")),
                new DailyBar(new Symbol("BRK.B"), LocalDate.of(1999, 12, 31), null, null, null,
                        new BigDecimal("1.5E-3"), null, null),
                new DailyBar(new Symbol("X"), LocalDate.of(2024, 1, 2), BigDecimal.ONE, new BigDecimal("2.50"),
                        BigDecimal.ONE, new BigDecimal("2"), Long.MAX_VALUE, new BigDecimal("0.0001")),
                new DailyBar(new Symbol("OLD"), LocalDate.of(999, 7, 9), null, null, null, BigDecimal.TEN, 0L, null),
                new DailyBar(new Symbol("FAR"), LocalDate.of(12_345, 10, 31), null, null, null, BigDecimal.TEN, 0L,
                        null));

        for (DailyBar bar : bars) {
            out.reset();
            writer.record(StockPrices.STREAM, bar, "polygon");

            assertThat(onlyLine()).isEqualTo(asProtocolClassesWriteIt(bar, "polygon"));
        }
    }

    @Test
    void random_prices_are_written_byte_for_byte_as_the_protocol_classes_write_them() {
        java.util.Random random = new java.util.Random(11);
        int written = 0;
        for (int i = 0; i < 10_000; i++) {
            BigDecimal price = BigDecimal.valueOf(random.nextLong() >>> random.nextInt(64), random.nextInt(24) - 2);
            BigDecimal positive = price.signum() > 0 ? price : BigDecimal.ONE;
            if (positive.precision() > DailyBar.MAX_PRICE_DIGITS || positive.scale() > DailyBar.MAX_PRICE_SCALE
                    || positive.compareTo(DailyBar.MAX_PRICE) >= 0) {
                continue;
            }
            written++;
            DailyBar bar = new DailyBar(new Symbol("R"), LocalDate.of(2024, 1, 2), positive, positive, positive,
                    positive, random.nextLong() >>> 1, positive);
            out.reset();
            writer.record(StockPrices.STREAM, bar, "iex");

            assertThat(onlyLine()).as(price.toString()).isEqualTo(asProtocolClassesWriteIt(bar, "iex"));
        }
        assertThat(written).isGreaterThan(3_000);
    }

    @Test
    void plain_decimal_text_is_what_to_plain_string_gives() {
        char[] text = new char[21];
        long[] unscaled = {0, 5, -5, 12345, -12345, 999_999_999_999_999_999L, -999_999_999_999_999_999L, 100};
        for (long value : unscaled) {
            for (int scale = 0; scale <= 18; scale++) {
                int start = RecordEncoder.plain(text, value, scale);

                assertThat(new String(text, start, text.length - start)).as(value + " scale " + scale)
                        .isEqualTo(BigDecimal.valueOf(value, scale).toPlainString());
            }
        }
    }

    @Test
    void records_wait_in_the_buffer_until_the_next_other_message_then_come_before_it() {
        writer.record(StockPrices.STREAM, bar("AAPL", "1.5"), "csv");
        writer.record(StockPrices.STREAM, bar("MSFT", "2.5"), "csv");

        assertThat(out.size()).isZero();

        writer.checkpoint(STREAM, StreamState.empty(), 2);

        assertThat(ProtocolAssertions.validLines(out)).extracting(line -> json(line).get("type").asText())
                .containsExactly("RECORD", "RECORD", "STATE");
    }

    @Test
    void messages_written_by_several_threads_at_once_stay_whole_lines() throws Exception {
        Thread logger = new Thread(() -> {
            for (int i = 0; i < 2_000; i++) {
                writer.log(LogLevel.WARN, "retrying " + i);
            }
        });
        logger.start();
        for (int i = 0; i < 2_000; i++) {
            writer.record(StockPrices.STREAM, bar("AAPL", "1." + i), "csv");
        }
        logger.join();
        writer.flush();

        List<String> lines = ProtocolAssertions.validLines(out);

        assertThat(lines).hasSize(4_000);
        assertThat(lines).filteredOn(line -> line.startsWith("{\"type\":\"RECORD\"")).hasSize(2_000);
    }

    @Test
    void a_record_writes_missing_values_as_null() {
        writer.record(StockPrices.STREAM, new DailyBar(new Symbol("MSFT"), LocalDate.of(2024, 3, 28),
                null, null, null, new BigDecimal("421.43"), null, null), "csv");

        String line = onlyLine();

        assertThat(line).contains("\"open\":null", "\"high\":null", "\"low\":null", "\"volume\":null",
                "\"adjusted_close\":null", "\"close\":421.43");
    }

    @Test
    void a_state_has_the_per_partition_layout_ordered_by_symbol() {
        StreamState state = StreamState.of(List.of(
                new SymbolCursor(new Symbol("MSFT"), LocalDate.of(2024, 3, 27)),
                new SymbolCursor(new Symbol("AAPL"), LocalDate.of(2024, 3, 28))));

        writer.checkpoint(STREAM, state, 3);

        assertThat(onlyLine()).isEqualTo("{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":"
                + "{\"stream_descriptor\":{\"name\":\"stock_prices\"},\"stream_state\":{\"states\":["
                + "{\"partition\":{\"symbol\":\"AAPL\"},\"cursor\":{\"date\":\"2024-03-28\"}},"
                + "{\"partition\":{\"symbol\":\"MSFT\"},\"cursor\":{\"date\":\"2024-03-27\"}}]}},"
                + "\"sourceStats\":{\"recordCount\":3.0}}}");
    }

    @Test
    void a_whole_market_state_is_one_date_with_the_last_symbol_of_a_day_read_part_way() {
        writer.checkpoint(STREAM, StreamState.forEverySymbol(LocalDate.of(2024, 3, 27)), 12_000);
        writer.checkpoint(STREAM, StreamState.forEverySymbolThrough(LocalDate.of(2024, 3, 28), new Symbol("MSFT")),
                10_000);

        writer.flush();
        assertThat(ProtocolAssertions.validLines(out)).containsExactly(
                "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":"
                + "{\"stream_descriptor\":{\"name\":\"stock_prices\"},\"stream_state\":{\"date\":\"2024-03-27\"}},"
                + "\"sourceStats\":{\"recordCount\":12000.0}}}",
                "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":"
                + "{\"stream_descriptor\":{\"name\":\"stock_prices\"},\"stream_state\":{\"date\":\"2024-03-28\","
                + "\"through_symbol\":\"MSFT\"}},\"sourceStats\":{\"recordCount\":10000.0}}}");
    }

    @Test
    void an_empty_state_still_carries_the_stream_and_a_zero_count() {
        writer.checkpoint(STREAM, StreamState.empty(), 0);

        JsonNode state = json(onlyLine()).get("state");
        assertThat(state.get("stream").get("stream_state").get("states").isEmpty()).isTrue();
        assertThat(state.get("sourceStats").get("recordCount").asDouble()).isZero();
    }

    @ParameterizedTest
    @EnumSource(StreamStatus.class)
    void a_stream_status_is_a_trace(StreamStatus status) {
        writer.status(STREAM, status);

        String line = onlyLine();
        JsonNode trace = json(line).get("trace");
        assertThat(trace.get("type").asText()).isEqualTo("STREAM_STATUS");
        assertThat(trace.get("stream_status").get("stream_descriptor").get("name").asText()).isEqualTo(STREAM);
        assertThat(trace.get("stream_status").get("status").asText()).isEqualTo(status.name());
        assertThat(line).contains("\"emitted_at\":" + NOW + "}");
    }

    @Test
    void a_rate_limit_is_a_running_status_with_the_rate_limited_reason_and_its_reset() {
        writer.rateLimited(STREAM, java.time.Instant.ofEpochMilli(1_706_800_000_000L));

        JsonNode status = json(onlyLine()).get("trace").get("stream_status");
        assertThat(status.get("status").asText()).isEqualTo("RUNNING");
        assertThat(status.get("reasons").toString())
                .isEqualTo("[{\"type\":\"RATE_LIMITED\",\"rate_limited\":{\"quota_reset\":1706800000000}}]");
    }

    @Test
    void an_estimate_is_a_stream_trace_with_a_row_count() {
        writer.estimate(STREAM, 1_250);

        String line = onlyLine();
        JsonNode estimate = json(line).get("trace").get("estimate");
        assertThat(json(line).get("trace").get("type").asText()).isEqualTo("ESTIMATE");
        assertThat(estimate.get("name").asText()).isEqualTo(STREAM);
        assertThat(estimate.get("type").asText()).isEqualTo("STREAM");
        assertThat(estimate.get("row_estimate").isIntegralNumber()).isTrue();
        assertThat(estimate.get("row_estimate").asLong()).isEqualTo(1_250);
    }

    static Stream<Arguments> failure_types() {
        return Stream.of(
                arguments(FailureType.CONFIG_ERROR, "config_error"),
                arguments(FailureType.TRANSIENT_ERROR, "transient_error"),
                arguments(FailureType.SYSTEM_ERROR, "system_error"));
    }

    @ParameterizedTest
    @MethodSource("failure_types")
    void an_error_trace_carries_its_failure_type_and_no_stack_trace_without_a_cause(FailureType type, String wire) {
        writer.error(type, "tickers[0] is not a symbol", null);

        String line = onlyLine();
        JsonNode trace = json(line).get("trace");
        assertThat(trace.get("type").asText()).isEqualTo("ERROR");
        assertThat(trace.get("error").get("failure_type").asText()).isEqualTo(wire);
        assertThat(trace.get("error").get("message").asText()).isEqualTo("tickers[0] is not a symbol");
        assertThat(trace.get("error").has("stack_trace")).isFalse();
        assertThat(trace.get("error").has("internal_message")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("failure_types")
    void an_error_with_a_cause_puts_the_stack_trace_in_the_internal_fields(FailureType type, String wire) {
        IllegalStateException cause = new IllegalStateException("socket closed");

        writer.error(type, "The provider could not be reached", cause);

        JsonNode error = json(onlyLine()).get("trace").get("error");
        assertThat(error.get("failure_type").asText()).isEqualTo(wire);
        assertThat(error.get("message").asText()).isEqualTo("The provider could not be reached");
        assertThat(error.get("internal_message").asText()).isEqualTo("java.lang.IllegalStateException: socket closed");
        assertThat(error.get("stack_trace").asText())
                .startsWith("java.lang.IllegalStateException: socket closed")
                .contains("\tat " + AirbyteMessageWriterTest.class.getName());
    }

    @Test
    void emitted_at_of_a_trace_is_the_clocks_millis_as_a_whole_number() {
        writer.error(FailureType.CONFIG_ERROR, "bad", null);

        String line = onlyLine();
        JsonNode emittedAt = json(line).get("trace").get("emitted_at");
        assertThat(emittedAt.isIntegralNumber()).isTrue();
        assertThat(emittedAt.asLong()).isEqualTo(NOW);
        assertThat(line).contains("\"emitted_at\":" + NOW + "}").doesNotContain(NOW + ".0");
    }

    @Test
    void a_secret_is_masked_in_log_lines() {
        writer.addSecret(SECRET);

        writer.log(LogLevel.WARN, "GET https://cloud.iexapis.com/stable/stock/AAPL/chart/5d?token=" + SECRET);

        String line = onlyLine();
        assertThat(line).doesNotContain(SECRET).contains("token=**********");
        assertThat(json(line).get("log").get("level").asText()).isEqualTo("WARN");
    }

    @Test
    void a_secret_is_masked_in_every_field_of_an_error() {
        writer.addSecret(SECRET);

        writer.error(FailureType.CONFIG_ERROR, "The key " + SECRET + " was rejected",
                new IllegalStateException("401 for token=" + SECRET, new RuntimeException("inner " + SECRET)));

        String line = onlyLine();
        JsonNode error = json(line).get("trace").get("error");
        assertThat(line).doesNotContain(SECRET);
        assertThat(error.get("message").asText()).isEqualTo("The key ********** was rejected");
        assertThat(error.get("internal_message").asText()).contains("token=**********");
        assertThat(error.get("stack_trace").asText()).contains("token=**********").contains("inner **********");
    }

    @Test
    void a_secret_is_masked_in_a_connection_status() {
        writer.addSecret(SECRET);

        writer.connectionStatus(false, "The key " + SECRET + " was rejected by IEX");

        JsonNode status = json(onlyLine()).get("connectionStatus");
        assertThat(status.get("status").asText()).isEqualTo("FAILED");
        assertThat(status.get("message").asText()).isEqualTo("The key ********** was rejected by IEX");
    }

    @Test
    void a_secret_that_json_escapes_is_masked_in_its_escaped_form() {
        String secret = "pa\"ss\\w0rd";
        writer.addSecret(secret);

        writer.log(LogLevel.INFO, "password " + secret + " used");

        String line = onlyLine();
        assertThat(json(line).get("log").get("message").asText()).isEqualTo("password ********** used");
    }

    @Test
    void masking_a_secret_that_ends_with_a_backslash_keeps_the_line_valid_json() {
        writer.addSecret("key\\");

        writer.log(LogLevel.INFO, "the key\\ is here");

        String line = onlyLine();
        ProtocolAssertions.assertValidAirbyteMessage(line);
        assertThat(json(line).get("log").get("message").asText()).isEqualTo("the ********** is here");
    }

    @Test
    void records_are_written_before_and_after_a_secret_is_added_without_change() {
        writer.addSecret("AAPL-secret");
        writer.record(StockPrices.STREAM, bar("AAPL", "1.5"), "csv");

        assertThat(json(onlyLine()).get("record").get("data").get("symbol").asText()).isEqualTo("AAPL");
    }

    @Test
    void a_blank_or_null_secret_is_ignored() {
        writer.addSecret(" ");
        writer.addSecret(null);

        writer.log(LogLevel.INFO, "a b c");

        assertThat(json(onlyLine()).get("log").get("message").asText()).isEqualTo("a b c");
    }

    @Test
    void the_catalog_has_the_stream_schema_with_required_non_null_fields() {
        writer.catalog(new Catalog(List.of(StockPrices.STREAM)));

        JsonNode stream = json(onlyLine()).get("catalog").get("streams").get(0);
        assertThat(stream.get("name").asText()).isEqualTo(STREAM);
        assertThat(texts(stream.get("supported_sync_modes"))).containsExactly("full_refresh", "incremental");
        assertThat(stream.get("source_defined_cursor").asBoolean()).isTrue();
        assertThat(texts(stream.get("default_cursor_field"))).containsExactly("date");
        assertThat(stream.get("source_defined_primary_key").toString()).isEqualTo("[[\"symbol\"],[\"date\"]]");
        assertThat(stream.get("is_resumable").asBoolean()).isTrue();
        JsonNode schema = stream.get("json_schema");
        assertThat(schema.get("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");
        assertThat(schema.get("additionalProperties").asBoolean()).isTrue();
        assertThat(texts(schema.get("required"))).containsExactlyInAnyOrder("symbol", "date", "close", "provider");
        JsonNode properties = schema.get("properties");
        assertThat(texts(properties.fieldNames())).containsExactly(
                "symbol", "date", "open", "high", "low", "close", "volume", "adjusted_close", "provider");
        assertThat(properties.get("symbol").get("type").asText()).isEqualTo("string");
        assertThat(properties.get("date").get("type").asText()).isEqualTo("string");
        assertThat(properties.get("date").get("format").asText()).isEqualTo("date");
        assertThat(properties.get("close").get("type").asText()).isEqualTo("number");
        assertThat(texts(properties.get("open").get("type"))).containsExactly("number", "null");
        assertThat(texts(properties.get("volume").get("type"))).containsExactly("integer", "null");
        assertThat(texts(properties.get("adjusted_close").get("type"))).containsExactly("number", "null");
    }

    @Test
    void the_spec_carries_the_connection_specification() {
        writer.spec();

        JsonNode spec = json(onlyLine()).get("spec");
        assertThat(spec.get("connectionSpecification"))
                .isEqualTo(ConnectorSpecificationDocument.connectionSpecification());
        assertThat(spec.get("supportsIncremental").asBoolean()).isTrue();
        assertThat(spec.get("documentationUrl").asText()).startsWith("https://");
    }

    @Test
    void the_protocol_check_rejects_a_line_that_is_not_a_message() {
        assertThat(ProtocolAssertions.protocolErrors("{\"type\":\"TRACE\",\"trace\":{\"type\":\"ERROR\"}}"))
                .isNotEmpty();
        assertThat(ProtocolAssertions.protocolErrors("{\"type\":\"GREETING\"}")).isNotEmpty();
        assertThatThrownBy(() -> ProtocolAssertions.assertValidAirbyteMessage("{\"type\":\"LOG\"} trailing"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ProtocolAssertions.assertValidAirbyteMessage(
                "{\"type\":\"LOG\",\"log\":{\"level\":\"LOUD\",\"message\":\"x\"}}"))
                .isInstanceOf(AssertionError.class);
    }

    private String onlyLine() {
        writer.flush();
        List<String> lines = ProtocolAssertions.validLines(out);
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    /** The record as the generated protocol classes serialize it: the reference for the streaming writer. */
    private static String asProtocolClassesWriteIt(DailyBar bar, String provider) {
        com.fasterxml.jackson.databind.node.ObjectNode data =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true).objectNode();
        data.put("symbol", bar.symbol().value());
        data.put("date", bar.date().toString());
        data.put("open", bar.open());
        data.put("high", bar.high());
        data.put("low", bar.low());
        data.put("close", bar.close());
        data.put("volume", bar.volume());
        data.put("adjusted_close", bar.adjustedClose());
        data.put("provider", provider);
        try {
            return AirbyteJson.mapper().writeValueAsString(new org.stockticker.adapters.airbyte.protocol.AirbyteMessage()
                    .withType(org.stockticker.adapters.airbyte.protocol.AirbyteMessage.Type.RECORD)
                    .withRecord(new org.stockticker.adapters.airbyte.protocol.AirbyteRecordMessage()
                            .withStream(STREAM).withData(data).withEmittedAt(NOW)));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static DailyBar bar(String symbol, String close) {
        BigDecimal price = new BigDecimal(close);
        return new DailyBar(new Symbol(symbol), LocalDate.of(2024, 3, 28), price, price, price, price, 100L, price);
    }

    private static List<String> texts(JsonNode array) {
        return texts(array.elements());
    }

    private static List<String> texts(java.util.Iterator<?> items) {
        List<String> texts = new java.util.ArrayList<>();
        items.forEachRemaining(item -> texts.add(item instanceof JsonNode node ? node.asText() : item.toString()));
        return texts;
    }

    private static JsonNode json(String line) {
        try {
            return AirbyteJson.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
