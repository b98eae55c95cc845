package org.stockticker.adapters.iex;

import feign.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.json.ExactJson;
import org.stockticker.adapters.provider.NetworkPriceProvider;
import org.stockticker.adapters.provider.NetworkSettings;
import org.stockticker.application.port.in.InvalidInputException;
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
 * Daily price history, splits, dividends and listings from IEX Cloud's API, or any service that answers like it.
 *
 * <p>A one-day window asks for that day alone ({@code /stock/{symbol}/chart/date/YYYYMMDD?chartByDay=true}).
 * A longer window asks for the narrowest chart range ({@code 5d 1m 3m 6m ytd 1y 2y 5y max}) that surely reaches
 * back to the window's first day, counted from today in America/New_York (taken from the clock, never the
 * machine's zone): {@code 5d} when the window starts within the last 4 days, since five trading days always span
 * at least five calendar days; a calendar range when the window starts at least 7 days after the range's nominal
 * start (one month, three months, six months, January 1st, one year, two years or five years before today),
 * because IEX does not say whether it counts those in calendar days or trading days; otherwise {@code max}.
 *
 * <p>Bars carry the unadjusted {@code uOpen..uVolume} prices, or the plain ones where an answer lacks them, and
 * {@code fClose} as the adjusted close. Prices stay the exact decimals IEX sent. The key travels as the
 * {@code token} query parameter and appears in no message, log line or {@code toString}.
 *
 * <p>Splits and dividends come from {@code /stock/{symbol}/splits/{range}} and {@code /stock/{symbol}/dividends/{range}},
 * one request each, with the narrowest range that surely covers the window as for bars, among the ranges those
 * endpoints serve: {@code 1m} (also for a window of the last few days) to {@code 5y}. Events further back than five
 * years are beyond them: a window that starts earlier is read from {@code 5y}, and the first such read of a provider
 * says so in a WARN. How events are read is {@link IexCorporateActionsReader}'s. A listing comes from
 * {@code /stock/{symbol}/company} (see {@link IexCompanyReader}).
 */
public final class IexPriceProvider extends NetworkPriceProvider implements CorporateActionsPort, ListingsPort {

    /** The provider's name in configurations and records. */
    public static final String NAME = "iex";

    /** Why {@code base_url} has no default: IEX Cloud's own address no longer answers. */
    static final String BASE_URL_REQUIRED = "provider.base_url is required for iex: IEX Cloud closed in 2024, so set"
            + " the URL of a service compatible with its API";

    /**
     * IEX Cloud's documented limit, on every plan: 100 requests per second per IP address, measured in milliseconds.
     * The rate limiter spaces requests evenly, one every 10 ms, so no second ever holds more than 100.
     */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 6_000;

    private final NetworkSettings settings;
    private final Clock clock;
    private final IexApi api;
    private final IexChartReader reader;
    private final IexCorporateActionsReader events;
    private final IexCompanyReader companies;
    private final Logger log;
    private final AtomicBoolean toldEventReach = new AtomicBoolean();

    /**
     * A provider whose network behaviour follows {@code policy}; the clock tells which day today is, and keeps the
     * time of its request budget.
     */
    public IexPriceProvider(NetworkSettings settings, HttpPolicy policy, Clock clock) {
        this(settings, policy, clock, LoggerFactory.getLogger(IexPriceProvider.class));
    }

    /** A provider that reports skipped events, values left out and the reach of its events to {@code log}. */
    IexPriceProvider(NetworkSettings settings, HttpPolicy policy, Clock clock, Logger log) {
        super(NAME, clock);
        this.settings = settings;
        this.clock = clock;
        this.api = client(IexApi.class, settings.baseUrl(), policy, new IexErrorDecoder(settings.apiKey()));
        this.reader = new IexChartReader(ExactJson.mapper());
        this.events = new IexCorporateActionsReader(ExactJson.mapper(), log);
        this.companies = new IexCompanyReader(ExactJson.mapper(), log);
        this.log = log;
    }

    /**
     * The IEX settings of {@code config}: {@code api_key}, {@code base_url} (required: IEX Cloud closed in 2024, so
     * there is no live default) and {@code requests_per_minute} (default {@value #DEFAULT_REQUESTS_PER_MINUTE}).
     *
     * @throws InvalidInputException naming the first field that is missing or wrong
     */
    public static NetworkSettings settings(ProviderConfig config) {
        config.requiredString("api_key");
        if (config.string("base_url").map(String::isBlank).orElse(true)) {
            throw new InvalidInputException(BASE_URL_REQUIRED);
        }
        return NetworkSettings.from(config, null, DEFAULT_REQUESTS_PER_MINUTE);
    }

    /** One symbol a request, at the configured pace; bars carry IEX's {@code fClose} as the adjusted close. */
    @Override
    public ProviderReach reach() {
        return ProviderReach.perSymbol(true, settings.requestsPerMinute());
    }

    @Override
    public Stream<DailyBar> dailyBars(Symbol symbol, DateWindow window) {
        Response response = request(symbol, () -> window.days() == 1
                ? api.day(symbol.value(), window.from().format(DateTimeFormatter.BASIC_ISO_DATE), settings.apiKey())
                : api.chart(symbol.value(), IexRange.covering(window.from(), today()).code(), settings.apiKey()));
        return reader.bars(response, symbol, window);
    }

    @Override
    public Stream<Split> splits(Symbol symbol, DateWindow window) {
        String range = eventRange(window).code();
        return events.splits(request(symbol, () -> api.splits(symbol.value(), range, settings.apiKey())), symbol,
                window);
    }

    @Override
    public Stream<Dividend> dividends(Symbol symbol, DateWindow window) {
        String range = eventRange(window).code();
        return events.dividends(request(symbol, () -> api.dividends(symbol.value(), range, settings.apiKey())),
                symbol, window);
    }

    @Override
    public Listing listing(Symbol symbol) {
        return companies.listing(request(symbol, () -> api.company(symbol.value(), settings.apiKey())), symbol);
    }

    @Override
    public void verify(Symbol symbol) {
        reader.requireArray(request(symbol, () -> api.latest(symbol.value(), settings.apiKey())), symbol);
    }

    @Override
    public String toString() {
        return "IexPriceProvider[" + settings + "]";
    }

    private IexRange eventRange(DateWindow window) {
        LocalDate today = today();
        IexRange range = IexRange.coveringEvents(window.from(), today);
        if (!range.covers(window.from(), today) && toldEventReach.compareAndSet(false, true)) {
            log.warn("Provider {} lists splits and dividends of the last five years only: those before about {} are"
                    + " not read", NAME, today.minusYears(5));
        }
        return range;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), UsTradingCalendar.ZONE);
    }

    private static Response request(Symbol symbol, Supplier<Response> call) {
        try {
            return call.get();
        } catch (IexErrorDecoder.SymbolNotFound e) {
            throw new UnknownSymbolException(symbol, NAME);
        }
    }
}
