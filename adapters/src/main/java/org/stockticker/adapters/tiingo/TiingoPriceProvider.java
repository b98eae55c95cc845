package org.stockticker.adapters.tiingo;

import feign.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
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
     * One request a minute: Tiingo's free plan allows 50 requests an hour, and one a minute is the slowest pace a
     * whole {@code requests_per_minute} can express. That still allows 60 in an hour, so a sync of more than 50
     * requests within one hour can meet Tiingo's hourly 429: the retry layer backs off as for any rate limit, and
     * when the allocation is not back by the last attempt the read ends as a transient failure, to resume from its
     * last checkpoint. Paid plans raise the setting.
     */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 1;

    /** Where US listings trade, and so the calendar their trading days belong to. */
    private static final ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");

    private final NetworkSettings settings;
    private final Clock clock;
    private final TiingoApi api;
    private final TiingoPricesReader reader;
    private final TiingoEventsReader events;
    private final TiingoListingReader listings;

    /**
     * A provider whose network behaviour follows {@code policy}. The clock only tells which day today is, for
     * listings: each prices request names its window's days explicitly.
     */
    public TiingoPriceProvider(NetworkSettings settings, HttpPolicy policy, Clock clock) {
        this(settings, policy, clock, LoggerFactory.getLogger(TiingoPriceProvider.class));
    }

    /** A provider that reports skipped events and the listing dates it leaves out to {@code log}. */
    TiingoPriceProvider(NetworkSettings settings, HttpPolicy policy, Clock clock, Logger log) {
        super(NAME);
        this.settings = settings;
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.api = client(TiingoApi.class, settings.baseUrl(), policy, new TiingoErrorDecoder(settings.apiKey()));
        this.reader = new TiingoPricesReader(ExactJson.mapper());
        this.events = new TiingoEventsReader(ExactJson.mapper(), log);
        this.listings = new TiingoListingReader(ExactJson.mapper(), log);
    }

    /**
     * The Tiingo settings of {@code config}: {@code api_key}, {@code base_url} (default {@value #DEFAULT_BASE_URL})
     * and {@code requests_per_minute} (default {@value #DEFAULT_REQUESTS_PER_MINUTE}).
     */
    public static NetworkSettings settings(ProviderConfig config) {
        return NetworkSettings.from(config, DEFAULT_BASE_URL, DEFAULT_REQUESTS_PER_MINUTE);
    }

    /** One symbol a request, at the configured pace; bars carry Tiingo's {@code adjClose} as the adjusted close. */
    @Override
    public ProviderReach reach() {
        return ProviderReach.perSymbol(true, settings.requestsPerMinute());
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
                LocalDate.ofInstant(clock.instant(), EXCHANGE_ZONE));
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
