package org.stockticker.adapters.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stockticker.application.port.out.ListingsPort;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Symbol;

/**
 * What every {@link ListingsPort} adapter promises, proven against a stub that answers in the provider's own shapes:
 * a symbol's listing, a delisted one with its day, an unknown symbol reported, and, where the provider lists every
 * symbol, each one once, active and delisted alike, else a refusal to list them all. A provider's subclass implements
 * the hooks below to stub its own API (on WireMock, or in files); a provider reached over the network extends
 * {@link NetworkListingsContractTest}.
 */
public abstract class ListingsContractTest {

    protected static final Symbol UNKNOWN = new Symbol("ZZZZ");
    protected static final List<ListingFixture> LISTINGS = ListingFixture.LISTINGS;

    /** The adapter under test, talking to this test's stub. */
    protected abstract ListingsPort provider();

    /**
     * Makes the stub serve {@code listings}: each symbol's own entry, and, where the provider lists every symbol, the
     * list of all of them, in the provider's own layout.
     */
    protected abstract void serveListings(List<ListingFixture> listings);

    /** Makes the stub answer as the provider does for a symbol it does not know. */
    protected abstract void serveUnknown(Symbol symbol);

    /**
     * Whether the provider tells that a symbol was delisted, and when; else it answers a delisted symbol's listing as
     * active, without a delisting day, as {@link #asReported} has it. True unless overridden.
     */
    protected boolean tellsDelistings() {
        return true;
    }

    /**
     * The listing as this provider reports {@code listing} for its symbol alone; by default exactly that. A provider
     * whose answers lack some fields overrides it to leave those null.
     */
    protected Listing asReported(Listing listing) {
        return listing;
    }

    /**
     * The listing as this provider reports {@code listing} among every listing; by default as for its symbol alone
     * ({@link #asReported}). A provider whose list carries fewer fields than one symbol's entry overrides it.
     */
    protected Listing asListed(Listing listing) {
        return asReported(listing);
    }

    @Test
    void answers_the_listing_of_each_symbol_it_knows() {
        serveListings(LISTINGS);

        for (ListingFixture listing : LISTINGS) {
            assertThat(provider().listing(listing.symbol())).isEqualTo(asReported(listing.toListing()));
        }
    }

    @Test
    void answers_a_delisted_listing_as_inactive_with_the_day_it_was_delisted_or_as_active_where_it_cannot_tell() {
        serveListings(LISTINGS);
        ListingFixture gone = LISTINGS.get(2);

        Listing listing = provider().listing(gone.symbol());

        if (tellsDelistings()) {
            assertThat(listing.active()).isFalse();
            assertThat(listing.delistedDate()).isEqualTo(gone.delistedDate());
        } else {
            assertThat(listing).isEqualTo(asReported(gone.toListing()));
            assertThat(listing.active()).isTrue();
            assertThat(listing.delistedDate()).isNull();
        }
    }

    @Test
    void reports_a_symbol_it_does_not_know() {
        serveListings(LISTINGS);
        serveUnknown(UNKNOWN);

        assertThatThrownBy(() -> provider().listing(UNKNOWN))
                .isInstanceOf(UnknownSymbolException.class)
                .hasMessageContaining("ZZZZ");
    }

    @Test
    void lists_every_symbol_once_active_and_delisted_alike_or_refuses_to_where_it_lists_one_at_a_time() {
        serveListings(LISTINGS);

        if (provider().listsEverySymbol()) {
            List<Listing> listings;
            try (Stream<Listing> all = provider().everyListing()) {
                listings = all.toList();
            }

            assertThat(listings).containsExactlyInAnyOrderElementsOf(
                    LISTINGS.stream().map(listing -> asListed(listing.toListing())).toList());
        } else {
            assertThatThrownBy(() -> provider().everyListing()).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining(provider().name());
        }
    }
}
