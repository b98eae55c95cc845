package org.stockticker.adapters.tiingo;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.stockticker.adapters.json.JsonAnswer;
import org.stockticker.adapters.json.JsonFields;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.UsTradingCalendar;

/**
 * Reads Tiingo's ticker description, one JSON object, into the ticker's {@link Listing}: {@code name},
 * {@code exchangeCode} as the exchange, and {@code startDate}, the first day of its prices, as the day it was listed.
 * Tiingo tells neither the kind of security nor its currency, which stay null.
 *
 * <p>Tiingo does not say whether a ticker still trades, only {@code endDate}, the last day of its prices. A ticker is
 * taken as active when that day is on or after the third ({@value #ACTIVE_WITHIN_TRADING_DAYS}) trading day before
 * today in New York: Tiingo's prices of a day are final in the evening, so a ticker that trades has its last trading day's
 * prices, and these few days allow for a late update. Otherwise it is delisted on {@code endDate}. A ticker with no
 * {@code endDate} has no prices at all and is not active, its delisting day unknown. A date that cannot be read, or an
 * {@code endDate} before the {@code startDate}, is left out with a WARN.
 */
final class TiingoListingReader {

    /** How many trading days before today a ticker's last prices may lie for it to count as trading. */
    static final int ACTIVE_WITHIN_TRADING_DAYS = 3;

    private static final Set<String> TEXTS = Set.of("name", "exchangeCode", "startDate", "endDate");
    private static final UsTradingCalendar CALENDAR = new UsTradingCalendar();

    private final ObjectMapper mapper;
    private final Logger log;

    /** A reader that reports dates it leaves out to {@code log}. */
    TiingoListingReader(ObjectMapper mapper, Logger log) {
        this.mapper = mapper;
        this.log = log;
    }

    /** The listing of {@code symbol} in the description {@code response}, as of {@code today} in New York. */
    Listing listing(Response response, Symbol symbol, LocalDate today) {
        try (JsonAnswer answer = JsonAnswer.open(mapper, response, TiingoPriceProvider.NAME, symbol,
                JsonToken.START_OBJECT, "a ticker description")) {
            JsonFields description = JsonFields.read(answer.parser(), Set.of(), TEXTS);
            LocalDate start = date(description, "startDate", symbol);
            LocalDate end = date(description, "endDate", symbol);
            if (start != null && end != null && end.isBefore(start)) {
                log.warn("Leaving out the dates of the listing of {} from provider {}: its endDate {} is before its"
                        + " startDate {}", symbol, TiingoPriceProvider.NAME, end, start);
                start = null;
                end = null;
            }
            boolean active = end != null && !end.isBefore(activeSince(today));
            return new Listing(symbol, description.trimmed("name"), description.trimmed("exchangeCode"), null, null,
                    active, start, active ? null : end);
        } catch (IOException e) {
            throw JsonAnswer.brokenOff(TiingoPriceProvider.NAME, symbol);
        }
    }

    /** The earliest last day of prices of a ticker that still trades on {@code today}. */
    static LocalDate activeSince(LocalDate today) {
        LocalDate day = today;
        for (int i = 0; i < ACTIVE_WITHIN_TRADING_DAYS; i++) {
            day = CALENDAR.previousTradingDay(day);
        }
        return day;
    }

    /** The day {@code field} names, written {@code YYYY-MM-DD} or as a stamp starting so; null when absent. */
    private LocalDate date(JsonFields description, String field, Symbol symbol) {
        String text = description.trimmed(field);
        if (text == null && !description.isWrong(field)) {
            return null;
        }
        Optional<LocalDate> day = TiingoPricesReader.tradingDay(text);
        if (day.isEmpty()) {
            log.warn("Leaving out the {} of the listing of {} from provider {}: it is not a date written YYYY-MM-DD",
                    field, symbol, TiingoPriceProvider.NAME);
        }
        return day.orElse(null);
    }
}
