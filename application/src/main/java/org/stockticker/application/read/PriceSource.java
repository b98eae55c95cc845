package org.stockticker.application.read;

import java.util.stream.Stream;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.RateLimitListener;
import org.stockticker.domain.DailyBar;

/** The daily bars of a price provider, as the source of the {@code stock_prices} stream. */
public final class PriceSource implements RecordSource<DailyBar> {

    private final PriceProviderPort provider;

    public PriceSource(PriceProviderPort provider) {
        this.provider = provider;
    }

    @Override
    public Stream<DailyBar> read(Partition partition) {
        return provider.dailyBars(partition.symbol(), partition.window());
    }

    @Override
    public void onRateLimited(RateLimitListener listener) {
        provider.onRateLimited(listener);
    }
}
