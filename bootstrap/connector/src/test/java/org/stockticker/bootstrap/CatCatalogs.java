package org.stockticker.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.stockticker.adapters.airbyte.input.ProtocolSchema;

/**
 * Configured catalogs built and written the way Airbyte's Connector Acceptance Test 3.x builds and writes them
 * ({@code connector_acceptance_test/utils/common.py}, {@code conftest.py}): from the discovered catalog, or from a
 * custom configured catalog whose stream descriptions are replaced with the discovered ones; then written by the
 * protocol's Python models, which put every field of {@code ConfiguredAirbyteCatalog}, {@code ConfiguredAirbyteStream}
 * and {@code AirbyteStream} in the file, {@code null} where it is absent.
 */
final class CatCatalogs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CatCatalogs() {
    }

    /**
     * basic_read's catalog when no custom one is given (always, at high strictness): every discovered stream in its
     * first supported sync mode, appended, with its default cursor and the source's primary key.
     */
    static ObjectNode fromDiscovered(JsonNode discovered) {
        ArrayNode streams = NODES.arrayNode();
        for (JsonNode stream : discovered.get("streams")) {
            ObjectNode configured = NODES.objectNode();
            configured.set("stream", stream.deepCopy());
            configured.set("sync_mode", stream.get("supported_sync_modes").get(0).deepCopy());
            configured.put("destination_sync_mode", "append");
            configured.set("cursor_field", copyOrNull(stream.get("default_cursor_field")));
            configured.set("primary_key", copyOrNull(stream.get("source_defined_primary_key")));
            streams.add(configured);
        }
        ObjectNode catalog = NODES.objectNode();
        catalog.set("streams", streams);
        return asWritten(catalog);
    }

    /** A custom configured catalog, each stream's description replaced with the one discover gives. */
    static ObjectNode fromCustom(JsonNode custom, JsonNode discovered) {
        Map<String, JsonNode> byName = new HashMap<>();
        discovered.get("streams").forEach(stream -> byName.put(stream.get("name").asText(), stream));
        ObjectNode catalog = custom.deepCopy();
        for (JsonNode configured : catalog.get("streams")) {
            String name = configured.get("stream").get("name").asText();
            JsonNode stream = byName.get(name);
            if (stream == null) {
                throw new AssertionError("the custom catalog's stream " + name + " is not in the discovered catalog");
            }
            ((ObjectNode) configured).set("stream", stream.deepCopy());
        }
        return asWritten(catalog);
    }

    /**
     * CAT's {@code full_refresh_only_catalog} and {@code incremental_only_catalog}: the streams that support
     * {@code mode}, set to it; for incremental, a stream without a cursor_field takes its default one.
     */
    static ObjectNode onlyMode(JsonNode catalog, String mode) {
        ArrayNode streams = NODES.arrayNode();
        for (JsonNode configured : catalog.get("streams")) {
            if (contains(configured.get("stream").get("supported_sync_modes"), mode)) {
                ObjectNode copy = configured.deepCopy();
                copy.put("sync_mode", mode);
                if (mode.equals("incremental") && !copy.path("cursor_field").isArray()) {
                    copy.set("cursor_field", copyOrNull(copy.get("stream").get("default_cursor_field")));
                }
                streams.add(copy);
            }
        }
        ObjectNode copy = catalog.deepCopy();
        copy.set("streams", streams);
        return asWritten(copy);
    }

    /** {@code catalog} as the Python models write it: every field the protocol defines present, null where absent. */
    static ObjectNode asWritten(JsonNode catalog) {
        ObjectNode written = catalog.deepCopy();
        withNulls(written, "ConfiguredAirbyteCatalog");
        for (JsonNode configured : written.get("streams")) {
            withNulls((ObjectNode) configured, "ConfiguredAirbyteStream");
            withNulls((ObjectNode) configured.get("stream"), "AirbyteStream");
        }
        return written;
    }

    private static void withNulls(ObjectNode node, String definition) {
        ProtocolSchema.definition(definition).get("properties").fieldNames().forEachRemaining(field -> {
            if (!node.has(field)) {
                node.putNull(field);
            }
        });
    }

    private static JsonNode copyOrNull(JsonNode node) {
        return node == null ? NODES.nullNode() : node.deepCopy();
    }

    static boolean contains(JsonNode array, String value) {
        for (JsonNode element : array) {
            if (element.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
