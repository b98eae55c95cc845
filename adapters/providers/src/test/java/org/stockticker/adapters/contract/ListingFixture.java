package org.stockticker.adapters.contract;

import java.time.LocalDate;
import java.util.List;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Symbol;

/** One listing of the contract's data, every field as a provider's stub must send it. */
public record ListingFixture(Symbol symbol, String name, String exchange, String type, String currency,
        boolean active, LocalDate listDate, LocalDate delistedDate) {

    /** Three listings: two that trade, a share class among them, and one delisted. */
    public static final List<ListingFixture> LISTINGS = List.of(
            new ListingFixture(new Symbol("ACME"), "Acme Corporation", "XNAS", "CS", "USD", true,
                    LocalDate.of(1980, 12, 12), null),
            new ListingFixture(new Symbol("BRK.B"), "Berkshire Hathaway Inc. Class B", "XNYS", "CS", "USD", true,
                    LocalDate.of(1996, 5, 9), null),
            new ListingFixture(new Symbol("GONE"), "Gone Holdings", "XNYS", "CS", "USD", false,
                    LocalDate.of(2001, 3, 15), LocalDate.of(2023, 5, 1)));

    /** The listing as the domain holds it, every field known. */
    public Listing toListing() {
        return new Listing(symbol, name, exchange, type, currency, active, listDate, delistedDate);
    }
}
