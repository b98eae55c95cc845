package org.stockticker.adapters.airbyte.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The project's structural copy of the Airbyte protocol schema, the same file the protocol classes come from. */
public final class ProtocolSchema {

    /** Where the copy lives on the class path. */
    public static final String RESOURCE = "/airbyte/airbyte_protocol.yaml";

    private static final JsonNode DOCUMENT = load();

    private ProtocolSchema() {
    }

    /**
     * One definition of the protocol, such as {@code AirbyteMessage}, as a self-contained draft-07 schema: the
     * definitions it refers to travel with it.
     */
    public static JsonNode definition(String name) {
        JsonNode definition = DOCUMENT.get("definitions").get(name);
        if (definition == null) {
            throw new IllegalArgumentException("the protocol defines no " + name);
        }
        ObjectNode schema = ((ObjectNode) definition).deepCopy();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.set("definitions", DOCUMENT.get("definitions").deepCopy());
        return schema;
    }

    private static JsonNode load() {
        try (InputStream in = ProtocolSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("resource " + RESOURCE + " cannot be read", e);
        }
    }
}
