package org.stockticker.adapters.tiingo;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import org.stockticker.adapters.json.JsonScalars;

/**
 * One element of a Tiingo prices answer, as sent. Plain {@code open..volume} are as traded; {@code adjClose} is
 * adjusted for splits and dividends. {@code divCash} (the cash dividend going ex on the day) and
 * {@code splitFactor} (1.0 on an ordinary day, 4.0 on the day of a 4:1 split) are kept because they mark the days
 * that change every adjusted price before them; records do not carry them.
 *
 * @param wrongField the first field the connector uses ({@code date} to {@code adjClose}) that held a value of the
 *     wrong kind, or null; set only by {@link #read}
 */
record TiingoBar(
        @JsonProperty("date") String date,
        @JsonProperty("open") BigDecimal open,
        @JsonProperty("high") BigDecimal high,
        @JsonProperty("low") BigDecimal low,
        @JsonProperty("close") BigDecimal close,
        @JsonProperty("volume") BigDecimal volume,
        @JsonProperty("adjClose") BigDecimal adjClose,
        @JsonProperty("divCash") BigDecimal divCash,
        @JsonProperty("splitFactor") BigDecimal splitFactor,
        String wrongField) {

    /**
     * Reads the object at the parser's current {@code START_OBJECT} token up to its {@code END_OBJECT}, token by
     * token: the fields above with {@link JsonScalars}' coercions, every other field skipped unread, whatever it
     * holds. A value of the wrong kind leaves its field null: in a field the connector uses, it is named in
     * {@link #wrongField}; in {@code divCash} or {@code splitFactor}, which records do not carry, it is no matter.
     */
    static TiingoBar read(JsonParser parser) throws IOException {
        String date = null;
        BigDecimal open = null;
        BigDecimal high = null;
        BigDecimal low = null;
        BigDecimal close = null;
        BigDecimal volume = null;
        BigDecimal adjClose = null;
        BigDecimal divCash = null;
        BigDecimal splitFactor = null;
        String wrong = null;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            parser.nextToken();
            try {
                switch (name) {
                    case "date" -> date = JsonScalars.text(parser);
                    case "open" -> open = JsonScalars.decimal(parser);
                    case "high" -> high = JsonScalars.decimal(parser);
                    case "low" -> low = JsonScalars.decimal(parser);
                    case "close" -> close = JsonScalars.decimal(parser);
                    case "volume" -> volume = JsonScalars.decimal(parser);
                    case "adjClose" -> adjClose = JsonScalars.decimal(parser);
                    case "divCash" -> divCash = lenient(parser);
                    case "splitFactor" -> splitFactor = lenient(parser);
                    default -> parser.skipChildren();
                }
            } catch (JsonScalars.WrongKind e) {
                wrong = wrong == null ? name : wrong;
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("the answer ended inside a bar");
        }
        return new TiingoBar(date, open, high, low, close, volume, adjClose, divCash, splitFactor, wrong);
    }

    private static BigDecimal lenient(JsonParser parser) throws IOException {
        try {
            return JsonScalars.decimal(parser);
        } catch (JsonScalars.WrongKind e) {
            return null;
        }
    }
}
