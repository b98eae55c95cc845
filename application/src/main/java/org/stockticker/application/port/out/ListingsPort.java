package org.stockticker.application.port.out;

import java.util.stream.Stream;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Symbol;

/**
 * The listings a provider knows: one symbol's, or, where the provider lists them all, every US stock's.
 *
 * <p>Implementations throw {@link UnknownSymbolException}, {@link RejectedCredentialsException} or
 * {@link ProviderUnavailableException}, as {@link PriceProviderPort} does.
 */
public interface ListingsPort {

    /** The provider's configuration name, as records carry it. */
    String name();

    /**
     * The listing of {@code symbol}, with the cheapest request the provider offers (a provider that only lists
     * everything at once may read that list once and answer every symbol from it).
     *
     * @throws UnknownSymbolException when the provider does not know {@code symbol}
     */
    Listing listing(Symbol symbol);

    /** Whether {@link #everyListing} answers the whole US stock market, active and delisted listings alike. */
    default boolean listsEverySymbol() {
        return false;
    }

    /** Every US stock listing the provider has, active and delisted, in any order, read lazily; the caller closes it. */
    default Stream<Listing> everyListing() {
        throw new UnsupportedOperationException("provider " + name() + " lists one symbol at a time");
    }
}
