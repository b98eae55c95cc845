package org.stockticker.adapters.airbyte.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.domain.ConfiguredCatalog;
import org.stockticker.domain.ConfiguredStream;
import org.stockticker.domain.SyncMode;

/**
 * Reads a configured catalog, checked against the protocol's own {@code ConfiguredAirbyteCatalog} schema. Which
 * streams and modes the source supports is the read's business, not this reader's.
 *
 * <p>Catalogs are read as Airbyte's own tools write them: its Python models write every optional field, with
 * {@code null} where it is absent ({@code "namespace": null}, {@code "cursor_field": null}, ...), so a {@code null}
 * member means the member is absent; fields of newer protocol versions ({@code generation_id}, {@code sync_id},
 * {@code include_files}, ...) are accepted and ignored, as the schema's {@code additionalProperties} allows.
 */
public final class CatalogReader {

    private final JsonSchemaCheck schema = new JsonSchemaCheck(ProtocolSchema.definition("ConfiguredAirbyteCatalog"));

    public ConfiguredCatalog read(Path path) {
        return parse(new InputFile("--catalog", path).json());
    }

    ConfiguredCatalog parse(JsonNode catalog) {
        if (!catalog.isObject()) {
            throw new InvalidInputException("Invalid catalog: it must be a JSON object with a streams array");
        }
        JsonNode present = withoutNullMembers(catalog);
        List<String> problems = schema.problems(present, "", Set.of());
        if (!problems.isEmpty()) {
            throw new InvalidInputException("Invalid catalog: " + String.join("; ", problems));
        }
        List<ConfiguredStream> streams = new ArrayList<>();
        for (JsonNode stream : present.get("streams")) {
            String name = stream.get("stream").get("name").asText();
            SyncMode mode = SyncMode.valueOf(stream.get("sync_mode").asText().toUpperCase(Locale.ROOT));
            streams.add(new ConfiguredStream(name, mode));
        }
        try {
            return new ConfiguredCatalog(streams);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Invalid catalog: " + e.getMessage());
        }
    }

    /** A copy of {@code node} without the object members whose value is {@code null}, at every depth. */
    private static JsonNode withoutNullMembers(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(member -> {
                if (!member.getValue().isNull()) {
                    copy.set(member.getKey(), withoutNullMembers(member.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(withoutNullMembers(element)));
            return copy;
        }
        return node;
    }
}
