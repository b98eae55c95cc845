package org.stockticker.adapters.alphavantage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.http.ResilientFeign;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.RateLimitListener;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * Daily price history from Alpha Vantage's {@code TIME_SERIES_DAILY} function.
 *
 * <p>Each window costs one request, {@code GET /query?function=TIME_SERIES_DAILY&symbol=...&outputsize=...}:
 * {@code compact} (the latest 100 trading days) when that surely covers the window, counted back from today in
 * America/New_York (taken from the clock, never the machine's zone), else {@code full}; the rule is
 * {@link AlphaVantageOutputSize}'s. Alpha Vantage sends the newest day first, so the answer is read whole and its
 * bars handed on oldest first. Prices are as traded, the exact decimals Alpha Vantage wrote; there is no adjusted
 * close, which only the premium {@code TIME_SERIES_DAILY_ADJUSTED} has.
 *
 * <p>Alpha Vantage answers every error with HTTP 200. Its rate limits ({@code Note}, and {@code Information} about
 * a limit) are waited out and retried like a 429 and reported to the rate-limit listener; when the retries run
 * out, the caller gets a {@link org.stockticker.application.port.out.ProviderUnavailableException}. An
 * {@code Error Message} about the key is a rejected key, any other one an unknown symbol; an {@code Information}
 * about a premium-only request is a provider that will not answer, with its text. The key travels as the
 * {@code apikey} query parameter and appears in no message, log line or {@code toString}.
 */
public final class AlphaVantagePriceProvider implements PriceProviderPort {

    /** The provider's name in configurations and records. */
    public static final String NAME = "alpha_vantage";

    /** Where US listings trade, and so the calendar their trading days belong to. */
    private static final ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");

    private final AlphaVantageSettings settings;
    private final Clock clock;
    private final AlphaVantageApi api;
    private final AlphaVantageSeriesReader reader;
    private volatile RateLimitListener rateLimitListener = until -> { };

    /** A provider with {@link HttpPolicy#defaults} at the configured pace, on the system clock. */
    public AlphaVantagePriceProvider(AlphaVantageSettings settings) {
        this(settings, HttpPolicy.defaults(settings.requestsPerMinute()), Clock.systemUTC());
    }

    /** A provider whose network behaviour follows {@code policy}; the clock only tells which day today is. */
    public AlphaVantagePriceProvider(AlphaVantageSettings settings, HttpPolicy policy, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.api = ResilientFeign.client(AlphaVantageApi.class, NAME, settings.baseUrl(), policy,
                new AlphaVantageErrorDecoder(settings.apiKey()), until -> rateLimitListener.rateLimited(until));
        this.reader = new AlphaVantageSeriesReader(settings.apiKey());
    }

    @Override
    public String name() {
        return NAME;
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

    @Override
    public void onRateLimited(RateLimitListener listener) {
        rateLimitListener = listener;
    }

    @Override
    public String toString() {
        return "AlphaVantagePriceProvider[" + settings + "]";
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), EXCHANGE_ZONE);
    }
}
