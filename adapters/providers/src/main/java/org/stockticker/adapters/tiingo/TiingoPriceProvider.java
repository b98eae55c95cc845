package org.stockticker.adapters.tiingo;

import feign.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.json.ExactJson;
import org.stockticker.adapters.provider.NetworkPriceProvider;
import org.stockticker.adapters.provider.NetworkSettings;
import org.stockticker.application.port.out.CorporateActionsPort;
import org.stockticker.application.port.out.ListingsPort;
import org.stockticker.application.port.out.ProviderConfig;
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
 * Daily price history, splits, dividends and listings from Tiingo's end-of-day API.
 *
 * <p>Each window is one request, {@code /tiingo/daily/{ticker}/prices?startDate=...&endDate=...} with exactly the
 * window's first and last day, and {@link #verify} asks for the ticker's description at
 * {@code /tiingo/daily/{ticker}}, the smallest answer that proves both the key and the ticker.
 *
 * <p>Bars carry Tiingo's plain {@code open..volume}, which are as traded, and {@code adjClose} as the adjusted
 * close; prices stay the exact decimals Tiingo sent, and the trading day is the date part of Tiingo's stamp (see
 * {@link TiingoPricesReader}). The key travels only in the {@code Authorization: Token ...} header, never in a URL,
 * and appears in no message, log line or {@code toString}.
 *
 * <p>Tiingo marks splits and dividends on the bars of the days they take effect ({@code splitFactor},
 * {@code divCash}), so {@link #splits} and {@link #dividends} each read the prices answer of the window, one request
 * each, as {@link TiingoEventsReader} describes. A listing comes from the ticker's description, as
 * {@link TiingoListingReader} describes, its activity judged against today in America/New_York (taken from the clock,
 * never the machine's zone).
 */
public final class TiingoPriceProvider extends NetworkPriceProvider implements CorporateActionsPort, ListingsPort {

    /** The provider's name in configurations and records. */
    public static final String NAME = "tiingo";

    /** Tiingo's own API root. */
    public static final String DEFAULT_BASE_URL = "https://api.tiingo.com";

    /**
     * One request a minute, which spreads the free plan's 50 requests an hour over the hour rather than spending
     * them in a burst. Paid plans raise the setting.
     */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 1;

    /**
     * The free plan's 50 requests an hour, counted in clock hours as Tiingo counts them: its hourly 429 lasts until
     * the hour turns.
     */
    public static final int DEFAULT_REQUESTS_PER_HOUR = 50;

    /** The free plan's 1,000 requests a day. */
    public static final int DEFAULT_REQUESTS_PER_DAY = 1_000;

    private final NetworkSettings settings;
    private final Clock clock;
    private final TiingoApi api;
    private final TiingoPricesReader reader;
    private final TiingoEventsReader events;
    private final TiingoListingReader listings;

    /**
     * A provider whose network behaviour follows {@code policy}. The clock tells which day today is, for listings
     * (each prices request names its window's days explicitly), and keeps the time of its request budget.
     */
    public TiingoPriceProvider(NetworkSettings settings, HttpPolicy policy, Clock clock) {
        this(settings, policy, clock, LoggerFactory.getLogger(TiingoPriceProvider.class));
    }

    /** A provider that reports skipped events and the listing dates it leaves out to {@code log}. */
    TiingoPriceProvider(NetworkSettings settings, HttpPolicy policy, Clock clock, Logger log) {
        super(NAME, clock);
        this.settings = settings;
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.api = client(TiingoApi.class, settings.baseUrl(), policy, new TiingoErrorDecoder(settings.apiKey()));
        this.reader = new TiingoPricesReader(ExactJson.mapper());
        this.events = new TiingoEventsReader(ExactJson.mapper(), log);
        this.listings = new TiingoListingReader(ExactJson.mapper(), log);
    }

    /**
     * The Tiingo settings of {@code config}: {@code api_key}, {@code base_url} (default {@value #DEFAULT_BASE_URL}),
     * {@code requests_per_minute} (default {@value #DEFAULT_REQUESTS_PER_MINUTE}), {@code requests_per_hour}
     * (default {@value #DEFAULT_REQUESTS_PER_HOUR}) and {@code requests_per_day} (default
     * {@value #DEFAULT_REQUESTS_PER_DAY}).
     */
    public static NetworkSettings settings(ProviderConfig config) {
        return NetworkSettings.from(config, DEFAULT_BASE_URL, DEFAULT_REQUESTS_PER_MINUTE,
                OptionalInt.of(DEFAULT_REQUESTS_PER_HOUR), OptionalInt.of(DEFAULT_REQUESTS_PER_DAY));
    }

    /**
     * One symbol a request, at the configured pace and budgets; bars carry Tiingo's {@code adjClose} as the adjusted
     * close.
     */
    @Override
    public ProviderReach reach() {
        return ProviderReach.perSymbol(true, settings.requestsPerMinute())
                .withBudgets(settings.requestsPerHour(), settings.requestsPerDay());
    }

    @Override
    public Stream<DailyBar> dailyBars(Symbol symbol, DateWindow window) {
        return reader.bars(prices(symbol, window), symbol, window);
    }

    @Override
    public Stream<Split> splits(Symbol symbol, DateWindow window) {
        return events.splits(prices(symbol, window), symbol, window);
    }

    @Override
    public Stream<Dividend> dividends(Symbol symbol, DateWindow window) {
        return events.dividends(prices(symbol, window), symbol, window);
    }

    @Override
    public Listing listing(Symbol symbol) {
        return listings.listing(request(symbol, () -> api.meta(symbol.value(), settings.apiKey())), symbol,
                LocalDate.ofInstant(clock.instant(), UsTradingCalendar.ZONE));
    }

    @Override
    public void verify(Symbol symbol) {
        reader.requireDescription(request(symbol, () -> api.meta(symbol.value(), settings.apiKey())), symbol);
    }

    @Override
    public String toString() {
        return "TiingoPriceProvider[" + settings + "]";
    }

    /** The prices answer of exactly the window's days, unread. */
    private Response prices(Symbol symbol, DateWindow window) {
        return request(symbol, () -> api.prices(symbol.value(), window.from().format(DateTimeFormatter.ISO_LOCAL_DATE),
                window.to().format(DateTimeFormatter.ISO_LOCAL_DATE), settings.apiKey()));
    }

    private static Response request(Symbol symbol, Supplier<Response> call) {
        try {
            return call.get();
        } catch (TiingoErrorDecoder.SymbolNotFound e) {
            throw new UnknownSymbolException(symbol, NAME);
        }
    }
}
