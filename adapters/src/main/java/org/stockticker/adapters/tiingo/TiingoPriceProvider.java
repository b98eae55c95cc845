package org.stockticker.adapters.tiingo;

import feign.Response;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.json.ExactJson;
import org.stockticker.adapters.provider.NetworkPriceProvider;
import org.stockticker.adapters.provider.NetworkSettings;
import org.stockticker.application.port.out.ProviderConfig;
import org.stockticker.application.port.out.ProviderReach;
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
public final class TiingoPriceProvider extends NetworkPriceProvider {

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

    private final NetworkSettings settings;
    private final TiingoApi api;
    private final TiingoPricesReader reader;

    /**
     * A provider whose network behaviour follows {@code policy}. The clock is taken as every network provider
     * takes it, but Tiingo needs no "today": each request names its window's days explicitly.
     */
    public TiingoPriceProvider(NetworkSettings settings, HttpPolicy policy, Clock clock) {
        super(NAME);
        Objects.requireNonNull(clock, "clock is required");
        this.settings = settings;
        this.api = client(TiingoApi.class, settings.baseUrl(), policy, new TiingoErrorDecoder(settings.apiKey()));
        this.reader = new TiingoPricesReader(ExactJson.mapper());
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
