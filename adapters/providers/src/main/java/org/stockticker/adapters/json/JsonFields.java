package org.stockticker.adapters.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The scalar fields of one JSON object that a reader asked for, read token by token with {@link JsonScalars}'
 * coercions, every other field skipped unread: for small objects of a few named fields (a dividend, a ticker's
 * description), so that no reader builds a tree, and one field of the wrong kind costs that field alone, never the
 * rest of the answer.
 */
public final class JsonFields {

    /** Longer than any way of writing a date; a longer text is no date and is not parsed at all. */
    private static final int MAX_DATE_CHARS = 40;

    private final Map<String, BigDecimal> decimals;
    private final Map<String, String> texts;
    private final Set<String> wrong;

    private JsonFields(Map<String, BigDecimal> decimals, Map<String, String> texts, Set<String> wrong) {
        this.decimals = decimals;
        this.texts = texts;
        this.wrong = wrong;
    }

    /**
     * Reads the object at the parser's current {@code START_OBJECT} token up to its {@code END_OBJECT}: the fields
     * named in {@code decimalFields} as exact decimals, those in {@code textFields} as text, the last of a repeated
     * field. A value of the wrong kind leaves its field null and {@link #isWrong} true.
     *
     * @throws IOException when the answer ends inside the object, or cannot be read
     */
    public static JsonFields read(JsonParser parser, Set<String> decimalFields, Set<String> textFields)
            throws IOException {
        Map<String, BigDecimal> decimals = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        Set<String> wrong = new HashSet<>();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            parser.nextToken();
            try {
                if (decimalFields.contains(name)) {
                    decimals.put(name, JsonScalars.decimal(parser));
                    wrong.remove(name);
                } else if (textFields.contains(name)) {
                    texts.put(name, JsonScalars.text(parser));
                    wrong.remove(name);
                } else {
                    parser.skipChildren();
                }
            } catch (JsonScalars.WrongKind e) {
                decimals.remove(name);
                texts.remove(name);
                wrong.add(name);
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("the answer ended inside an object");
        }
        return new JsonFields(decimals, texts, wrong);
    }

    /** The decimal field {@code name} exactly as sent; null when absent, null, or of the wrong kind. */
    public BigDecimal decimal(String name) {
        return decimals.get(name);
    }

    /** The text field {@code name} as sent; null when absent, null, or of the wrong kind. */
    public String text(String name) {
        return texts.get(name);
    }

    /** The text field {@code name} trimmed, or null when it is absent, of the wrong kind, or blank. */
    public String trimmed(String name) {
        String text = texts.get(name);
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * The date field {@code name}, written {@code YYYY-MM-DD}; null when it is absent, null or blank.
     *
     * @throws DateTimeParseException when it holds something else, a value of the wrong kind included
     */
    public LocalDate date(String name) {
        if (wrong.contains(name)) {
            throw new DateTimeParseException("field " + name + " is not text", name, 0);
        }
        String text = trimmed(name);
        if (text != null && text.length() > MAX_DATE_CHARS) {
            throw new DateTimeParseException("field " + name + " is too long for a date", name, 0);
        }
        return text == null ? null : IsoDate.parse(text);
    }

    /** Whether the field {@code name} held a value of the wrong kind (an object where a number belongs, say). */
    public boolean isWrong(String name) {
        return wrong.contains(name);
    }
}
