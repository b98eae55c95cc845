package org.stockticker.application.service;

import java.util.stream.Stream;
import org.stockticker.application.port.in.LoadDailyBarsUseCase;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.read.CursorOrder;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/** Serves a symbol's history straight from the provider, in window and in order. */
public final class LoadDailyBarsService implements LoadDailyBarsUseCase {

    private final PriceProviderPort provider;

    public LoadDailyBarsService(PriceProviderPort provider) {
        this.provider = provider;
    }

    @Override
    public Stream<DailyBar> dailyBars(Symbol symbol, DateWindow window) {
        // The request is made when the stream is first consumed; the symbol's bars are put in order as a whole.
        return Stream.of(window).flatMap(days -> {
            CursorOrder<DailyBar> order = new CursorOrder<>(days, DailyBar::date);
            try (Stream<DailyBar> bars = provider.dailyBars(symbol, days)) {
                bars.forEach(order::add);
            }
            return order.ascending(symbol, warning -> { }).stream();
        });
    }
}
