package org.stockticker.adapters.polygon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import org.stockticker.adapters.json.JsonScalars;

/**
 * One element of the {@code results} of a Polygon aggregates answer, as sent: open, high, low, close, volume
 * (a decimal on some tickers) and the start of the day in epoch milliseconds. The volume-weighted price
 * {@code vw}, the trade count {@code n} and any other field are not read, whatever they hold.
 *
 * @param wrongField the first of the fields above that held a value of the wrong kind (for {@code t}, also one that
 *     is no whole number of milliseconds), or null
 */
record PolygonBar(
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        Long startMillis,
        String wrongField) {

    /**
     * Reads the object at the parser's current {@code START_OBJECT} token up to its {@code END_OBJECT}, token by
     * token, with {@link JsonScalars}' coercions; a value of the wrong kind leaves its field null and is named in
     * {@link #wrongField}.
     */
    static PolygonBar read(JsonParser parser) throws IOException {
        BigDecimal open = null;
        BigDecimal high = null;
        BigDecimal low = null;
        BigDecimal close = null;
        BigDecimal volume = null;
        Long startMillis = null;
        String wrong = null;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            parser.nextToken();
            try {
                switch (name) {
                    case "o" -> open = JsonScalars.decimal(parser);
                    case "h" -> high = JsonScalars.decimal(parser);
                    case "l" -> low = JsonScalars.decimal(parser);
                    case "c" -> close = JsonScalars.decimal(parser);
                    case "v" -> volume = JsonScalars.decimal(parser);
                    case "t" -> startMillis = millis(JsonScalars.decimal(parser));
                    default -> parser.skipChildren();
                }
            } catch (JsonScalars.WrongKind | ArithmeticException e) {
                wrong = wrong == null ? name : wrong;
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("the answer ended inside a bar");
        }
        return new PolygonBar(open, high, low, close, volume, startMillis, wrong);
    }

    /** A whole number of milliseconds; {@code longValueExact} refuses anything else without expanding the number. */
    private static Long millis(BigDecimal value) {
        return value == null ? null : value.longValueExact();
    }
}
