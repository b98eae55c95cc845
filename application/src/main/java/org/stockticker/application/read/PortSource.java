package org.stockticker.application.read;

import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.stockticker.application.port.out.RateLimitListener;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * The records of one of a provider's ports, a symbol's window at a time: the source of the {@code splits},
 * {@code dividends} and {@code tickers} streams, as {@link PriceSource} is of the price stream.
 *
 * @param <R> the stream's records
 */
public final class PortSource<R> implements RecordSource<R> {

    private final BiFunction<Symbol, DateWindow, Stream<R>> read;
    private final Consumer<RateLimitListener> rateLimits;

    /**
     * A source that reads a partition with {@code read}, and whose waits for the provider's rate limit are reported
     * to whoever {@code rateLimits} is given.
     */
    public PortSource(BiFunction<Symbol, DateWindow, Stream<R>> read, Consumer<RateLimitListener> rateLimits) {
        this.read = read;
        this.rateLimits = rateLimits;
    }

    @Override
    public Stream<R> read(Partition partition) {
        return read.apply(partition.symbol(), partition.window());
    }

    @Override
    public void onRateLimited(RateLimitListener listener) {
        rateLimits.accept(listener);
    }
}
