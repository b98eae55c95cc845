package org.stockticker.adapters.polygon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

/**
 * Makes {@link Split}s of the entries of one list of Massive's splits: {@code split_from} and {@code split_to} as the
 * exact numbers sent, on {@code execution_date}. Forward and reverse splits and stock dividends alike are splits: a
 * 5% stock dividend is a split of 1 into 1.05.
 *
 * <p>An entry without a valid {@code execution_date}, with a ratio that is missing, of the wrong kind, zero or
 * negative, or beyond the domain's bounds, or a second split of a symbol on one day (the first is kept), is skipped
 * with a WARN ({@link PolygonEntries}).
 */
final class PolygonSplitEntries implements PolygonListReader.Entries<Split> {

    private static final String SPLIT = "split";

    private final PolygonEntries entries;

    PolygonSplitEntries(PolygonEntries entries) {
        this.entries = entries;
    }

    @Override
    public Optional<Split> read(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            entries.skipNonObject(parser);
            return Optional.empty();
        }
        PolygonSplitRow row = PolygonSplitRow.read(parser);
        Symbol symbol = entries.symbol(row.ticker(), SPLIT);
        if (symbol == null) {
            return Optional.empty();
        }
        LocalDate day = PolygonEntries.date(row.executionDate());
        if (day == null) {
            entries.skip("without a valid execution_date", SPLIT, symbol, null,
                    "its execution_date is missing or no date");
            return Optional.empty();
        }
        String missing = row.splitFrom() == null ? "split_from" : row.splitTo() == null ? "split_to" : null;
        if (missing != null) {
            entries.skip("without a ratio", SPLIT, symbol, day, "its " + missing + " is missing or no number");
            return Optional.empty();
        }
        Split split;
        try {
            split = new Split(symbol, day, row.splitFrom(), row.splitTo());
        } catch (IllegalArgumentException e) {
            entries.skip("refused by the domain", SPLIT, symbol, day, e.getMessage());
            return Optional.empty();
        }
        List<Object> key = List.of(symbol, day);
        if (entries.handedOut(key)) {
            entries.skip("repeated", SPLIT, symbol, day, "it is a second split of that day; the first is kept");
            return Optional.empty();
        }
        entries.handOut(key);
        return Optional.of(split);
    }

    @Override
    public void finish() {
        entries.finish();
    }
}
