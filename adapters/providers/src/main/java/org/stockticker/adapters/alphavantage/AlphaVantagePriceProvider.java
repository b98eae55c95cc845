package org.stockticker.adapters.alphavantage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.provider.NetworkPriceProvider;
import org.stockticker.adapters.provider.NetworkSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockticker.application.port.out.CorporateActionsPort;
import org.stockticker.application.port.out.ListingsPort;
import org.stockticker.application.port.out.ProviderConfig;
import org.stockticker.application.port.out.ProviderReach;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.UsTradingCalendar;

/**
 * Daily price history from Alpha Vantage's {@code TIME_SERIES_DAILY} function, and the splits, dividends and listings
 * Alpha Vantage reports.
 *
 * <p>Each window costs one request, {@code GET /query?function=TIME_SERIES_DAILY&symbol=...&outputsize=...}:
 * {@code compact} (the latest 100 trading days) when that surely covers the window, counted back from today in
 * America/New_York (taken from the clock, never the machine's zone), else {@code full}; the rule is
 * {@link AlphaVantageOutputSize}'s. Alpha Vantage sends the newest day first, so the answer is read whole and its
 * bars handed on oldest first. Prices are as traded, the exact decimals Alpha Vantage wrote; there is no adjusted
 * close, which only the premium {@code TIME_SERIES_DAILY_ADJUSTED} has.
 *
 * <p>Alpha Vantage answers every error with HTTP 200. Its limits of the pace ({@code Note}, and {@code Information}
 * about a limit per second or minute) are waited out and retried like a 429 and reported to the rate-limit
 * listener; when the retries run out, the caller gets a
 * {@link org.stockticker.application.port.out.ProviderUnavailableException}. Its daily limit is a spent quota that
 * resets at the next midnight UTC (see {@link AlphaVantageAnswer}): waited for when that is within the longest wait,
 * else a {@link org.stockticker.application.port.out.QuotaSpentException}, and no further request that day. An
 * {@code Error Message} about the key is a rejected key, any other one an unknown symbol; an {@code Information}
 * about a premium-only request is a provider that will not answer, with its text. The key travels as the
 * {@code apikey} query parameter and appears in no message, log line or {@code toString}.
 *
 * <p>Splits and dividends cost one request each per symbol ({@code SPLITS}, {@code DIVIDENDS}, every event Alpha
 * Vantage knows, of which those within the window are handed on, ascending: see {@link AlphaVantageEventsReader}).
 * Listings come from {@code LISTING_STATUS}, the active and the delisted list, two requests for the whole market,
 * read once per provider for any number of symbols (see {@link AlphaVantageListings}).
 */
public final class AlphaVantagePriceProvider extends NetworkPriceProvider
        implements CorporateActionsPort, ListingsPort {

    /** The provider's name in configurations and records. */
    public static final String NAME = "alpha_vantage";

    /** Alpha Vantage's own API root. */
    public static final String DEFAULT_BASE_URL = "https://www.alphavantage.co";

    /**
     * Suits the free plan, which allows about one request a second and 25 a day: one request every 12 seconds
     * never trips the per-second limit, and a sync of a few tickers does not burn the day's quota in a burst.
     * Paid plans allow far more; {@code requests_per_minute} raises the pace.
     */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 5;

    /**
     * The free plan's 25 requests a day. A sync that needs more reads what the day allows, checkpoints, and ends;
     * the next sync, the next day, resumes there.
     */
    public static final int DEFAULT_REQUESTS_PER_DAY = 25;

    private static final Logger LOG = LoggerFactory.getLogger(AlphaVantagePriceProvider.class);

    private final NetworkSettings settings;
    private final Clock clock;
    private final AlphaVantageApi api;
    private final AlphaVantageSeriesReader reader;
    private final AlphaVantageEventsReader events;
    private final AlphaVantageListings listings;

    /**
     * A provider whose network behaviour follows {@code policy}; the clock tells which day today is, and keeps the
     * time of its request budget.
     */
    public AlphaVantagePriceProvider(NetworkSettings settings, HttpPolicy policy, Clock clock) {
        this(settings, policy, clock, LOG);
    }

    /** A provider that reports skipped events and listings to {@code log}, so that the reports can be checked. */
    AlphaVantagePriceProvider(NetworkSettings settings, HttpPolicy policy, Clock clock, Logger log) {
        super(NAME, clock);
        this.settings = settings;
        this.clock = clock;
        this.api = client(AlphaVantageApi.class, settings.baseUrl(), policy,
                new AlphaVantageErrorDecoder(settings.apiKey()), new AlphaVantageDecoder());
        this.reader = new AlphaVantageSeriesReader(settings.apiKey());
        this.events = new AlphaVantageEventsReader(settings.apiKey(), log);
        this.listings = new AlphaVantageListings(api, settings.apiKey(), log);
    }

    /**
     * The Alpha Vantage settings of {@code config}: {@code api_key}, {@code base_url} (default
     * {@value #DEFAULT_BASE_URL}), {@code requests_per_minute} (default {@value #DEFAULT_REQUESTS_PER_MINUTE}) and
     * {@code requests_per_day} (default {@value #DEFAULT_REQUESTS_PER_DAY}).
     */
    public static NetworkSettings settings(ProviderConfig config) {
        return NetworkSettings.from(config, DEFAULT_BASE_URL, DEFAULT_REQUESTS_PER_MINUTE, OptionalInt.empty(),
                OptionalInt.of(DEFAULT_REQUESTS_PER_DAY));
    }

    /**
     * One symbol a request, at the configured pace and daily budget; bars are as traded, without an adjusted close,
     * so no split or dividend ever changes them.
     */
    @Override
    public ProviderReach reach() {
        return ProviderReach.perSymbol(false, settings.requestsPerMinute())
                .withBudgets(settings.requestsPerHour(), settings.requestsPerDay());
    }

    @Override
    public Stream<DailyBar> dailyBars(Symbol symbol, DateWindow window) {
        AlphaVantageOutputSize size = AlphaVantageOutputSize.covering(window.from(), today());
        return reader.bars(api.daily(symbol.value(), size.code(), settings.apiKey()), symbol, window).stream();
    }

    /** Asks for the compact series, the smallest answer Alpha Vantage gives for a symbol. */
    @Override
    public void verify(Symbol symbol) {
        reader.requireSeries(api.daily(symbol.value(), AlphaVantageOutputSize.COMPACT.code(), settings.apiKey()),
                symbol);
    }

    /** One {@code SPLITS} request: the splits executed within the window, ascending. */
    @Override
    public Stream<Split> splits(Symbol symbol, DateWindow window) {
        return events.splits(api.splits(symbol.value(), settings.apiKey()), symbol, window).stream();
    }

    /** One {@code DIVIDENDS} request: the dividends whose ex-dividend date lies within the window, ascending. */
    @Override
    public Stream<Dividend> dividends(Symbol symbol, DateWindow window) {
        return events.dividends(api.dividends(symbol.value(), settings.apiKey()), symbol, window).stream();
    }

    /** From both listing lists, read by the first call of this provider: two requests in all. */
    @Override
    public Listing listing(Symbol symbol) {
        return listings.listing(symbol);
    }

    /** {@code LISTING_STATUS} lists every US stock and ETF, active and delisted. */
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
        return "AlphaVantagePriceProvider[" + settings + "]";
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), UsTradingCalendar.ZONE);
    }
}
