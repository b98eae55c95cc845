package org.stockticker.adapters.polygon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Symbol;

/**
 * Makes {@link Dividend}s of the entries of one list of Massive's dividends: {@code cash_amount} the exact number
 * sent, as declared; {@code currency} upper case; the dates; {@code frequency}; and {@code distribution_type} as the
 * contract words it: Massive's {@code recurring} is {@value Dividend#REGULAR}, a missing one too, and any other
 * ({@code special}, {@code supplemental}, ...) goes through {@link Dividend#distributionType(String)}.
 *
 * <p>An entry without a valid {@code ex_dividend_date}, with a cash amount that is missing, zero or negative, or
 * beyond the domain's bounds, or a second dividend of a symbol on one ex-dividend date of the same distribution type
 * (the first is kept), is skipped with a WARN. A currency that is no ISO 4217 code, a declaration, record or pay date
 * that is no date, and a frequency that is no number of payments a year are left out of a dividend that is kept, with
 * a WARN ({@link PolygonEntries}).
 */
final class PolygonDividendEntries implements PolygonListReader.Entries<Dividend> {

    private static final String DIVIDEND = "dividend";
    private static final String RECURRING = "recurring";
    /** Payments a year of a dividend paid every day of the year, the most there can be. */
    private static final BigDecimal MAX_FREQUENCY = BigDecimal.valueOf(366);

    private final PolygonEntries entries;

    PolygonDividendEntries(PolygonEntries entries) {
        this.entries = entries;
    }

    @Override
    public Optional<Dividend> read(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            entries.skipNonObject(parser);
            return Optional.empty();
        }
        PolygonDividendRow row = PolygonDividendRow.read(parser);
        Symbol symbol = entries.symbol(row.ticker(), DIVIDEND);
        if (symbol == null) {
            return Optional.empty();
        }
        LocalDate exDate = PolygonEntries.date(row.exDividendDate());
        if (exDate == null) {
            entries.skip("without a valid ex_dividend_date", DIVIDEND, symbol, null,
                    "its ex_dividend_date is missing or no date");
            return Optional.empty();
        }
        if (row.cashAmount() == null) {
            entries.skip("without a cash amount", DIVIDEND, symbol, exDate, "its cash_amount is missing or no number");
            return Optional.empty();
        }
        String type = distributionType(row.distributionType());
        try {
            // The fields that decide whether there is a dividend at all, checked before any other is looked at, so
            // that a skipped dividend gets one warning.
            new Dividend(symbol, exDate, row.cashAmount(), null, null, null, null, null, type);
        } catch (IllegalArgumentException e) {
            entries.skip("refused by the domain", DIVIDEND, symbol, exDate, e.getMessage());
            return Optional.empty();
        }
        List<Object> key = List.of(symbol, exDate, type);
        if (entries.handedOut(key)) {
            entries.skip("repeated", DIVIDEND, symbol, exDate, "it is a second " + type
                    + " dividend of that ex-dividend date; the first is kept");
            return Optional.empty();
        }
        // Each value below is one the domain accepts, or null.
        Dividend dividend = new Dividend(symbol, exDate, row.cashAmount(), currency(row, symbol, exDate),
                date(row, "declaration_date", row.declarationDate(), symbol, exDate),
                date(row, "record_date", row.recordDate(), symbol, exDate),
                date(row, "pay_date", row.payDate(), symbol, exDate), frequency(row, symbol, exDate), type);
        entries.handOut(key);
        return Optional.of(dividend);
    }

    @Override
    public void finish() {
        entries.finish();
    }

    /** The contract's word for Massive's {@code distribution_type}: {@value Dividend#REGULAR} where it says none. */
    static String distributionType(String sent) {
        if (sent == null || sent.isBlank()) {
            return Dividend.REGULAR;
        }
        String type = Dividend.distributionType(sent);
        return type.equals(RECURRING) ? Dividend.REGULAR : type;
    }

    private String currency(PolygonDividendRow row, Symbol symbol, LocalDate exDate) {
        if (row.wrongFields().contains("currency")) {
            entries.blank("currency that is not text", DIVIDEND, symbol, exDate, "currency", "is not text");
            return null;
        }
        if (row.currency() == null || row.currency().isBlank()) {
            return null;
        }
        String code = row.currency().trim().toUpperCase(Locale.ROOT);
        if (!Dividend.isCurrencyCode(code)) {
            entries.blank("currency that is no ISO 4217 code", DIVIDEND, symbol, exDate, "currency",
                    "is " + PolygonEntries.shown(row.currency()) + ", no ISO 4217 code");
            return null;
        }
        return code;
    }

    private LocalDate date(PolygonDividendRow row, String field, String sent, Symbol symbol, LocalDate exDate) {
        LocalDate date = PolygonEntries.date(sent);
        if (date == null && (sent != null || row.wrongFields().contains(field))) {
            entries.blank(field + " that is no date", DIVIDEND, symbol, exDate, field, "is no date");
        }
        return date;
    }

    private Integer frequency(PolygonDividendRow row, Symbol symbol, LocalDate exDate) {
        BigDecimal sent = row.frequency();
        if (sent == null && !row.wrongFields().contains("frequency")) {
            return null;
        }
        // Compared before converting: an absurd exponent must not be expanded.
        if (sent != null && sent.signum() >= 0 && sent.compareTo(MAX_FREQUENCY) <= 0) {
            try {
                return sent.intValueExact();
            } catch (ArithmeticException e) {
                // A fraction: no number of payments; reported below.
            }
        }
        entries.blank("frequency that is no number of payments a year", DIVIDEND, symbol, exDate, "frequency",
                "is no whole number of payments a year");
        return null;
    }
}
