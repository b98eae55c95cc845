package org.stockticker.adapters.polygon;

import feign.Response;
import java.time.LocalDate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

/**
 * Massive's splits ({@code /stocks/v1/splits}) and dividends ({@code /stocks/v1/dividends}): one ticker's within a
 * window, or every ticker's from a day on, oldest first, 5,000 entries a page, each list read lazily page
 * after page ({@link PolygonListReader}) and its entries made into domain records ({@link PolygonSplitEntries},
 * {@link PolygonDividendEntries}).
 *
 * <p>Massive answers a ticker it does not know like one without splits or dividends, and tells the two apart only at
 * the cost of another request; most tickers have no split at all, so an empty list is taken as it comes.
 */
final class PolygonCorporateActions {

    private final String provider;
    private final PolygonApi api;
    private final String apiKey;
    private final PolygonPaging paging;
    private final PolygonListReader lists;
    private final Logger log;

    /** The lists of {@code provider}, as configured, asked for with {@code apiKey}; warnings go to {@code log}. */
    PolygonCorporateActions(String provider, PolygonApi api, String apiKey, PolygonPaging paging,
            PolygonListReader lists, Logger log) {
        this.provider = provider;
        this.api = api;
        this.apiKey = apiKey;
        this.paging = paging;
        this.lists = lists;
        this.log = log;
    }

    Stream<Split> splits(Symbol symbol, DateWindow window) {
        String subject = "the splits of " + symbol;
        return list(subject, "splits", () -> api.splits(symbol.value(), window.from().toString(),
                window.to().toString(), apiKey), new PolygonSplitEntries(entries(subject, symbol)));
    }

    Stream<Split> splitsFrom(LocalDate from) {
        String subject = "the splits of every symbol from " + from;
        return list(subject, "splits", () -> api.splitsFrom(from.toString(), apiKey),
                new PolygonSplitEntries(entries(subject, null)));
    }

    Stream<Dividend> dividends(Symbol symbol, DateWindow window) {
        String subject = "the dividends of " + symbol;
        return list(subject, "dividends", () -> api.dividends(symbol.value(), window.from().toString(),
                window.to().toString(), apiKey), new PolygonDividendEntries(entries(subject, symbol)));
    }

    Stream<Dividend> dividendsFrom(LocalDate from) {
        String subject = "the dividends of every symbol from " + from;
        return list(subject, "dividends", () -> api.dividendsFrom(from.toString(), apiKey),
                new PolygonDividendEntries(entries(subject, null)));
    }

    private PolygonEntries entries(String subject, Symbol symbol) {
        return new PolygonEntries(provider, subject, symbol, log);
    }

    private <T> Stream<T> list(String subject, String kind, Supplier<Response> first,
            PolygonListReader.Entries<T> entries) {
        return lists.entries(paging.first(subject, first), subject, kind, url -> paging.next(url, subject, subject),
                entries);
    }
}
