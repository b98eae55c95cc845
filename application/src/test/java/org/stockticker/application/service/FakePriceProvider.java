package org.stockticker.application.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.stockticker.application.port.out.PriceProviderPort;
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
    private final Map<Symbol, RuntimeException> verifyFailures = new HashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final List<Symbol> verified = new ArrayList<>();
    private boolean sendsBarsOutsideTheWindow;
    private int openStreams;

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

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Symbol> verified() {
        return List.copyOf(verified);
    }

    /** Streams handed out and not yet closed. */
    int openStreams() {
        return openStreams;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Stream<DailyBar> dailyBars(Symbol symbol, DateWindow window) {
        requests.add(new Request(symbol, window));
        RuntimeException failure = failures.get(symbol);
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
        openStreams++;
        return stream.onClose(() -> openStreams--);
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
