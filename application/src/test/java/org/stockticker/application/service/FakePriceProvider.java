package org.stockticker.application.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.ProviderReach;
import org.stockticker.application.port.out.RateLimitListener;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * A price provider held in memory: bars per symbol, failures per symbol, and a log of every request, so a test
 * can state what the provider has and check what it was asked.
 */
final class FakePriceProvider implements PriceProviderPort {

    /** One call of {@link #dailyBars}. */
    record Request(Symbol symbol, DateWindow window) {
    }

    private final String name;
    private final Map<Symbol, List<DailyBar>> bars = new HashMap<>();
    private final Map<Symbol, RuntimeException> failures = new HashMap<>();
    private final Map<Symbol, Integer> failuresAfter = new HashMap<>();
    private final Map<Symbol, Integer> failuresLeft = new ConcurrentHashMap<>();
    private final Map<Symbol, Instant> rateLimits = new HashMap<>();
    private volatile RateLimitListener rateLimitListener = until -> { };
    private final Map<Symbol, RuntimeException> verifyFailures = new HashMap<>();
    // The service may read several symbols at once, each on a thread of its own.
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Symbol> verified = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean sendsBarsOutsideTheWindow;
    private final AtomicInteger openStreams = new AtomicInteger();
    private final Map<Symbol, Runnable> actions = new ConcurrentHashMap<>();
    private final Map<Symbol, Integer> actionsAfter = new ConcurrentHashMap<>();
    private final Map<Symbol, Runnable> requestActions = new ConcurrentHashMap<>();

    private volatile ProviderReach reach = ProviderReach.perSymbol(true, ProviderReach.UNPACED);
    private final List<LocalDate> daysAsked = Collections.synchronizedList(new ArrayList<>());
    private final Map<LocalDate, RuntimeException> dayFailures = new HashMap<>();
    private final Map<LocalDate, List<DailyBar>> extraDayBars = new HashMap<>();
    private final Map<LocalDate, Runnable> dayActions = new ConcurrentHashMap<>();

    FakePriceProvider() {
        this("fake");
    }

    FakePriceProvider(String name) {
        this.name = name;
    }

    /** The provider's bars of {@code symbol}, served in exactly this order. */
    FakePriceProvider with(Symbol symbol, DailyBar... symbolBars) {
        bars.put(symbol, List.of(symbolBars));
        return this;
    }

    /** Reading {@code symbol} throws {@code failure} before any bar. */
    FakePriceProvider failing(Symbol symbol, RuntimeException failure) {
        return failingAfter(symbol, 0, failure);
    }

    /** Reading {@code symbol} serves {@code barsFirst} bars, then throws {@code failure}. */
    FakePriceProvider failingAfter(Symbol symbol, int barsFirst, RuntimeException failure) {
        failures.put(symbol, failure);
        failuresAfter.put(symbol, barsFirst);
        return this;
    }

    /** Like {@link #failingAfter}, but only the first read of {@code symbol} fails; later reads succeed. */
    FakePriceProvider failingOnceAfter(Symbol symbol, int barsFirst, RuntimeException failure) {
        failuresLeft.put(symbol, 1);
        return failingAfter(symbol, barsFirst, failure);
    }

    /** Reading {@code symbol} runs {@code action} (on the reading thread) once {@code barsFirst} bars were served. */
    FakePriceProvider runningAfter(Symbol symbol, int barsFirst, Runnable action) {
        actions.put(symbol, action);
        actionsAfter.put(symbol, barsFirst);
        return this;
    }

    /** A request for {@code symbol} runs {@code action} first, on the requesting thread, before any answer. */
    FakePriceProvider onRequest(Symbol symbol, Runnable action) {
        requestActions.put(symbol, action);
        return this;
    }

    /** Reading {@code symbol} first makes the caller wait for the rate limit until {@code until}. */
    FakePriceProvider rateLimitedReading(Symbol symbol, Instant until) {
        rateLimits.put(symbol, until);
        return this;
    }

    /** Verifying {@code symbol} throws {@code failure}. */
    FakePriceProvider failingVerification(Symbol symbol, RuntimeException failure) {
        verifyFailures.put(symbol, failure);
        return this;
    }

    /** Serves every bar it has, whatever the window asked for, as the port allows. */
    FakePriceProvider sendingBarsOutsideTheWindow() {
        sendsBarsOutsideTheWindow = true;
        return this;
    }

    /** Answers a whole market day in one request too, from the bars of every symbol it has. */
    FakePriceProvider answeringMarketDays(boolean adjustedValues, int requestsPerMinute) {
        reach = new ProviderReach(true, adjustedValues, Optional.empty(), requestsPerMinute);
        return this;
    }

    /** Has a reach of its own. */
    FakePriceProvider reaching(ProviderReach reach) {
        this.reach = reach;
        return this;
    }

    /** Asking for the market day {@code day} throws {@code failure}. */
    FakePriceProvider failingDay(LocalDate day, RuntimeException failure) {
        dayFailures.put(day, failure);
        return this;
    }

    /** Asking for the market day {@code day} first runs {@code action}, on the reading thread. */
    FakePriceProvider runningOnDay(LocalDate day, Runnable action) {
        dayActions.put(day, action);
        return this;
    }

    /** The market day of {@code day} also holds {@code dayBars}, which no symbol's range answers. */
    FakePriceProvider withDayBars(LocalDate day, DailyBar... dayBars) {
        extraDayBars.put(day, List.of(dayBars));
        return this;
    }

    /** The market days asked for, in order. */
    List<LocalDate> daysAsked() {
        synchronized (daysAsked) {
            return List.copyOf(daysAsked);
        }
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<Symbol> verified() {
        synchronized (verified) {
            return List.copyOf(verified);
        }
    }

    /** Streams handed out and not yet closed. */
    int openStreams() {
        return openStreams.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Stream<DailyBar> dailyBars(Symbol symbol, DateWindow window) {
        requests.add(new Request(symbol, window));
        requestActions.getOrDefault(symbol, () -> { }).run();
        if (rateLimits.containsKey(symbol)) {
            rateLimitListener.rateLimited(rateLimits.get(symbol));
        }
        RuntimeException failure = failuresLeft.getOrDefault(symbol, 1) > 0 ? failures.get(symbol) : null;
        failuresLeft.computeIfPresent(symbol, (s, left) -> left - 1);
        if (failure != null && failuresAfter.get(symbol) == 0) {
            throw failure;
        }
        List<DailyBar> served = bars.getOrDefault(symbol, List.of()).stream()
                .filter(bar -> sendsBarsOutsideTheWindow || window.contains(bar.date()))
                .toList();
        Stream<DailyBar> stream = served.stream();
        if (failure != null) {
            Stream<DailyBar> thenFail = Stream.of(symbol).map(s -> {
                throw failure;
            });
            stream = Stream.concat(served.stream().limit(failuresAfter.get(symbol)), thenFail);
        }
        Runnable action = actions.get(symbol);
        if (action != null) {
            AtomicInteger handedOut = new AtomicInteger();
            stream = stream.peek(bar -> {
                if (handedOut.incrementAndGet() == actionsAfter.get(symbol)) {
                    action.run();
                }
            });
        }
        openStreams.incrementAndGet();
        return stream.onClose(openStreams::decrementAndGet);
    }

    @Override
    public ProviderReach reach() {
        return reach;
    }

    @Override
    public Stream<DailyBar> marketDay(LocalDate day) {
        if (!reach.marketDays()) {
            throw new UnsupportedOperationException("asked a per-symbol provider for a market day");
        }
        daysAsked.add(day);
        dayActions.getOrDefault(day, () -> { }).run();
        RuntimeException failure = dayFailures.get(day);
        if (failure != null) {
            throw failure;
        }
        List<DailyBar> served = new ArrayList<>(extraDayBars.getOrDefault(day, List.of()));
        // Shuffled by symbol, as a provider may answer in any order.
        bars.keySet().stream().sorted(Comparator.reverseOrder()).forEach(symbol -> bars.get(symbol).stream()
                .filter(bar -> bar.date().equals(day)).forEach(served::add));
        openStreams.incrementAndGet();
        return served.stream().onClose(openStreams::decrementAndGet);
    }

    /** Tells the listener of a rate limit now, as a provider's thread reading ahead may do at any time. */
    void reportRateLimit(Instant until) {
        rateLimitListener.rateLimited(until);
    }

    @Override
    public void onRateLimited(RateLimitListener listener) {
        rateLimitListener = listener;
    }

    @Override
    public void verify(Symbol symbol) {
        verified.add(symbol);
        RuntimeException failure = verifyFailures.get(symbol);
        if (failure != null) {
            throw failure;
        }
    }
}
