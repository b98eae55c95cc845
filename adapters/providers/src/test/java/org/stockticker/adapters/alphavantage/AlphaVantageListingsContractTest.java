package org.stockticker.adapters.alphavantage;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.stockticker.adapters.alphavantage.AlphaVantageStub.LISTING_HEADER;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.helpers.NOPLogger;
import org.stockticker.adapters.contract.ListingFixture;
import org.stockticker.adapters.contract.NetworkListingsContractTest;
import org.stockticker.application.port.out.ListingsPort;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Symbol;

/**
 * Alpha Vantage's listings against a stub answering {@code function=LISTING_STATUS} with the CSV of the active
 * listings and that of the delisted ones, {@code null} where a value is unknown. Alpha Vantage answers one symbol
 * from those two lists, so a symbol on neither is one it does not know.
 */
class AlphaVantageListingsContractTest extends NetworkListingsContractTest {

    @RegisterExtension
    static final WireMockExtension ALPHA_VANTAGE = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final AlphaVantageStub stub = new AlphaVantageStub(ALPHA_VANTAGE, KEY);

    @Override
    protected ListingsPort provider() {
        return stub.provider(NOPLogger.NOP_LOGGER);
    }

    @Override
    protected void serveListings(List<ListingFixture> listings) {
        stub.listings("active", list(listings, true));
        stub.listings("delisted", list(listings, false));
    }

    /** Leaves the symbol off both lists, which {@link #serveListings} has stubbed. */
    @Override
    protected void serveUnknown(Symbol symbol) {
    }

    @Override
    protected void rejectKey() {
        stub.rejectKey();
    }

    @Override
    protected void rateLimitOnce() {
        stub.rateLimitOnce();
    }

    /** Alpha Vantage names no currency. */
    @Override
    protected Listing asReported(Listing listing) {
        return new Listing(listing.symbol(), listing.name(), listing.exchange(), listing.type(), null,
                listing.active(), listing.listDate(), listing.delistedDate());
    }

    /** The list of the active or the delisted {@code listings}, as Alpha Vantage writes it. */
    private static String list(List<ListingFixture> listings, boolean active) {
        return LISTING_HEADER + listings.stream().filter(listing -> listing.active() == active)
                .map(listing -> String.join(",", listing.symbol().value(), listing.name(), listing.exchange(),
                        listing.type(), String.valueOf(listing.listDate()), String.valueOf(listing.delistedDate()),
                        active ? "Active" : "Delisted") + "\r\n")
                .collect(Collectors.joining());
    }
}
