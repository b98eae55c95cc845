package org.stockticker.adapters.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/** A draft-07 JSON schema that reports each problem as "field: what is wrong". */
final class JsonSchemaCheck {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    private final Schema schema;

    JsonSchemaCheck(JsonNode schema) {
        this.schema = REGISTRY.getSchema(schema.toString(), InputFormat.JSON);
    }

    /** The problems of {@code instance}, each naming its field below {@code prefix} (empty for the root). */
    List<String> problems(JsonNode instance, String prefix) {
        List<Error> errors = schema.validate(instance.toString(), InputFormat.JSON);
        return errors.stream().map(error -> describe(error, prefix)).distinct().toList();
    }

    private static String describe(Error error, String prefix) {
        String location = error.getInstanceLocation().toString();
        String field = location.equals("$") ? "" : location.substring(location.startsWith("$.") ? 2 : 1);
        String path = prefix.isEmpty() ? field : field.isEmpty() ? prefix : prefix + (field.startsWith("[") ? "" : ".") + field;
        String message = error.getMessage();
        if (message.startsWith(location + ": ")) {
            message = message.substring(location.length() + 2);
        }
        return path.isEmpty() ? message : path + ": " + message;
    }
}
