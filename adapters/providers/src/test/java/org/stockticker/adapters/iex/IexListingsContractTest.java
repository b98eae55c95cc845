package org.stockticker.adapters.iex;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
 * IEX's listings against a stub answering each symbol's {@code /stock/{symbol}/company} as IEX writes a company, the
 * issue type in lower case among fields the listing does not use; a symbol IEX does not know is a 404.
 */
class IexListingsContractTest extends NetworkListingsContractTest {

    @RegisterExtension
    static final WireMockExtension IEX = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final IexStub stub = new IexStub(IEX, KEY);

    @Override
    protected ListingsPort provider() {
        return stub.provider(NOPLogger.NOP_LOGGER);
    }

    @Override
    protected void serveListings(List<ListingFixture> listings) {
        for (ListingFixture listing : listings) {
            stub.answerExactly(path(listing.symbol()), company(listing));
        }
    }

    @Override
    protected void serveUnknown(Symbol symbol) {
        stub.unknown(path(symbol));
    }

    @Override
    protected void rejectKey() {
        stub.rejectKey();
    }

    @Override
    protected void rateLimitOnce() {
        stub.rateLimitOnce();
    }

    /** A company of IEX says nothing of a delisting. */
    @Override
    protected boolean tellsDelistings() {
        return false;
    }

    /**
     * IEX's company names no currency and no dates, and IEX lists the companies that trade, so every listing it
     * answers is active.
     */
    @Override
    protected Listing asReported(Listing listing) {
        return new Listing(listing.symbol(), listing.name(), listing.exchange(), listing.type(), null, true, null,
                null);
    }

    private static String path(Symbol symbol) {
        return "/stock/" + symbol + "/company";
    }

    /** The company as IEX writes it, with fields a listing does not use. */
    private static String company(ListingFixture listing) {
        return """
                {"symbol":"%s","companyName":"%s","exchange":"%s","industry":"Telephone Apparatus",\
                "website":"https://www.example.com","issueType":"%s","sector":"Electronic Technology",\
                "tags":["Electronic Technology"]}""".formatted(listing.symbol(), listing.name(), listing.exchange(),
                listing.type().toLowerCase(Locale.ROOT));
    }
}
