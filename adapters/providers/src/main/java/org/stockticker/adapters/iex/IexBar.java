package org.stockticker.adapters.iex;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import org.stockticker.adapters.json.JsonScalars;

/**
 * One element of an IEX chart answer, as sent. Plain {@code open..volume} are split-adjusted, {@code u*}
 * unadjusted (as traded) and {@code f*} adjusted for splits and dividends; older answers lack {@code u*} and
 * {@code f*}, and some old bars have null prices.
 */
record IexBar(
        @JsonProperty("date") String date,
        @JsonProperty("open") BigDecimal open,
        @JsonProperty("high") BigDecimal high,
        @JsonProperty("low") BigDecimal low,
        @JsonProperty("close") BigDecimal close,
        @JsonProperty("volume") BigDecimal volume,
        @JsonProperty("uOpen") BigDecimal uOpen,
        @JsonProperty("uHigh") BigDecimal uHigh,
        @JsonProperty("uLow") BigDecimal uLow,
        @JsonProperty("uClose") BigDecimal uClose,
        @JsonProperty("uVolume") BigDecimal uVolume,
        @JsonProperty("fClose") BigDecimal fClose) {

    /**
     * Reads the object at the parser's current {@code START_OBJECT} token up to its {@code END_OBJECT}, token by
     * token, with the same result as Jackson's databind would give for this record: the fields above with
     * {@link JsonScalars}' coercions, the last of a repeated field, every other field skipped unread.
     *
     * @throws WrongField after the whole object was read, when a field above holds a value of the wrong kind; it
     *     keeps the bar's date, so that the skip can name the day
     */
    static IexBar read(JsonParser parser) throws IOException {
        String date = null;
        BigDecimal open = null;
        BigDecimal high = null;
        BigDecimal low = null;
        BigDecimal close = null;
        BigDecimal volume = null;
        BigDecimal uOpen = null;
        BigDecimal uHigh = null;
        BigDecimal uLow = null;
        BigDecimal uClose = null;
        BigDecimal uVolume = null;
        BigDecimal fClose = null;
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
                    case "uOpen" -> uOpen = JsonScalars.decimal(parser);
                    case "uHigh" -> uHigh = JsonScalars.decimal(parser);
                    case "uLow" -> uLow = JsonScalars.decimal(parser);
                    case "uClose" -> uClose = JsonScalars.decimal(parser);
                    case "uVolume" -> uVolume = JsonScalars.decimal(parser);
                    case "fClose" -> fClose = JsonScalars.decimal(parser);
                    default -> parser.skipChildren();
                }
            } catch (JsonScalars.WrongKind e) {
                wrong = wrong == null ? name : wrong;
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("the answer ended inside a bar");
        }
        if (wrong != null) {
            throw new WrongField(wrong, date);
        }
        return new IexBar(date, open, high, low, close, volume, uOpen, uHigh, uLow, uClose, uVolume, fClose);
    }

    /** A field of a bar held a value of the wrong kind: a price that is no number, a date that is an object. */
    static final class WrongField extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String field;
        private final String date;

        WrongField(String field, String date) {
            super("field " + field + " is not in the expected form", null, false, false);
            this.field = field;
            this.date = date;
        }

        String field() {
            return field;
        }

        /** The bar's date as sent, or null when it had none or it was the wrong field. */
        String date() {
            return date;
        }
    }
}
