package org.stockticker.adapters.tiingo;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.stockticker.adapters.json.JsonAnswer;
import org.stockticker.adapters.json.JsonFields;
import org.stockticker.adapters.provider.CorporateActionRules;
import org.stockticker.adapters.provider.SplitTerms;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

/**
 * Reads the splits and dividends inside a Tiingo prices answer, through the {@link CorporateActionRules} every
 * provider shares: Tiingo marks them on the bars of the days they take effect, and has no answer of its own for them.
 *
 * <p>A bar whose {@code splitFactor} is not 1 is a split on its trading day: the factor is the new shares per old one
 * (2.0 for a 2-for-1 split, 0.5 for a 1-for-2 reverse split), turned exactly into whole terms ({@link SplitTerms}:
 * 1.5 is 2 → 3). A bar whose {@code divCash} is above 0 is a dividend going ex on its trading day, the cash per share
 * as declared; Tiingo tells neither its currency nor its other dates, kind or frequency, so it is a
 * {@value Dividend#REGULAR} dividend with those null. Only the date and those two fields are read; the prices of a
 * bar may be anything. The trading day is the date part of Tiingo's stamp, as for bars
 * ({@link TiingoPricesReader#tradingDay}).
 */
final class TiingoEventsReader {

    private static final Set<String> EVENT_FIELDS = Set.of("divCash", "splitFactor");
    private static final Set<String> DATE_FIELD = Set.of("date");

    private final ObjectMapper mapper;
    private final Logger log;

    /** A reader that reports skipped events to {@code log}. */
    TiingoEventsReader(ObjectMapper mapper, Logger log) {
        this.mapper = mapper;
        this.log = log;
    }

    /** The splits of the prices answer {@code response} within {@code window}, in date order; closing the stream closes it. */
    Stream<Split> splits(Response response, Symbol symbol, DateWindow window) {
        CorporateActionRules<Split> rules = CorporateActionRules.splits(TiingoPriceProvider.NAME, log);
        return rules.inOrder(symbol, open(response, symbol).elements(parser -> event(parser, "splitFactor",
                BigDecimal.ONE, symbol, window, rules, (day, factor) -> {
                    SplitTerms terms = SplitTerms.ofSharesFactor(factor);
                    return new Split(symbol, day, terms.splitFrom(), terms.splitTo());
                })));
    }

    /** The dividends of the prices answer {@code response} within {@code window}, in date order; closing the stream closes it. */
    Stream<Dividend> dividends(Response response, Symbol symbol, DateWindow window) {
        CorporateActionRules<Dividend> rules = CorporateActionRules.dividends(TiingoPriceProvider.NAME, log);
        return rules.inOrder(symbol, open(response, symbol).elements(parser -> event(parser, "divCash",
                BigDecimal.ZERO, symbol, window, rules, (day, cash) -> new Dividend(symbol, day, cash, null, null,
                        null, null, null, Dividend.REGULAR))));
    }

    private JsonAnswer open(Response response, Symbol symbol) {
        return JsonAnswer.open(mapper, response, TiingoPriceProvider.NAME, symbol, JsonToken.START_ARRAY,
                "a list of bars");
    }

    /**
     * The event that {@code build} makes of the bar at the parser, when its {@code field} holds a value other than
     * {@code ordinary} (missing and null are ordinary): empty for an ordinary bar and for one outside the window; empty
     * with a WARN for an element that is no bar, a bar without a readable date, a value of the wrong kind, or one that
     * {@code build} refuses.
     */
    private static <T> Optional<T> event(JsonParser parser, String field, BigDecimal ordinary, Symbol symbol,
            DateWindow window, CorporateActionRules<T> rules, BiFunction<LocalDate, BigDecimal, T> build)
            throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return rules.skipNonObject(symbol);
        }
        JsonFields bar = JsonFields.read(parser, EVENT_FIELDS, DATE_FIELD);
        BigDecimal value = bar.decimal(field);
        boolean wrong = bar.isWrong(field);
        if (!wrong && (value == null || value.compareTo(ordinary) == 0)) {
            return Optional.empty();
        }
        Optional<LocalDate> day = TiingoPricesReader.tradingDay(bar.text("date"));
        if (day.isEmpty()) {
            return rules.skipUndated(symbol, "the date of its bar is missing or does not start with YYYY-MM-DD");
        }
        if (wrong) {
            return rules.skip(symbol, day.get(), window, "field " + field + " is not in the expected form");
        }
        return rules.event(symbol, day.get(), window, () -> build.apply(day.get(), value));
    }
}
