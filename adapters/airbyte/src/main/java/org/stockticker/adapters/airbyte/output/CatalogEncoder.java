package org.stockticker.adapters.airbyte.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stockticker.adapters.airbyte.protocol.AirbyteCatalog;
import org.stockticker.adapters.airbyte.protocol.AirbyteStream;
import org.stockticker.adapters.airbyte.protocol.SyncMode;
import org.stockticker.domain.Catalog;
import org.stockticker.domain.FieldType;
import org.stockticker.domain.StreamDefinition;
import org.stockticker.domain.StreamField;

/** The protocol's catalog of the source's streams, each schema made from the stream's definition. */
final class CatalogEncoder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CatalogEncoder() {
    }

    static AirbyteCatalog catalog(Catalog catalog) {
        return new AirbyteCatalog().withStreams(catalog.streams().stream().map(CatalogEncoder::stream).toList());
    }

    private static AirbyteStream stream(StreamDefinition<?> definition) {
        List<SyncMode> modes = new ArrayList<>();
        for (org.stockticker.domain.SyncMode mode : org.stockticker.domain.SyncMode.values()) {
            if (definition.supports(mode)) {
                modes.add(SyncMode.fromValue(mode.name().toLowerCase(Locale.ROOT)));
            }
        }
        AirbyteStream stream = new AirbyteStream()
                .withName(definition.name())
                .withJsonSchema(jsonSchema(definition))
                .withSupportedSyncModes(modes)
                .withSourceDefinedPrimaryKey(definition.primaryKey().stream().map(List::of).toList())
                .withIsResumable(definition.hasCursor());
        if (definition.hasCursor()) {
            stream.withSourceDefinedCursor(true).withDefaultCursorField(List.of(definition.cursorField()));
        }
        return stream;
    }

    /** The draft-07 schema of a stream's records. */
    static JsonNode jsonSchema(StreamDefinition<?> definition) {
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("type", "object");
        schema.put("additionalProperties", true);
        ArrayNode required = schema.putArray("required");
        ObjectNode properties = schema.putObject("properties");
        for (StreamField<?> field : definition.fields()) {
            ObjectNode property = properties.putObject(field.name());
            String type = switch (field.type()) {
                case STRING, DATE -> "string";
                case NUMBER -> "number";
                case INTEGER -> "integer";
                case BOOLEAN -> "boolean";
            };
            if (field.nullable()) {
                property.putArray("type").add(type).add("null");
            } else {
                property.put("type", type);
                required.add(field.name());
            }
            if (field.type() == FieldType.DATE) {
                property.put("format", "date");
            }
            field.description().ifPresent(description -> property.put("description", description));
        }
        return schema;
    }
}
