package org.stockticker.application.read;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.Symbol;

/** The daily bars of a whole market day, from a provider that answers one in a request. */
public final class PriceDays implements DaySource<DailyBar> {

    private final PriceProviderPort provider;

    public PriceDays(PriceProviderPort provider) {
        this.provider = provider;
    }

    @Override
    public Stream<DailyBar> day(LocalDate day) {
        return provider.marketDay(day);
    }

    @Override
    public Symbol symbolOf(DailyBar bar) {
        return bar.symbol();
    }

    @Override
    public void verify(Symbol symbol) {
        provider.verify(symbol);
    }
}
