package org.stockticker.adapters.airbyte.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.stockticker.adapters.airbyte.Printable;

/** A draft-07 JSON schema that reports each problem as "field: what is wrong". */
final class JsonSchemaCheck {

    /** Draft-07, knowing the annotations Airbyte adds to its schemas, so that none is reported as unknown. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            Dialect.builder(Dialects.getDraft7())
                    .keyword(new AnnotationKeyword("order"))
                    .keyword(new AnnotationKeyword("airbyte_secret"))
                    .keyword(new AnnotationKeyword("pattern_descriptor"))
                    .keyword(new AnnotationKeyword("existingJavaType"))
                    .build());

    /** A date's shape: a value of this shape that is still refused is not a day of the calendar. */
    private static final Pattern DATE_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final Schema schema;
    private final Set<String> dateFields = new HashSet<>();

    JsonSchemaCheck(JsonNode schema) {
        this.schema = REGISTRY.getSchema(schema.toString(), InputFormat.JSON);
        schema.path("properties").fields().forEachRemaining(field -> {
            if ("date".equals(field.getValue().path("format").asText())) {
                dateFields.add(field.getKey());
            }
        });
    }

    /**
     * The problems of {@code instance}, each naming its field below {@code prefix} (empty for the root) and, unless
     * the field is one of {@code secretFields}, quoting the refused value.
     */
    List<String> problems(JsonNode instance, String prefix, Set<String> secretFields) {
        List<Error> errors = schema.validate(instance.toString(), InputFormat.JSON);
        // A refused date breaks both its pattern and its format: the two become one sentence, said once.
        return errors.stream().map(error -> describe(error, prefix, secretFields)).distinct().toList();
    }

    private String describe(Error error, String prefix, Set<String> secretFields) {
        String field = fieldPath(error.getInstanceLocation().toString());
        String path = prefix.isEmpty() ? field : field.isEmpty() ? prefix
                : prefix + (field.startsWith("[") ? "" : ".") + field;
        boolean dateValue = dateFields.contains(field) && error.getInstanceNode() != null
                && error.getInstanceNode().isTextual()
                && ("format".equals(error.getKeyword()) || "pattern".equals(error.getKeyword()));
        String message = dateValue ? dateProblem(error.getInstanceNode().asText()) : error.getMessage();
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            return (path.isEmpty() ? "" : path + ".") + error.getProperty() + " is required";
        }
        String leaf = path.substring(path.lastIndexOf('.') + 1);
        var value = error.getInstanceNode();
        String quoted = value != null && value.isValueNode() && !secretFields.contains(leaf)
                ? Printable.shown(value.toString(), 60) + " " : "";
        return path.isEmpty() ? message : path + ": " + quoted + message;
    }

    private static String dateProblem(String value) {
        return DATE_SHAPE.matcher(value).matches()
                ? "is not a real calendar date (YYYY-MM-DD: year, month 01 to 12, day of that month)"
                : "is not a date written YYYY-MM-DD, such as 2024-01-31";
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
}
