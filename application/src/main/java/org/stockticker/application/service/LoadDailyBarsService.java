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
        return CursorOrder.ascendingWithin(provider.dailyBars(symbol, window), window, DailyBar::date,
                DailyBar::symbol, warning -> { });
    }
}
