package org.stockticker.adapters.airbyte.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.stockticker.adapters.airbyte.AirbyteJson;
import org.stockticker.adapters.airbyte.ProtocolAssertions;
import org.stockticker.adapters.airbyte.output.AirbyteMessageWriter;

class AirbyteLogProviderTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AirbyteLogProvider provider = new AirbyteLogProvider();

    @BeforeEach
    void route_to_a_writer() {
        AirbyteLogProvider.routeTo(new AirbyteMessageWriter(new PrintStream(out, true, StandardCharsets.UTF_8),
                Clock.systemUTC()));
    }

    @AfterEach
    void restore_the_default_route() {
        AirbyteLogProvider.routeTo(null);
    }

    @Test
    void the_connectors_own_info_and_warn_lines_become_log_messages_with_formatted_arguments() {
        Logger logger = provider.getLoggerFactory().getLogger("org.stockticker.x");

        logger.info("Read {} bars for {}", 42, "AAPL");
        logger.warn("Dropped the bar of {}: no close", "2024-03-28");

        assertThat(logs()).containsExactly(
                "INFO Read 42 bars for AAPL",
                "WARN Dropped the bar of 2024-03-28: no close");
    }

    @Test
    void the_connectors_own_debug_lines_are_dropped() {
        Logger logger = provider.getLoggerFactory().getLogger("org.stockticker.x");

        logger.debug("details {}", 1);
        logger.trace("more details");

        assertThat(logger.isInfoEnabled()).isTrue();
        assertThat(logger.isDebugEnabled()).isFalse();
        assertThat(out.size()).isZero();
    }

    @Test
    void a_third_party_logger_drops_info_but_passes_warn() {
        Logger logger = provider.getLoggerFactory().getLogger("com.example");

        logger.info("connection pool started");
        logger.warn("retrying {} in {} ms", "GET /chart", 500);

        assertThat(logger.isInfoEnabled()).isFalse();
        assertThat(logs()).containsExactly("WARN retrying GET /chart in 500 ms");
    }

    @Test
    void an_error_with_a_throwable_names_the_throwable_in_the_message() {
        Logger logger = provider.getLoggerFactory().getLogger("com.example");

        logger.error("request failed", new IllegalStateException("timeout"));

        assertThat(logs()).containsExactly("ERROR request failed (java.lang.IllegalStateException: timeout)");
    }

    @Test
    void a_name_that_merely_starts_like_the_connectors_package_is_third_party() {
        Logger logger = provider.getLoggerFactory().getLogger("org.stocktickerfan.Tool");

        logger.info("hello");

        assertThat(out.size()).isZero();
    }

    @Test
    void the_same_name_gives_the_same_logger() {
        assertThat(provider.getLoggerFactory().getLogger("org.stockticker.y"))
                .isSameAs(provider.getLoggerFactory().getLogger("org.stockticker.y"));
    }

    /** Each LOG line as "LEVEL message", after checking it is a valid AirbyteMessage. */
    private List<String> logs() {
        return ProtocolAssertions.validLines(out).stream().map(AirbyteLogProviderTest::json).map(message -> {
            assertThat(message.get("type").asText()).isEqualTo("LOG");
            return message.get("log").get("level").asText() + " " + message.get("log").get("message").asText();
        }).toList();
    }

    private static JsonNode json(String line) {
        try {
            return AirbyteJson.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
