package org.stockticker.adapters.polygon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.stockticker.adapters.json.JsonScalars;
import org.stockticker.adapters.provider.BarSkipRules;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.UsTradingCalendar;

/**
 * One element of the {@code results} of a Polygon aggregates answer, as sent: open, high, low, close, volume
 * (a decimal on some tickers) and its time {@code t} in epoch milliseconds; in a grouped answer, which holds many
 * tickers, also the ticker {@code T} and the {@code otc} mark. The volume-weighted price {@code vw}, the trade count
 * {@code n} and any other field are not read, whatever they hold.
 *
 * @param ticker {@code T} as sent, or null when it is missing or is not text; never what makes the bar wrong, since
 *     answers about one symbol do not need it
 * @param otc whether {@code otc} is {@code true}; anything else, or nothing, counts as false
 * @param wrongField the first of the fields open, high, low, close, volume and time that held a value of the wrong
 *     kind (for {@code t}, also one that is no whole number of milliseconds), or null
 */
record PolygonBar(
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        Long millis,
        String ticker,
        boolean otc,
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
        Long millis = null;
        String ticker = null;
        boolean otc = false;
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
                    case "t" -> millis = millis(JsonScalars.decimal(parser));
                    case "T" -> {
                        ticker = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
                        parser.skipChildren();
                    }
                    case "otc" -> {
                        otc = parser.currentToken() == JsonToken.VALUE_TRUE;
                        parser.skipChildren();
                    }
                    default -> parser.skipChildren();
                }
            } catch (JsonScalars.WrongKind | ArithmeticException e) {
                wrong = wrong == null ? name : wrong;
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("the answer ended inside a bar");
        }
        return new PolygonBar(open, high, low, close, volume, millis, ticker, otc, wrong);
    }

    /**
     * The day in New York that {@code t} falls on, whatever the machine's time zone; null when {@code t} is missing
     * or beyond any calendar.
     */
    LocalDate newYorkDay() {
        if (millis == null) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(millis).atZone(UsTradingCalendar.ZONE).toLocalDate();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Why a bar with a {@link #wrongField} is skipped. */
    String wrongFieldReason() {
        return "field " + wrongField + " is not in the expected form";
    }

    /**
     * This bar as the {@link DailyBar} of {@code symbol} on {@code day}, checked by {@link BarSkipRules#dailyBar}:
     * prices exactly as sent, a fractional volume rounded to whole shares, and with {@code adjusted} (the prices
     * were asked for split-adjusted) the close doubling as the adjusted close, else no adjusted close.
     *
     * @throws IllegalArgumentException saying why these values cannot be a bar
     */
    DailyBar toDailyBar(Symbol symbol, LocalDate day, boolean adjusted) {
        return BarSkipRules.dailyBar(symbol, day, open, high, low, close, BarSkipRules.roundedShares(volume),
                adjusted ? close : null);
    }

    /** A whole number of milliseconds; {@code longValueExact} refuses anything else without expanding the number. */
    private static Long millis(BigDecimal value) {
        return value == null ? null : value.longValueExact();
    }
}
