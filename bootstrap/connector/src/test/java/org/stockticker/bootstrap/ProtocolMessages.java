package org.stockticker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stockticker.adapters.airbyte.AirbyteJson;
import org.stockticker.adapters.airbyte.input.ProtocolSchema;

/**
 * Checks connector output the way the platform reads it: every stdout line one AirbyteMessage valid against the
 * protocol schema, and every record valid against the schema its stream declares.
 */
final class ProtocolMessages {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final Schema AIRBYTE_MESSAGE = definition("AirbyteMessage");

    private ProtocolMessages() {
    }

    /** Parses and validates each line; fails on the first line that is not a valid AirbyteMessage. */
    static List<JsonNode> parse(List<String> lines) {
        List<JsonNode> messages = new ArrayList<>();
        for (String line : lines) {
            JsonNode message;
            try {
                message = AirbyteJson.mapper().readTree(line);
            } catch (Exception e) {
                throw new AssertionError("stdout line is not JSON: " + line, e);
            }
            List<Error> errors = AIRBYTE_MESSAGE.validate(line, InputFormat.JSON);
            assertThat(errors).as("protocol violations of %s", line).isEmpty();
            messages.add(message);
        }
        return messages;
    }

    /** Validates each record against the stream schema of {@code catalog}, strictly: no undeclared field. */
    static void assertRecordsConform(List<JsonNode> messages, JsonNode streamSchema) {
        Schema schema = REGISTRY.getSchema(streamSchema.toString(), InputFormat.JSON);
        Set<String> declared = new HashSet<>();
        streamSchema.get("properties").fieldNames().forEachRemaining(declared::add);
        for (JsonNode message : messages) {
            if (!message.get("type").asText().equals("RECORD")) {
                continue;
            }
            JsonNode data = message.get("record").get("data");
            assertThat(schema.validate(data.toString(), InputFormat.JSON)).as("record %s", data).isEmpty();
            data.fieldNames().forEachRemaining(name -> assertThat(declared).as("declared fields").contains(name));
            streamSchema.get("properties").fields().forEachRemaining(property -> {
                JsonNode value = data.get(property.getKey());
                if (value != null && !value.isNull() && property.getValue().get("type").toString().contains("integer")) {
                    assertThat(value.isIntegralNumber()).as("%s is an integer in %s", property.getKey(), data).isTrue();
                }
            });
        }
    }

    private static Schema definition(String name) {
        return REGISTRY.getSchema(ProtocolSchema.definition(name).toString(), InputFormat.JSON);
    }
}
