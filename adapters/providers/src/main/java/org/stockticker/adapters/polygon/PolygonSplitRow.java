package org.stockticker.adapters.polygon;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;
import org.stockticker.adapters.json.JsonScalars;

/**
 * One element of the {@code results} of Massive's splits list, as sent: {@code ticker}, {@code execution_date},
 * {@code split_from} old shares that became {@code split_to} new ones (exact numbers as written), and
 * {@code adjustment_type} ({@code forward_split}, {@code reverse_split} or {@code stock_dividend}). Its {@code id}
 * and {@code historical_adjustment_factor}, and any other field, are not read.
 *
 * @param wrongFields the fields that held a value of the wrong kind, each left null
 */
record PolygonSplitRow(String ticker, String executionDate, BigDecimal splitFrom, BigDecimal splitTo,
        String adjustmentType, Set<String> wrongFields) {

    /**
     * Reads the object at the parser's current {@code START_OBJECT} token up to its {@code END_OBJECT}, token by
     * token, with {@link JsonScalars}' coercions.
     */
    static PolygonSplitRow read(JsonParser parser) throws IOException {
        String ticker = null;
        String executionDate = null;
        BigDecimal splitFrom = null;
        BigDecimal splitTo = null;
        String adjustmentType = null;
        Set<String> wrong = new LinkedHashSet<>();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            parser.nextToken();
            try {
                switch (name) {
                    case "ticker" -> ticker = JsonScalars.text(parser);
                    case "execution_date" -> executionDate = JsonScalars.text(parser);
                    case "split_from" -> splitFrom = JsonScalars.decimal(parser);
                    case "split_to" -> splitTo = JsonScalars.decimal(parser);
                    case "adjustment_type" -> adjustmentType = JsonScalars.text(parser);
                    default -> parser.skipChildren();
                }
            } catch (JsonScalars.WrongKind e) {
                wrong.add(name);
            }
        }
        PolygonEntries.requireEnd(parser);
        return new PolygonSplitRow(ticker, executionDate, splitFrom, splitTo, adjustmentType, Set.copyOf(wrong));
    }
}
