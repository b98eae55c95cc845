package org.stockticker.adapters.tiingo;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.helpers.NOPLogger;
import org.stockticker.adapters.contract.ListingFixture;
import org.stockticker.adapters.contract.NetworkListingsContractTest;
import org.stockticker.application.port.out.ListingsPort;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Symbol;

/**
 * Tiingo's listings against a stub answering each ticker's description at {@code /tiingo/daily/{ticker}}: the first
 * day of its prices as {@code startDate}, and as {@code endDate} the last one, the day before
 * {@link TiingoStub#FRIDAY} for a ticker that trades and the day of its delisting for one that does not; a ticker
 * Tiingo does not know is a 404.
 */
class TiingoListingsContractTest extends NetworkListingsContractTest {

    /** The last trading day before {@link TiingoStub#FRIDAY}, whose prices a ticker that trades has. */
    private static final LocalDate LAST_TRADING_DAY = LocalDate.of(2024, 6, 13);

    @RegisterExtension
    static final WireMockExtension TIINGO = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final TiingoStub stub = new TiingoStub(TIINGO, KEY);

    @Override
    protected ListingsPort provider() {
        return stub.provider(NOPLogger.NOP_LOGGER);
    }

    @Override
    protected void serveListings(List<ListingFixture> listings) {
        for (ListingFixture listing : listings) {
            stub.answer(path(listing.symbol()), description(listing));
        }
    }

    @Override
    protected void serveUnknown(Symbol symbol) {
        stub.unknown(path(symbol), symbol.value());
    }

    @Override
    protected void rejectKey() {
        stub.rejectKey();
    }

    @Override
    protected void rateLimitOnce() {
        stub.rateLimitOnce();
    }

    /** Tiingo's description names neither the kind of security nor its currency. */
    @Override
    protected Listing asReported(Listing listing) {
        return new Listing(listing.symbol(), listing.name(), listing.exchange(), null, null, listing.active(),
                listing.listDate(), listing.delistedDate());
    }

    private static String path(Symbol symbol) {
        return "/tiingo/daily/" + symbol;
    }

    /** The ticker's description as Tiingo writes it, the ticker in lower case. */
    private static String description(ListingFixture listing) {
        LocalDate endDate = listing.active() ? LAST_TRADING_DAY : listing.delistedDate();
        return """
                {"ticker":"%s","name":"%s","exchangeCode":"%s","startDate":"%s","endDate":"%s",\
                "description":"%s, a company of the contract's data."}""".formatted(
                listing.symbol().value().toLowerCase(Locale.ROOT), listing.name(), listing.exchange(),
                listing.listDate(), endDate, listing.name());
    }
}
