package org.stockticker.adapters.airbyte.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.util.List;
import java.util.Set;

/** A draft-07 JSON schema that reports each problem as "field: what is wrong". */
final class JsonSchemaCheck {

    /** Draft-07, knowing the annotations Airbyte adds to its schemas, so that none is reported as unknown. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            Dialect.builder(Dialects.getDraft7())
                    .keyword(new AnnotationKeyword("order"))
                    .keyword(new AnnotationKeyword("airbyte_secret"))
                    .keyword(new AnnotationKeyword("existingJavaType"))
                    .build());

    private final Schema schema;

    JsonSchemaCheck(JsonNode schema) {
        this.schema = REGISTRY.getSchema(schema.toString(), InputFormat.JSON);
    }

    /**
     * The problems of {@code instance}, each naming its field below {@code prefix} (empty for the root) and, unless
     * the field is one of {@code secretFields}, quoting the refused value.
     */
    List<String> problems(JsonNode instance, String prefix, Set<String> secretFields) {
        List<Error> errors = schema.validate(instance.toString(), InputFormat.JSON);
        return errors.stream().map(error -> describe(error, prefix, secretFields)).distinct().toList();
    }

    private static String describe(Error error, String prefix, Set<String> secretFields) {
        String field = fieldPath(error.getInstanceLocation().toString());
        String path = prefix.isEmpty() ? field : field.isEmpty() ? prefix
                : prefix + (field.startsWith("[") ? "" : ".") + field;
        String message = "format".equals(error.getKeyword()) && error.getMessage().contains("date")
                ? "is not a real calendar date YYYY-MM-DD"
                : error.getMessage();
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            return (path.isEmpty() ? "" : path + ".") + error.getProperty() + " is required";
        }
        String leaf = path.substring(path.lastIndexOf('.') + 1);
        var value = error.getInstanceNode();
        String quoted = value != null && value.isValueNode() && !secretFields.contains(leaf)
                ? shorten(value.toString()) + " " : "";
        return path.isEmpty() ? message : path + ": " + quoted + message;
    }

    /** A JSON pointer such as {@code /tickers/0} as a person writes the field: {@code tickers[0]}. */
    private static String fieldPath(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String token : pointer.split("/")) {
            if (token.isEmpty()) {
                continue;
            }
            String name = token.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(name);
            }
        }
        return path.toString();
    }

    private static String shorten(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
