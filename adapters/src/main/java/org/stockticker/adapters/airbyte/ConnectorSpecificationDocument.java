package org.stockticker.adapters.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The connector's specification, kept as a resource: the schema every configuration is validated against. */
public final class ConnectorSpecificationDocument {

    private static final String RESOURCE = "/airbyte/spec.json";

    private static final JsonNode DOCUMENT = load();

    private ConnectorSpecificationDocument() {
    }

    /** The whole ConnectorSpecification, as the {@code spec} command answers it. */
    public static JsonNode document() {
        return DOCUMENT.deepCopy();
    }

    /** The JSON schema of a configuration. */
    public static JsonNode connectionSpecification() {
        return DOCUMENT.get("connectionSpecification").deepCopy();
    }

    private static JsonNode load() {
        try (InputStream in = ConnectorSpecificationDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            }
            return AirbyteJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("resource " + RESOURCE + " cannot be read", e);
        }
    }
}
