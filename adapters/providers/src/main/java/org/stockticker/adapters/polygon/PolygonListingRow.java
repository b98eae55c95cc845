package org.stockticker.adapters.polygon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.stockticker.adapters.json.JsonScalars;

/**
 * One ticker of Massive's reference data, as sent, whether an element of the tickers list or the {@code results}
 * of one ticker's entry: {@code ticker}, {@code name}, {@code primary_exchange}, {@code type}, {@code currency_name}
 * (lower case, {@code usd}), {@code active}, {@code list_date} (only in one ticker's entry) and {@code delisted_utc}
 * (an instant, only for delisted tickers). Any other field is not read.
 *
 * @param active {@code active} when it is a boolean, else null
 * @param wrongFields the fields that held a value of the wrong kind, each left null
 */
record PolygonListingRow(String ticker, String name, String primaryExchange, String type, String currencyName,
        Boolean active, String listDate, String delistedUtc, Set<String> wrongFields) {

    /**
     * Reads the object at the parser's current {@code START_OBJECT} token up to its {@code END_OBJECT}, token by
     * token, with {@link JsonScalars}' coercions.
     */
    static PolygonListingRow read(JsonParser parser) throws IOException {
        String ticker = null;
        String name = null;
        String primaryExchange = null;
        String type = null;
        String currencyName = null;
        Boolean active = null;
        String listDate = null;
        String delistedUtc = null;
        Set<String> wrong = new LinkedHashSet<>();
        String field;
        while ((field = parser.nextFieldName()) != null) {
            parser.nextToken();
            try {
                switch (field) {
                    case "ticker" -> ticker = JsonScalars.text(parser);
                    case "name" -> name = JsonScalars.text(parser);
                    case "primary_exchange" -> primaryExchange = JsonScalars.text(parser);
                    case "type" -> type = JsonScalars.text(parser);
                    case "currency_name" -> currencyName = JsonScalars.text(parser);
                    case "active" -> {
                        active = bool(parser);
                        if (active == null && parser.currentToken() != JsonToken.VALUE_NULL) {
                            wrong.add(field);
                        }
                    }
                    case "list_date" -> listDate = JsonScalars.text(parser);
                    case "delisted_utc" -> delistedUtc = JsonScalars.text(parser);
                    default -> parser.skipChildren();
                }
            } catch (JsonScalars.WrongKind e) {
                wrong.add(field);
            }
        }
        PolygonEntries.requireEnd(parser);
        return new PolygonListingRow(ticker, name, primaryExchange, type, currencyName, active, listDate,
                delistedUtc, Set.copyOf(wrong));
    }

    /** {@code true} or {@code false}, also written as a string; null for anything else. */
    private static Boolean bool(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        String text = JsonScalars.text(parser);
        return "true".equals(text) || "false".equals(text) ? Boolean.valueOf(text) : null;
    }
}
