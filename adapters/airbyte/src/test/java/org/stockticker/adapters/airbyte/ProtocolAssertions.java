package org.stockticker.adapters.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.stockticker.adapters.airbyte.input.ProtocolSchema;

/**
 * Checks output lines against the project's structural copy of the Airbyte protocol schema, so a test fails on
 * any line the platform would not accept as an AirbyteMessage.
 */
public final class ProtocolAssertions {

    private static final Schema AIRBYTE_MESSAGE = airbyteMessageSchema();

    private ProtocolAssertions() {
    }

    /** The problems the protocol schema finds in one line of output; empty when the line is a valid message. */
    public static List<Error> protocolErrors(String line) {
        return AIRBYTE_MESSAGE.validate(line, InputFormat.JSON);
    }

    /** Fails unless {@code line} is one AirbyteMessage as the protocol schema defines it. */
    public static void assertValidAirbyteMessage(String line) {
        try {
            AirbyteJson.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not one JSON value: " + line + " (" + e.getOriginalMessage() + ")", e);
        }
        assertThat(protocolErrors(line))
                .as("protocol errors of %s", line)
                .isEmpty();
    }

    /** The lines written to {@code out}, each checked to be a valid AirbyteMessage. */
    public static List<String> validLines(ByteArrayOutputStream out) {
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).as("output ends with a line break").endsWith(System.lineSeparator());
        List<String> lines = Arrays.asList(text.split("\\R"));
        lines.forEach(ProtocolAssertions::assertValidAirbyteMessage);
        return lines;
    }

    private static Schema airbyteMessageSchema() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(ProtocolSchema.definition("AirbyteMessage").toString(), InputFormat.JSON);
    }
}
