package org.stockticker.adapters.tiingo;

import feign.Response;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.stockticker.adapters.json.ExactJson;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.http.ResilientFeign;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.RateLimitListener;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * Daily price history from Tiingo's end-of-day API.
 *
 * <p>Each window is one request, {@code /tiingo/daily/{ticker}/prices?startDate=...&endDate=...} with exactly the
 * window's first and last day, and {@link #verify} asks for the ticker's description at
 * {@code /tiingo/daily/{ticker}}, the smallest answer that proves both the key and the ticker.
 *
 * <p>Bars carry Tiingo's plain {@code open..volume}, which are as traded, and {@code adjClose} as the adjusted
 * close; prices stay the exact decimals Tiingo sent, and the trading day is the date part of Tiingo's stamp (see
 * {@link TiingoPricesReader}). The key travels only in the {@code Authorization: Token ...} header, never in a URL,
 * and appears in no message, log line or {@code toString}.
 */
public final class TiingoPriceProvider implements PriceProviderPort {

    /** The provider's name in configurations and records. */
    public static final String NAME = "tiingo";

    private final TiingoSettings settings;
    private final TiingoApi api;
    private final TiingoPricesReader reader;
    private volatile RateLimitListener rateLimitListener = until -> { };

    /** A provider with {@link HttpPolicy#defaults} at the configured pace, on the system clock. */
    public TiingoPriceProvider(TiingoSettings settings) {
        this(settings, HttpPolicy.defaults(settings.requestsPerMinute()), Clock.systemUTC());
    }

    /**
     * A provider whose network behaviour follows {@code policy}. The clock is taken as every network provider
     * takes it, but Tiingo needs no "today": each request names its window's days explicitly.
     */
    public TiingoPriceProvider(TiingoSettings settings, HttpPolicy policy, Clock clock) {
        Objects.requireNonNull(clock, "clock is required");
        this.settings = settings;
        this.api = ResilientFeign.client(TiingoApi.class, NAME, settings.baseUrl(), policy,
                new TiingoErrorDecoder(settings.apiKey()), until -> rateLimitListener.rateLimited(until));
        this.reader = new TiingoPricesReader(ExactJson.mapper());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Stream<DailyBar> dailyBars(Symbol symbol, DateWindow window) {
        Response response = request(symbol, () -> api.prices(symbol.value(),
                window.from().format(DateTimeFormatter.ISO_LOCAL_DATE),
                window.to().format(DateTimeFormatter.ISO_LOCAL_DATE), settings.apiKey()));
        return reader.bars(response, symbol, window);
    }

    @Override
    public void verify(Symbol symbol) {
        reader.requireDescription(request(symbol, () -> api.meta(symbol.value(), settings.apiKey())), symbol);
    }

    @Override
    public void onRateLimited(RateLimitListener listener) {
        rateLimitListener = listener;
    }

    @Override
    public String toString() {
        return "TiingoPriceProvider[" + settings + "]";
    }

    private static Response request(Symbol symbol, Supplier<Response> call) {
        try {
            return call.get();
        } catch (TiingoErrorDecoder.SymbolNotFound e) {
            throw new UnknownSymbolException(symbol, NAME);
        }
    }
}
