package org.stockticker.adapters.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    public static JsonNode document() {
        return DOCUMENT;
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
