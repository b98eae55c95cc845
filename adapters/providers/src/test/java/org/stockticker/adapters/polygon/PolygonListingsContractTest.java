package org.stockticker.adapters.polygon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.helpers.NOPLogger;
import org.stockticker.adapters.contract.ListingFixture;
import org.stockticker.adapters.contract.NetworkListingsContractTest;
import org.stockticker.application.port.out.ListingsPort;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Symbol;

/**
 * Massive's listings against a stub answering each ticker's reference entry ({@code /v3/reference/tickers/{T}}) and
 * the list of every US stock ticker, active ones and delisted ones apart, one a page, each page naming the next on
 * {@code api.polygon.io}. The list carries no {@code list_date}; a delisting is an instant, stamped here at midnight
 * in New York.
 */
class PolygonListingsContractTest extends NetworkListingsContractTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @RegisterExtension
    static final WireMockExtension MASSIVE = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @Override
    protected ListingsPort provider() {
        return MassiveListStubs.provider(MASSIVE, KEY, NOPLogger.NOP_LOGGER);
    }

    @Override
    protected void serveListings(List<ListingFixture> listings) {
        for (ListingFixture listing : listings) {
            MASSIVE.stubFor(get(urlPathEqualTo("/v3/reference/tickers/" + listing.symbol()))
                    .withQueryParam("apiKey", equalTo(KEY))
                    .willReturn(okJson(PolygonBodies.referenceOf(body(listing, true)))));
        }
        for (boolean active : List.of(true, false)) {
            MassiveListStubs.pages(MASSIVE, KEY, "/v3/reference/tickers", Map.of("market", equalTo("stocks"),
                    "active", equalTo(Boolean.toString(active)), "limit", equalTo("1000")),
                    listings.stream().filter(listing -> listing.active() == active)
                            .map(listing -> body(listing, false)).toList(), 1, "tickers-" + active + "-page");
        }
    }

    @Override
    protected void serveUnknown(Symbol symbol) {
        MASSIVE.stubFor(get(urlPathEqualTo("/v3/reference/tickers/" + symbol)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(PolygonBodies.tickerNotFound())));
    }

    @Override
    protected void rejectKey() {
        MassiveListStubs.rejectKey(MASSIVE);
    }

    @Override
    protected void rateLimitOnce() {
        MassiveListStubs.rateLimitOnce(MASSIVE);
    }

    /** Massive's list of tickers says nothing of the day a ticker was listed. */
    @Override
    protected Listing asListed(Listing listing) {
        return new Listing(listing.symbol(), listing.name(), listing.exchange(), listing.type(), listing.currency(),
                listing.active(), null, listing.delistedDate());
    }

    /** A ticker as Massive writes it, with its list date only in its own entry. */
    private static String body(ListingFixture listing, boolean ownEntry) {
        LocalDate delisted = listing.delistedDate();
        return PolygonBodies.ticker(listing.symbol().value(), listing.name(), listing.exchange(), listing.type(),
                listing.currency().toLowerCase(Locale.ROOT), listing.active(),
                ownEntry ? listing.listDate().toString() : null,
                delisted == null ? null : delisted.atStartOfDay(NEW_YORK).toInstant().toString());
    }
}
