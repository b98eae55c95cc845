package org.stockticker.application.port.out;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

/**
 * The splits and dividends of a provider that reports them.
 *
 * <p>Implementations throw {@link UnknownSymbolException}, {@link RejectedCredentialsException} or
 * {@link ProviderUnavailableException}, as {@link PriceProviderPort} does; an event the provider sends that cannot be
 * one (no date, a ratio or amount of zero or less, a second copy of the same event) is skipped with a WARN.
 */
public interface CorporateActionsPort {

    /** The provider's configuration name, as records carry it. */
    String name();

    /**
     * The splits of {@code symbol} executed within {@code window}, ascending by execution date, read lazily; the
     * caller closes the stream. Splits outside the window may be included and are the caller's to drop.
     */
    Stream<Split> splits(Symbol symbol, DateWindow window);

    /**
     * The dividends of {@code symbol} whose ex-dividend date lies within {@code window}, ascending by that date,
     * read lazily; the caller closes the stream. Dividends outside the window may be included.
     */
    Stream<Dividend> dividends(Symbol symbol, DateWindow window);

    /**
     * Whether the provider reads a symbol's events without a request to anybody (from local files), so that asking
     * for them to decide whether prices synced before changed costs nothing.
     */
    default boolean readsEventsWithoutRequests() {
        return false;
    }

    /**
     * Whether {@link #splitsFrom} and {@link #dividendsFrom} list the events of every symbol in a few requests, so
     * that deciding which symbols' prices changed costs no request per symbol.
     */
    default boolean listsEverySymbolAtOnce() {
        return false;
    }

    /** Every symbol's splits executed on {@code from} or later, in any order; only where listed at once. */
    default Stream<Split> splitsFrom(LocalDate from) {
        throw new UnsupportedOperationException("provider " + name() + " lists splits one symbol at a time");
    }

    /** Every symbol's dividends with an ex-dividend date on {@code from} or later, in any order; only where listed at once. */
    default Stream<Dividend> dividendsFrom(LocalDate from) {
        throw new UnsupportedOperationException("provider " + name() + " lists dividends one symbol at a time");
    }
}
