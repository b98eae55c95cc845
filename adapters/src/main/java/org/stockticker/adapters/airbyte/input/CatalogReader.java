package org.stockticker.adapters.airbyte.input;

import com.fasterxml.jackson.databind.JsonNode;
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
        List<String> problems = schema.problems(catalog, "", Set.of());
        if (!problems.isEmpty()) {
            throw new InvalidInputException("Invalid catalog: " + String.join("; ", problems));
        }
        List<ConfiguredStream> streams = new ArrayList<>();
        for (JsonNode stream : catalog.get("streams")) {
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
}
