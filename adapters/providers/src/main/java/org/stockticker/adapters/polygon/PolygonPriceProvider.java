package org.stockticker.adapters.polygon;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.json.ExactJson;
import org.stockticker.adapters.provider.NetworkPriceProvider;
import org.stockticker.application.port.out.CorporateActionsPort;
import org.stockticker.application.port.out.ListingsPort;
import org.stockticker.application.port.out.ProviderReach;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.UsTradingCalendar;

/**
 * Daily price history, splits, dividends and listings from Massive (formerly Polygon.io), or any service that answers
 * like it.
 *
 * <p>A window is asked for as {@code /v2/aggs/ticker/{T}/range/1/day/{from}/{to}?adjusted=...&sort=asc&limit=50000},
 * and each {@code next_url} is followed until a page has none, by its path and query on the configured host with the
 * key appended ({@link PolygonPaging}). A page is fetched only when the caller has consumed the one before. A window
 * that starts after today in New York is answered empty without a request, since the free plan allows only five
 * requests a minute.
 *
 * <p>{@link #marketDay} asks for the bars of every US stock on one day in a single request,
 * {@code /v2/aggs/grouped/locale/us/market/stocks/{day}?adjusted=...&include_otc=false}, read row by row as it
 * arrives ({@link PolygonMarketDayReader}); a row gives the same bar as the same values in a symbol's window. A day
 * after today in New York is answered empty without a request.
 *
 * <p>Polygon answers an unknown ticker like a window without trading days, so when a whole window comes back
 * without a single bar, the ticker's reference entry ({@code /v3/reference/tickers/{T}}) tells the two apart: a 404
 * {@code NOT_FOUND} is an {@link UnknownSymbolException}. {@link #verify} asks that entry alone.
 *
 * <p>With {@code adjusted} false, bars carry the as-traded prices and no adjusted close; with {@code adjusted} true,
 * split-adjusted prices, the close doubling as the adjusted close. A bar's date is the day in America/New_York that
 * its start time {@code t} falls on, whatever the machine's time zone. A fractional volume {@code v}, which Polygon
 * sends for some tickers, is rounded to the nearest whole share, halves up. Prices stay the exact decimals Polygon
 * sent.
 *
 * <p>Splits and dividends come from {@code /stocks/v1/splits} and {@code /stocks/v1/dividends}, one ticker's within a
 * window or every ticker's from a day on ({@link PolygonCorporateActions}); listings from the reference data, one
 * ticker's entry or the list of every US stock ticker, active and delisted ({@link PolygonListings}). The key travels
 * as the {@code apiKey} query parameter and appears in no message, log line or {@code toString}.
 */
public final class PolygonPriceProvider extends NetworkPriceProvider implements CorporateActionsPort, ListingsPort {

    /** The provider's name in configurations and records. */
    public static final String NAME = "massive";

    /** The name the provider had before Polygon.io became Massive, still accepted in configurations. */
    public static final String FORMER_NAME = "polygon";

    private static final Logger LOG = LoggerFactory.getLogger(PolygonPriceProvider.class);

    private final PolygonSettings settings;
    private final Clock clock;
    private final PolygonApi api;
    private final PolygonAggregatesReader reader;
    private final PolygonMarketDayReader marketDays;
    private final PolygonPaging paging;
    private final PolygonCorporateActions corporateActions;
    private final PolygonListings listings;

    /** A provider named {@value #NAME} whose network behaviour follows {@code policy}; see the other constructor. */
    public PolygonPriceProvider(PolygonSettings settings, HttpPolicy policy, Clock clock) {
        this(NAME, settings, policy, clock);
    }

    /**
     * A provider known by {@code name} (as configured: {@value #NAME} or {@value #FORMER_NAME}) in records and
     * messages, whose network behaviour follows {@code policy}; the clock tells which day today is, and keeps the time
     * of its request budget.
     */
    public PolygonPriceProvider(String name, PolygonSettings settings, HttpPolicy policy, Clock clock) {
        this(name, settings, policy, clock, LOG);
    }

    /** A provider as the other constructor builds it, whose splits, dividends and listings warn {@code log}. */
    PolygonPriceProvider(String name, PolygonSettings settings, HttpPolicy policy, Clock clock, Logger log) {
        super(name, clock);
        this.settings = settings;
        this.clock = clock;
        String key = settings.network().apiKey();
        this.api = client(PolygonApi.class, settings.network().baseUrl(), policy, new PolygonErrorDecoder(name, key));
        ObjectMapper mapper = ExactJson.mapper();
        this.reader = new PolygonAggregatesReader(mapper, settings.adjusted(), name);
        this.marketDays = new PolygonMarketDayReader(mapper, settings.adjusted(), name);
        this.paging = new PolygonPaging(name, api, settings.network().baseUrl(), key);
        PolygonListReader lists = new PolygonListReader(mapper, name);
        this.corporateActions = new PolygonCorporateActions(name, api, key, paging, lists, log);
        this.listings = new PolygonListings(name, api, key, paging, lists, mapper, log);
    }

    /**
     * Every US stock of a day in one request, besides one symbol's window in another; no adjusted close apart from
     * the close, whichever prices {@code adjusted} asks for; at the configured pace.
     */
    @Override
    public ProviderReach reach() {
        // Split-adjusted bars carry the close as their adjusted close: their ratio never shows a split, so looking
        // back at the cursor's day would only cost requests; the splits listed at once tell instead.
        return new ProviderReach(true, false, Optional.empty(), settings.network().requestsPerMinute())
                .withSplitAdjustedPrices(settings.adjusted());
    }

    @Override
    public Stream<DailyBar> dailyBars(Symbol symbol, DateWindow window) {
        if (window.from().isAfter(today())) {
            return Stream.empty();
        }
        String what = "the daily bars of " + symbol;
        Response first = paging.first(what, () -> api.aggregates(symbol.value(), window.from().toString(),
                window.to().toString(), settings.adjusted(), settings.network().apiKey()));
        return reader.bars(first, symbol, window, new PolygonAggregatesReader.Continuation() {
            @Override
            public Response next(String nextUrl) {
                return paging.next(nextUrl, symbol.value(), what);
            }

            @Override
            public void noBarsAtAll() {
                verify(symbol);
            }
        });
    }

    @Override
    public Stream<DailyBar> marketDay(LocalDate day) {
        if (day.isAfter(today())) {
            return Stream.empty();
        }
        Response answer;
        try {
            answer = api.grouped(day.toString(), settings.adjusted(), settings.network().apiKey());
        } catch (PolygonErrorDecoder.NotFound e) {
            throw paging.notFound("the bars of " + PolygonMarketDayReader.subject(day), e);
        }
        return marketDays.bars(answer, day);
    }

    @Override
    public void verify(Symbol symbol) {
        Response answer;
        try {
            answer = api.ticker(symbol.value(), settings.network().apiKey());
        } catch (PolygonErrorDecoder.NotFound e) {
            if ("NOT_FOUND".equals(e.explanation().status())) {
                throw new UnknownSymbolException(symbol, name());
            }
            throw paging.notFound("the reference data of " + symbol, e);
        }
        reader.requireObject(answer, symbol);
    }

    @Override
    public Stream<Split> splits(Symbol symbol, DateWindow window) {
        return corporateActions.splits(symbol, window);
    }

    @Override
    public Stream<Dividend> dividends(Symbol symbol, DateWindow window) {
        return corporateActions.dividends(symbol, window);
    }

    /** Massive lists every ticker's splits, and dividends, in one list a few pages long. */
    @Override
    public boolean listsEverySymbolAtOnce() {
        return true;
    }

    @Override
    public Stream<Split> splitsFrom(LocalDate from) {
        return corporateActions.splitsFrom(from);
    }

    @Override
    public Stream<Dividend> dividendsFrom(LocalDate from) {
        return corporateActions.dividendsFrom(from);
    }

    /** The listing in {@code symbol}'s reference entry, the request {@link #verify} makes. */
    @Override
    public Listing listing(Symbol symbol) {
        return listings.listing(symbol);
    }

    /** Massive lists every US stock ticker, active and delisted, about a thousand a page. */
    @Override
    public boolean listsEverySymbol() {
        return true;
    }

    @Override
    public Stream<Listing> everyListing() {
        return listings.everyListing();
    }

    @Override
    public String toString() {
        return "PolygonPriceProvider[" + settings + "]";
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), UsTradingCalendar.ZONE);
    }
}
