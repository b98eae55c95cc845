package org.stockticker.adapters.airbyte;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The connector's specification, kept as a resource: the schema every configuration is validated against.
 *
 * <p>The {@code spec} command only copies it, token by token, so that answering it loads no object mapper.
 */
public final class ConnectorSpecificationDocument {

    private static final String RESOURCE = "/airbyte/spec.json";

    private ConnectorSpecificationDocument() {
    }

    /** The JSON schema of a configuration. */
    public static JsonNode connectionSpecification() {
        return Parsed.DOCUMENT.get("connectionSpecification").deepCopy();
    }

    /** The whole ConnectorSpecification as compact JSON, on one line, numbers and all exactly as written. */
    public static String compactJson() {
        StringWriter json = new StringWriter();
        JsonFactory factory = new JsonFactory();
        try (InputStream in = open();
                JsonParser parser = factory.createParser(in);
                JsonGenerator generator = factory.createGenerator(json)) {
            parser.nextToken();
            generator.copyCurrentStructure(parser);
        } catch (IOException e) {
            throw new UncheckedIOException("resource " + RESOURCE + " cannot be read", e);
        }
        return json.toString();
    }

    private static InputStream open() {
        InputStream in = ConnectorSpecificationDocument.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
        }
        return in;
    }

    /** The parsed document, read on first use only. */
    private static final class Parsed {

        private static final JsonNode DOCUMENT = load();

        private Parsed() {
        }
    }

    private static JsonNode load() {
        try (InputStream in = open()) {
            return AirbyteJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("resource " + RESOURCE + " cannot be read", e);
        }
    }
}
