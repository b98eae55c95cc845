package org.stockticker.application.port.out;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * A source of daily price history.
 *
 * <p>Implementations throw {@link UnknownSymbolException}, {@link RejectedCredentialsException} or
 * {@link ProviderUnavailableException}; anything else is a fault of the implementation.
 */
public interface PriceProviderPort {

    /** The provider's configuration name, as records carry it. */
    String name();

    /**
     * The bars of {@code symbol} for the trading days in {@code window}, ascending by date, read lazily.
     * The caller closes the stream; bars outside the window may be included and are the caller's to drop.
     */
    Stream<DailyBar> dailyBars(Symbol symbol, DateWindow window);

    /**
     * What the provider can answer, for the read's plan. By default: one symbol per request, with an adjusted close
     * that corporate actions change, at no particular pace.
     */
    default ProviderReach reach() {
        return ProviderReach.perSymbol(true, ProviderReach.UNPACED);
    }

    /**
     * The bar of every US stock that traded on {@code day}, in any order, read lazily; the caller closes the stream.
     * An empty stream when the provider has no bars for that day. Only providers whose {@link #reach()} has
     * {@link ProviderReach#marketDays()} answer this; others throw {@link UnsupportedOperationException}.
     */
    default Stream<DailyBar> marketDay(LocalDate day) {
        throw new UnsupportedOperationException("provider " + name() + " answers one symbol per request");
    }

    /** Confirms, with the cheapest request the provider offers, that the key is accepted and the symbol known. */
    void verify(Symbol symbol);

    /**
     * Reports to {@code listener}, from now on, each time the provider makes calls wait for its rate limit. A
     * provider without a rate limit never does.
     */
    default void onRateLimited(RateLimitListener listener) {
        // Nothing to report by default.
    }
}
