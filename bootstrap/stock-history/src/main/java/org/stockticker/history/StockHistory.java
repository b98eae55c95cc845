package org.stockticker.history;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.stockticker.application.port.in.HistoryUseCase;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.out.ProviderConfig;
import org.stockticker.bootstrap.library.DaggerLibraryComponent;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * US stock history from one provider: daily bars, splits, dividends, listings, and bars adjusted for splits and
 * dividends, computed alike for every provider.
 *
 * <pre>{@code
 * try (StockHistory history = StockHistory.open(ProviderSettings.massive(System.getenv("MASSIVE_API_KEY")))) {
 *     List<Bar> bars = history.dailyBars("AAPL", LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 31));
 * }
 * }</pre>
 *
 * <p>Every request goes through the provider's retries and request budget, the connector's own: requests per minute,
 * and per hour and per day where the provider's plans count them, shared by every thread of this instance. Calls for
 * several symbols fetch them at once on the instance's threads ({@link Builder#concurrency}, 4 unless set), as fast
 * as the budget allows. {@link #async()} gives the same calls as {@link CompletableFuture}s.
 *
 * <p>An instance is safe to share between threads; open one per provider and keep it. {@link #close()} ends its
 * threads. Dates are the exchange's (New York) trading days; prices are exact decimals.
 *
 * <p>Failures are {@link StockHistoryException}s: {@link InvalidSettingsException} when opening,
 * {@link InvalidRequestException} for a bad symbol or date, {@link UnknownSymbolException},
 * {@link RejectedKeyException}, {@link QuotaExhaustedException} and {@link ProviderUnavailableException}.
 */
public final class StockHistory implements AutoCloseable {

    /** Symbols fetched at once unless {@link Builder#concurrency} says otherwise. */
    public static final int DEFAULT_CONCURRENCY = 4;

    private final HistoryUseCase history;
    private final Workers workers;
    private final AsyncStockHistory async = new AsyncStockHistory(this);

    private StockHistory(HistoryUseCase history, Workers workers) {
        this.history = history;
        this.workers = workers;
    }

    /**
     * A history served by the provider {@code settings} describe, with the default concurrency and the system clock.
     *
     * @param settings the provider and its settings
     * @return the history; close it when done
     * @throws InvalidSettingsException if the settings cannot work (a missing key, a value out of range)
     */
    public static StockHistory open(ProviderSettings settings) {
        return builder(settings).build();
    }

    /**
     * Starts a history served by the provider {@code settings} describe, for settings of the history itself.
     *
     * @param settings the provider and its settings
     * @return a builder
     */
    public static Builder builder(ProviderSettings settings) {
        return new Builder(settings);
    }

    /**
     * The provider's name, as in its settings.
     *
     * @return the name, such as {@code massive}
     */
    public String provider() {
        return history.provider();
    }

    /**
     * The same calls, answered as {@link CompletableFuture}s completed on this instance's threads. A future fails
     * with the exception the call would throw.
     *
     * @return the asynchronous view of this history
     */
    public AsyncStockHistory async() {
        return async;
    }

    /**
     * The bars of {@code symbol} from {@code from} to {@code to}, both included, ascending by date, as traded (or as
     * the provider adjusts them where its settings ask it to), with the provider's own adjusted close where it sends
     * one. One request for most providers.
     *
     * @param symbol a ticker symbol, in any case
     * @param from the first day
     * @param to the last day
     * @return the bars; empty where the symbol did not trade
     * @throws InvalidRequestException if the symbol or a date is invalid
     * @throws StockHistoryException if the provider fails
     */
    public List<Bar> dailyBars(String symbol, LocalDate from, LocalDate to) {
        DateWindow window = window(from, to);
        return call(() -> bars(symbol(symbol), window));
    }

    /**
     * {@link #dailyBars(String, LocalDate, LocalDate)} of each of {@code symbols}, by the plan with fewer requests:
     * a request a symbol, fetched at once, or, with a provider that answers a whole market day in one request
     * (Massive), a request a trading day when the window holds fewer trading days than there are symbols (the daily
     * bars of 500 symbols: one request). Either way the same bars.
     *
     * @param symbols ticker symbols, in any case; repeats are read once
     * @param from the first day
     * @param to the last day
     * @return each symbol's bars, by upper-case symbol, in the order given
     * @throws InvalidRequestException if a symbol or a date is invalid
     * @throws StockHistoryException the failure of a symbol: the first to fail stops the others
     */
    public Map<String, List<Bar>> dailyBars(Collection<String> symbols, LocalDate from, LocalDate to) {
        return join(async.dailyBars(symbols, from, to));
    }

    /**
     * The bars of {@code symbol} from {@code from} to {@code to}, back-adjusted as of today: each price multiplied by
     * the factor of every split (and, for {@link Adjustment#SPLITS_AND_DIVIDENDS}, every dividend) after its day,
     * each volume divided by the splits' factor. Computed from the as-traded bars and the provider's splits and
     * dividends, alike for every provider; {@link Bar#adjustedClose()} is the adjusted close. docs/library.md gives
     * the formula. Costs the requests of the bars, the splits and (for dividends) the dividends.
     *
     * @param symbol a ticker symbol, in any case
     * @param from the first day
     * @param to the last day
     * @param adjustment what to adjust for
     * @return the adjusted bars, ascending by date
     * @throws InvalidRequestException if the symbol or a date is invalid, or the provider sends adjusted prices
     * @throws StockHistoryException if the provider fails
     */
    public List<Bar> adjustedBars(String symbol, LocalDate from, LocalDate to, Adjustment adjustment) {
        DateWindow window = window(from, to);
        org.stockticker.domain.Adjustment kind = adjustment(adjustment);
        return call(() -> adjusted(symbol(symbol), window, kind));
    }

    /**
     * {@link #adjustedBars(String, LocalDate, LocalDate, Adjustment)} of each of {@code symbols}, fetched at once.
     *
     * @param symbols ticker symbols, in any case; repeats are read once
     * @param from the first day
     * @param to the last day
     * @param adjustment what to adjust for
     * @return each symbol's adjusted bars, by upper-case symbol, in the order given
     * @throws InvalidRequestException if a symbol or a date is invalid
     * @throws StockHistoryException the failure of a symbol: the first to fail stops the others
     */
    public Map<String, List<Bar>> adjustedBars(Collection<String> symbols, LocalDate from, LocalDate to,
            Adjustment adjustment) {
        return join(async.adjustedBars(symbols, from, to, adjustment));
    }

    /**
     * The splits of {@code symbol} executed from {@code from} to {@code to}, ascending by date.
     *
     * @param symbol a ticker symbol, in any case
     * @param from the first day
     * @param to the last day
     * @return the splits
     * @throws InvalidRequestException if the symbol or a date is invalid
     * @throws StockHistoryException if the provider fails
     */
    public List<Split> splits(String symbol, LocalDate from, LocalDate to) {
        DateWindow window = window(from, to);
        return call(() -> splitsOf(symbol(symbol), window));
    }

    /**
     * {@link #splits(String, LocalDate, LocalDate)} of each of {@code symbols}, fetched at once.
     *
     * @param symbols ticker symbols, in any case; repeats are read once
     * @param from the first day
     * @param to the last day
     * @return each symbol's splits, by upper-case symbol, in the order given
     * @throws InvalidRequestException if a symbol or a date is invalid
     * @throws StockHistoryException the failure of a symbol: the first to fail stops the others
     */
    public Map<String, List<Split>> splits(Collection<String> symbols, LocalDate from, LocalDate to) {
        return join(async.splits(symbols, from, to));
    }

    /**
     * The cash dividends of {@code symbol} with ex-dividend dates from {@code from} to {@code to}, ascending by that
     * date; a special and a regular dividend of one day are both there.
     *
     * @param symbol a ticker symbol, in any case
     * @param from the first day
     * @param to the last day
     * @return the dividends
     * @throws InvalidRequestException if the symbol or a date is invalid
     * @throws StockHistoryException if the provider fails
     */
    public List<Dividend> dividends(String symbol, LocalDate from, LocalDate to) {
        DateWindow window = window(from, to);
        return call(() -> dividendsOf(symbol(symbol), window));
    }

    /**
     * {@link #dividends(String, LocalDate, LocalDate)} of each of {@code symbols}, fetched at once.
     *
     * @param symbols ticker symbols, in any case; repeats are read once
     * @param from the first day
     * @param to the last day
     * @return each symbol's dividends, by upper-case symbol, in the order given
     * @throws InvalidRequestException if a symbol or a date is invalid
     * @throws StockHistoryException the failure of a symbol: the first to fail stops the others
     */
    public Map<String, List<Dividend>> dividends(Collection<String> symbols, LocalDate from, LocalDate to) {
        return join(async.dividends(symbols, from, to));
    }

    /**
     * The listing of {@code symbol}: its name, exchange, type and whether it still trades.
     *
     * @param symbol a ticker symbol, in any case
     * @return the listing
     * @throws InvalidRequestException if the symbol is invalid
     * @throws StockHistoryException if the provider fails
     */
    public Listing listing(String symbol) {
        return call(() -> listingOf(symbol(symbol)));
    }

    /**
     * {@link #listing(String)} of each of {@code symbols}, fetched at once.
     *
     * @param symbols ticker symbols, in any case; repeats are read once
     * @return each symbol's listing, by upper-case symbol, in the order given
     * @throws InvalidRequestException if a symbol is invalid
     * @throws StockHistoryException the failure of a symbol: the first to fail stops the others
     */
    public Map<String, Listing> listings(Collection<String> symbols) {
        return join(async.listings(symbols));
    }

    /**
     * Ends this instance's threads. Every call on them that has not completed is cancelled: its future completes
     * with a {@link CancellationException}, and a call for several symbols waiting for it throws
     * {@link ProviderUnavailableException}; a request already sent may still be answered, unseen. Later calls for
     * several symbols, and every asynchronous call, throw {@link IllegalStateException}; a call for one symbol still
     * works, on the calling thread.
     */
    @Override
    public void close() {
        workers.close();
    }

    // ---- shared by the synchronous and the asynchronous calls -------------------------------------------------------

    // ---- each read once, in the library's values, for the synchronous and the asynchronous calls -------------------

    List<Bar> bars(Symbol symbol, DateWindow window) {
        return history.dailyBars(symbol, window).stream().map(Translate::bar).toList();
    }

    /** The bars of {@code symbols}, where reading them a trading day at a time takes fewer requests; else empty. */
    Optional<Supplier<Map<String, List<Bar>>>> barsByDay(List<Symbol> symbols, DateWindow window) {
        if (!history.fewerRequestsByDay(symbols, window)) {
            return Optional.empty();
        }
        return Optional.of(() -> {
            Map<String, List<Bar>> bars = new LinkedHashMap<>();
            history.dailyBarsByDay(symbols, window).forEach((symbol, symbolBars) ->
                    bars.put(symbol.value(), symbolBars.stream().map(Translate::bar).toList()));
            return Collections.unmodifiableMap(bars);
        });
    }

    List<Bar> adjusted(Symbol symbol, DateWindow window, org.stockticker.domain.Adjustment adjustment) {
        return history.adjustedBars(symbol, window, adjustment).bars().stream().map(Translate::bar).toList();
    }

    List<Split> splitsOf(Symbol symbol, DateWindow window) {
        return history.splits(symbol, window).stream().map(Translate::split).toList();
    }

    List<Dividend> dividendsOf(Symbol symbol, DateWindow window) {
        return history.dividends(symbol, window).stream().map(Translate::dividend).toList();
    }

    Listing listingOf(Symbol symbol) {
        return Translate.listing(history.listing(symbol));
    }

    /** The calls on this instance's threads not yet completed. */
    int callsUnderWay() {
        return workers.underWay();
    }

    /** {@code read} of each symbol on this instance's threads, by upper-case symbol, in the order given. */
    <T> CompletableFuture<Map<String, T>> each(Collection<String> symbols, Function<Symbol, T> read) {
        return workers.each(symbols(symbols).stream().map(Symbol::value).toList(),
                symbol -> call(() -> read.apply(new Symbol(symbol))));
    }

    /**
     * {@code symbols} parsed, each once, in their order. Every symbol is checked before the first request, so that a
     * bad one costs no request.
     */
    static List<Symbol> symbols(Collection<String> symbols) {
        if (symbols == null) {
            throw new InvalidRequestException("symbols are required", null);
        }
        Set<Symbol> parsed = new LinkedHashSet<>();
        symbols.forEach(text -> parsed.add(symbol(text)));
        return List.copyOf(parsed);
    }

    /** {@code call} on one of this instance's threads, its failures as the library's exceptions. */
    <T> CompletableFuture<T> later(Supplier<T> call) {
        return workers.later(() -> call(call));
    }

    static <T> T call(Supplier<T> call) {
        return Translate.failures(call);
    }

    static Symbol symbol(String text) {
        try {
            return Symbol.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage(), e);
        }
    }

    static DateWindow window(LocalDate from, LocalDate to) {
        if (from == null) {
            throw new InvalidRequestException("from is required", null);
        }
        if (to == null) {
            throw new InvalidRequestException("to is required", null);
        }
        if (from.isAfter(to)) {
            throw new InvalidRequestException("from " + from + " is after to " + to, null);
        }
        return new DateWindow(from, to);
    }

    static org.stockticker.domain.Adjustment adjustment(Adjustment adjustment) {
        if (adjustment == null) {
            throw new InvalidRequestException("adjustment is required", null);
        }
        return Translate.adjustment(adjustment);
    }

    /** The result of {@code future}, its failure thrown as it was, for the synchronous calls. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted while waiting for the provider", e);
        } catch (ExecutionException e) {
            throw unwrapped(e.getCause());
        } catch (CancellationException e) {
            throw new ProviderUnavailableException("cancelled: the StockHistory was closed", e);
        }
    }

    private static RuntimeException unwrapped(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CancellationException) {
            return new ProviderUnavailableException("cancelled: the StockHistory was closed", cause);
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new ProviderUnavailableException(String.valueOf(cause.getMessage()), cause);
    }

    /** The settings of a history itself, beside its provider's. */
    public static final class Builder {

        private final ProviderSettings settings;
        private int concurrency = DEFAULT_CONCURRENCY;
        private Clock clock = Clock.systemUTC();

        private Builder(ProviderSettings settings) {
            if (settings == null) {
                throw new InvalidSettingsException("settings are required", null);
            }
            this.settings = settings;
        }

        /**
         * How many symbols are fetched at once by the calls for several symbols and the asynchronous calls (4 unless
         * set). The provider's request budget holds however many there are: more threads only wait their turn.
         *
         * @param symbolsAtOnce from 1 to 64
         * @return this builder
         * @throws InvalidSettingsException if it is out of range
         */
        public Builder concurrency(int symbolsAtOnce) {
            if (symbolsAtOnce < 1 || symbolsAtOnce > 64) {
                throw new InvalidSettingsException("concurrency must be from 1 to 64, not " + symbolsAtOnce, null);
            }
            this.concurrency = symbolsAtOnce;
            return this;
        }

        /**
         * The clock that tells what "today" is (the system clock unless set): adjusted bars are as of today.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new InvalidSettingsException("clock is required", null);
            }
            this.clock = clock;
            return this;
        }

        /**
         * The history. Nothing is requested yet.
         *
         * @return the history; close it when done
         * @throws InvalidSettingsException if the provider's settings cannot work
         */
        public StockHistory build() {
            HistoryUseCase history;
            try {
                history = DaggerLibraryComponent.factory()
                        .create(new ProviderConfig(settings.provider(), settings.values()), clock).history();
            } catch (InvalidInputException e) {
                throw new InvalidSettingsException(settings.provider() + ": " + e.getMessage(), e);
            }
            return new StockHistory(history, new Workers(concurrency));
        }
    }
}
