package org.stockticker.adapters.polygon;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;
import org.stockticker.adapters.json.JsonScalars;

/**
 * One element of the {@code results} of Massive's dividends list, as sent: {@code ticker}, {@code cash_amount} as
 * declared (an exact number as written), {@code currency}, the four dates as text, {@code frequency} (payments a
 * year, a number as written) and {@code distribution_type} ({@code recurring}, {@code special},
 * {@code supplemental}, ...). Its {@code id}, {@code historical_adjustment_factor},
 * {@code split_adjusted_cash_amount} and any other field are not read.
 *
 * @param wrongFields the fields that held a value of the wrong kind, each left null
 */
record PolygonDividendRow(String ticker, BigDecimal cashAmount, String currency, String declarationDate,
        String exDividendDate, String recordDate, String payDate, BigDecimal frequency, String distributionType,
        Set<String> wrongFields) {

    /**
     * Reads the object at the parser's current {@code START_OBJECT} token up to its {@code END_OBJECT}, token by
     * token, with {@link JsonScalars}' coercions.
     */
    static PolygonDividendRow read(JsonParser parser) throws IOException {
        String ticker = null;
        BigDecimal cashAmount = null;
        String currency = null;
        String declarationDate = null;
        String exDividendDate = null;
        String recordDate = null;
        String payDate = null;
        BigDecimal frequency = null;
        String distributionType = null;
        Set<String> wrong = new LinkedHashSet<>();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            parser.nextToken();
            try {
                switch (name) {
                    case "ticker" -> ticker = JsonScalars.text(parser);
                    case "cash_amount" -> cashAmount = JsonScalars.decimal(parser);
                    case "currency" -> currency = JsonScalars.text(parser);
                    case "declaration_date" -> declarationDate = JsonScalars.text(parser);
                    case "ex_dividend_date" -> exDividendDate = JsonScalars.text(parser);
                    case "record_date" -> recordDate = JsonScalars.text(parser);
                    case "pay_date" -> payDate = JsonScalars.text(parser);
                    case "frequency" -> frequency = JsonScalars.decimal(parser);
                    case "distribution_type" -> distributionType = JsonScalars.text(parser);
                    default -> parser.skipChildren();
                }
            } catch (JsonScalars.WrongKind e) {
                wrong.add(name);
            }
        }
        PolygonEntries.requireEnd(parser);
        return new PolygonDividendRow(ticker, cashAmount, currency, declarationDate, exDividendDate, recordDate,
                payDate, frequency, distributionType, Set.copyOf(wrong));
    }
}
