package org.stockticker.adapters.iex;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
 * Reads IEX's splits and dividends answers, JSON arrays of events, into the domain's {@link Split}s and
 * {@link Dividend}s, through the {@link CorporateActionRules} every provider shares.
 *
 * <p>A split takes effect on its {@code exDate}; {@code fromFactor} shares became {@code toFactor}. Where either
 * factor is missing, the terms come from {@code ratio} (what prices before the split are multiplied by, 0.25 for a
 * 4-for-1 split), but only where the ratio is exact: a fraction whose lowest terms are whole numbers of at most
 * {@value #MAX_DERIVED_TERM} (0.25 is 1 → 4, 1.5 is 3 → 2). A rounded ratio such as 0.3333 of a 3-for-1 split is not,
 * and the split is skipped with a warning.
 *
 * <p>A dividend's {@code amount} is the cash per share as declared. Its distribution type is {@code regular} when
 * {@code flag} is {@code Cash} or absent, and otherwise the flag as a lower-case word ({@code Special} is
 * {@code special}). Its {@code frequency} word becomes payments a year (see {@link #paymentsAYear}). A currency that
 * is no ISO 4217 code, or a declaration, record or payment date that is no date, is left null with a warning.
 */
final class IexCorporateActionsReader {

    /** The largest term of a split derived from IEX's {@code ratio}: beyond it, a ratio is taken as rounded. */
    static final int MAX_DERIVED_TERM = 1000;

    private static final Set<String> SPLIT_DECIMALS = Set.of("fromFactor", "toFactor", "ratio");
    private static final Set<String> DIVIDEND_DECIMALS = Set.of("amount");
    private static final Set<String> DIVIDEND_TEXTS = Set.of("exDate", "paymentDate", "recordDate", "declaredDate",
            "flag", "currency", "frequency");
    /** Longer than any kind of distribution the domain takes; a longer flag is not turned into one at all. */
    private static final int MAX_FLAG_CHARS = 40;

    private final ObjectMapper mapper;
    private final Logger log;

    /** A reader that reports skipped events and values left out to {@code log}. */
    IexCorporateActionsReader(ObjectMapper mapper, Logger log) {
        this.mapper = mapper;
        this.log = log;
    }

    /** The splits of the answer {@code response} within {@code window}, in date order; closing the stream closes it. */
    Stream<Split> splits(Response response, Symbol symbol, DateWindow window) {
        CorporateActionRules<Split> rules = CorporateActionRules.splits(IexPriceProvider.NAME, log);
        JsonAnswer answer = JsonAnswer.open(mapper, response, IexPriceProvider.NAME, symbol, JsonToken.START_ARRAY,
                "a list of splits");
        return rules.inOrder(symbol, answer.elements(parser -> split(parser, symbol, window, rules)));
    }

    /** The dividends of the answer {@code response} within {@code window}, in date order; closing the stream closes it. */
    Stream<Dividend> dividends(Response response, Symbol symbol, DateWindow window) {
        CorporateActionRules<Dividend> rules = CorporateActionRules.dividends(IexPriceProvider.NAME, log);
        JsonAnswer answer = JsonAnswer.open(mapper, response, IexPriceProvider.NAME, symbol, JsonToken.START_ARRAY,
                "a list of dividends");
        return rules.inOrder(symbol, answer.elements(parser -> dividend(parser, symbol, window, rules)));
    }

    private static Optional<Split> split(JsonParser parser, Symbol symbol, DateWindow window,
            CorporateActionRules<Split> rules) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return rules.skipNonObject(symbol);
        }
        JsonFields fields = JsonFields.read(parser, SPLIT_DECIMALS, Set.of("exDate"));
        Optional<LocalDate> exDate = exDate(fields);
        if (exDate.isEmpty()) {
            return rules.skipUndated(symbol, "its exDate is missing or not YYYY-MM-DD");
        }
        LocalDate day = exDate.get();
        return rules.event(symbol, day, window, () -> {
            requireReadable(fields, SPLIT_DECIMALS);
            BigDecimal from = fields.decimal("fromFactor");
            BigDecimal to = fields.decimal("toFactor");
            if (from != null && to != null) {
                return new Split(symbol, day, from, to);
            }
            BigDecimal ratio = fields.decimal("ratio");
            if (ratio == null) {
                throw new IllegalArgumentException("it has neither fromFactor and toFactor nor a ratio");
            }
            SplitTerms terms = SplitTerms.ofPriceFactor(ratio);
            if (terms.largest().compareTo(BigInteger.valueOf(MAX_DERIVED_TERM)) > 0) {
                throw new IllegalArgumentException("it lacks fromFactor or toFactor, and its ratio "
                        + ratio.toPlainString() + " is no exact ratio of whole numbers up to " + MAX_DERIVED_TERM);
            }
            return new Split(symbol, day, terms.splitFrom(), terms.splitTo());
        });
    }

    private static Optional<Dividend> dividend(JsonParser parser, Symbol symbol, DateWindow window,
            CorporateActionRules<Dividend> rules) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return rules.skipNonObject(symbol);
        }
        JsonFields fields = JsonFields.read(parser, DIVIDEND_DECIMALS, DIVIDEND_TEXTS);
        Optional<LocalDate> exDate = exDate(fields);
        if (exDate.isEmpty()) {
            return rules.skipUndated(symbol, "its exDate is missing or not YYYY-MM-DD");
        }
        LocalDate day = exDate.get();
        return rules.event(symbol, day, window, () -> {
            requireReadable(fields, DIVIDEND_DECIMALS);
            BigDecimal amount = fields.decimal("amount");
            if (amount == null) {
                throw new IllegalArgumentException("it has no amount");
            }
            return new Dividend(symbol, day, amount, rules.currency(symbol, day, fields.trimmed("currency")),
                    optionalDate(fields, "declaredDate", symbol, day, rules),
                    optionalDate(fields, "recordDate", symbol, day, rules),
                    optionalDate(fields, "paymentDate", symbol, day, rules),
                    paymentsAYear(fields.trimmed("frequency")), distributionType(fields.trimmed("flag")));
        });
    }

    /**
     * Payments a year of IEX's {@code frequency} word, whatever its case, spaces or dashes: annual 1, semi-annual 2,
     * quarterly 4, monthly 12, weekly 52, a one-off (also "special") 0; null for irregular, unspecified, none, or a
     * word not listed here.
     */
    static Integer paymentsAYear(String frequency) {
        if (frequency == null) {
            return null;
        }
        return switch (frequency.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "")) {
            case "annual", "annually", "yearly" -> 1;
            case "semiannual", "semiannually" -> 2;
            case "quarterly" -> 4;
            case "monthly" -> 12;
            case "weekly" -> 52;
            case "oneoff", "onetime", "once", "special" -> 0;
            default -> null;
        };
    }

    /**
     * The distribution type of IEX's {@code flag}: {@value Dividend#REGULAR} for {@code Cash} or no flag, else the
     * flag as a lower-case word ({@code Special} is {@code special}).
     *
     * @throws IllegalArgumentException when the flag cannot be such a word
     */
    static String distributionType(String flag) {
        if (flag == null) {
            return Dividend.REGULAR;
        }
        String type = flag.length() > MAX_FLAG_CHARS ? "" : Dividend.distributionType(flag);
        if (type.equals("cash")) {
            return Dividend.REGULAR;
        }
        if (!type.matches("[a-z][a-z0-9_]{0,39}")) {
            throw new IllegalArgumentException("its flag is no word naming a kind of distribution");
        }
        return type;
    }

    private static Optional<LocalDate> exDate(JsonFields fields) {
        try {
            return Optional.ofNullable(fields.date("exDate"));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static LocalDate optionalDate(JsonFields fields, String field, Symbol symbol, LocalDate day,
            CorporateActionRules<Dividend> rules) {
        try {
            return fields.date(field);
        } catch (DateTimeParseException e) {
            rules.keptWithout(symbol, day, field, "it is not a date written YYYY-MM-DD");
            return null;
        }
    }

    private static void requireReadable(JsonFields fields, Set<String> used) {
        for (String field : used) {
            if (fields.isWrong(field)) {
                throw new IllegalArgumentException("field " + field + " is not in the expected form");
            }
        }
    }
}
