package org.stockticker.adapters.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads one scalar value at the parser's current token, with the coercions Jackson's databind applies to a
 * {@link BigDecimal} or {@link String} property, for readers that go through an answer token by token instead of
 * building a tree per element.
 *
 * <p>A decimal is the exact number written in the text ({@code 167.10} keeps its scale). A number sent as a string
 * is read as that number, an empty or {@code "null"} string as null. A value of the wrong kind (a boolean, an object
 * or an array where a number belongs; an object or array where text belongs; a number whose exponent no
 * {@link BigDecimal} holds, or a string of over 1000 characters where a number belongs) raises {@link WrongKind},
 * after the value has been skipped, so that the reader can go on to the end of the element.
 */
public final class JsonScalars {

    private JsonScalars() {
    }

    /** Digits that always fit in a {@code long}. */
    private static final int LONG_DIGITS = 18;

    /**
     * The longest number read from a string, as long as the parser allows a number token to be: a longer text is
     * no price, and turning megabytes of digits into a number would take long.
     */
    private static final int MAX_NUMBER_CHARS = 1000;

    /** The value as an exact decimal, or null. */
    public static BigDecimal decimal(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            BigDecimal plain = plainDecimal(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            if (plain != null) {
                return plain;
            }
            try {
                return parser.getDecimalValue();
            } catch (NumberFormatException e) {
                // An exponent beyond what a BigDecimal holds, such as 1e9999999999; the token itself was read whole.
                throw new WrongKind();
            }
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getText().trim();
            if (text.isEmpty() || text.equals("null")) {
                return null;
            }
            if (text.length() > MAX_NUMBER_CHARS) {
                throw new WrongKind();
            }
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new WrongKind();
            }
        }
        parser.skipChildren();
        throw new WrongKind();
    }

    /**
     * The number written {@code [-]digits[.digits]} with at most {@value #LONG_DIGITS} digits, as the same
     * {@link BigDecimal} its text makes (digits and scale), built from a {@code long} rather than parsed again; or
     * null for any other form, which the parser's own conversion handles.
     */
    static BigDecimal plainDecimal(char[] text, int offset, int length) {
        int end = offset + length;
        int i = offset;
        boolean negative = i < end && text[i] == '-';
        if (negative) {
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = 0;
        boolean fraction = false;
        for (; i < end; i++) {
            char c = text[i];
            if (c >= '0' && c <= '9') {
                if (++digits > LONG_DIGITS) {
                    return null;
                }
                unscaled = unscaled * 10 + (c - '0');
                if (fraction) {
                    scale++;
                }
            } else if (c == '.' && !fraction) {
                fraction = true;
            } else {
                return null;
            }
        }
        if (digits == 0) {
            return null;
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }

    /** The value as text: a string as it is, a number or boolean as written; or null. */
    public static String text(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != null && token.isScalarValue()) {
            return parser.getValueAsString();
        }
        parser.skipChildren();
        throw new WrongKind();
    }

    /** A value not of the kind asked for; cheap, since a malformed answer may have many. */
    public static final class WrongKind extends RuntimeException {

        private static final long serialVersionUID = 1L;

        WrongKind() {
            super("a value of the wrong kind", null, false, false);
        }
    }
}
