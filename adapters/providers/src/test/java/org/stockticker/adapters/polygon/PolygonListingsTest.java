package org.stockticker.adapters.polygon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stockticker.adapters.provider.RecordingLogger;
import org.stockticker.application.port.out.BrokenAnswerException;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Symbol;

/**
 * Massive's listings against a stub in Massive's shapes: one ticker's reference entry, and the list of every US stock
 * ticker, active then delisted, page by page, each symbol once.
 */
class PolygonListingsTest {

    private static final String KEY = "PK_SECRET_0123456789";
    private static final String TICKERS = "/v3/reference/tickers";

    @RegisterExtension
    static final WireMockExtension MASSIVE = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final RecordingLogger log = new RecordingLogger();

    @Test
    void maps_a_tickers_reference_entry_to_its_listing_with_the_currency_upper_case() {
        reference("AAPL", PolygonBodies.ticker("AAPL", "Apple Inc.", "XNAS", "CS", "usd", true, "1980-12-12", null));

        assertThat(provider().listing(new Symbol("AAPL"))).isEqualTo(new Listing(new Symbol("AAPL"), "Apple Inc.",
                "XNAS", "CS", "USD", true, LocalDate.parse("1980-12-12"), null));
        MASSIVE.verify(1, anyRequestedFor(anyUrl()));
        MASSIVE.verify(getRequestedFor(urlPathEqualTo(TICKERS + "/AAPL")).withQueryParam("apiKey", equalTo(KEY)));
    }

    @ParameterizedTest
    @CsvSource({"2023-05-01T02:00:00Z, 2023-04-30", "2023-05-01T04:00:00Z, 2023-05-01",
            "2023-05-01T16:00:00-04:00, 2023-05-01", "2023-05-01, 2023-05-01"})
    void dates_a_delisting_by_the_day_it_falls_on_in_new_york(String delistedUtc, String day) {
        reference("GONE", PolygonBodies.ticker("GONE", "Gone Holdings", "XNYS", "CS", "usd", false, "2001-03-15",
                delistedUtc));

        Listing listing = provider().listing(new Symbol("GONE"));

        assertThat(listing.active()).isFalse();
        assertThat(listing.delistedDate()).isEqualTo(day);
    }

    @Test
    void reports_a_ticker_massive_does_not_know() {
        MASSIVE.stubFor(get(urlPathEqualTo(TICKERS + "/ZZZZ")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(PolygonBodies.tickerNotFound())));

        assertThatThrownBy(() -> provider().listing(new Symbol("ZZZZ")))
                .isInstanceOf(UnknownSymbolException.class)
                .hasMessage("Ticker ZZZZ is unknown to provider massive");
    }

    @Test
    void reports_an_entry_without_a_listing_as_a_broken_answer() {
        MASSIVE.stubFor(get(urlPathEqualTo(TICKERS + "/AAPL")).willReturn(okJson(
                "{\"status\":\"OK\",\"request_id\":\"31d59dda\"}")));

        assertThatThrownBy(() -> provider().listing(new Symbol("AAPL")))
                .isInstanceOf(BrokenAnswerException.class)
                .hasMessage("provider massive answered no listing in the reference data of AAPL");
    }

    @Test
    void lists_the_active_listings_page_by_page_then_the_delisted_ones_only_once_the_active_are_read() {
        tickers(true, List.of(
                PolygonBodies.ticker("AAPL", "Apple Inc.", "XNAS", "CS", "usd", true, null, null),
                PolygonBodies.ticker("BRK.B", "Berkshire Hathaway Inc. Class B", "XNYS", "CS", "usd", true, null, null),
                PolygonBodies.ticker("MSFT", "Microsoft Corp", "XNAS", "CS", "usd", true, null, null)));
        tickers(false, List.of(
                PolygonBodies.ticker("GONE", "Gone Holdings", "XNYS", "CS", "usd", false, null, "2023-05-01T04:00:00Z"),
                PolygonBodies.ticker("LEFT", "Left Inc.", "XNAS", "CS", "usd", false, null, "2019-01-02T05:00:00Z"),
                PolygonBodies.ticker("PAST", "Past Corp", "XNYS", "CS", "usd", false, null, "2010-07-01T04:00:00Z")));
        PolygonPriceProvider provider = provider();

        assertThat(provider.listsEverySymbol()).isTrue();
        try (Stream<Listing> stream = provider.everyListing()) {
            Iterator<Listing> listings = stream.iterator();
            assertThat(listings.next().symbol()).isEqualTo(new Symbol("AAPL"));
            assertThat(listings.next().symbol()).isEqualTo(new Symbol("BRK.B"));
            MASSIVE.verify(1, anyRequestedFor(anyUrl()));
            assertThat(listings.next().symbol()).isEqualTo(new Symbol("MSFT"));
            MASSIVE.verify(2, anyRequestedFor(anyUrl()));
            Listing gone = listings.next();
            MASSIVE.verify(3, anyRequestedFor(anyUrl()));
            assertThat(gone).isEqualTo(new Listing(new Symbol("GONE"), "Gone Holdings", "XNYS", "CS", "USD", false,
                    null, LocalDate.parse("2023-05-01")));
            assertThat(listings.next().delistedDate()).isEqualTo("2019-01-02");
            assertThat(listings.next().symbol()).isEqualTo(new Symbol("PAST"));
            assertThat(listings.hasNext()).isFalse();
        }
        MASSIVE.verify(4, anyRequestedFor(anyUrl()));
        for (boolean active : List.of(true, false)) {
            MASSIVE.verify(getRequestedFor(urlPathEqualTo(TICKERS)).withQueryParam("market", equalTo("stocks"))
                    .withQueryParam("active", equalTo(Boolean.toString(active)))
                    .withQueryParam("limit", equalTo("1000")).withQueryParam("apiKey", equalTo(KEY)));
            MASSIVE.verify(getRequestedFor(urlPathEqualTo(TICKERS))
                    .withQueryParam("cursor", equalTo("tickers-" + active + "-2"))
                    .withQueryParam("apiKey", equalTo(KEY)));
        }
        assertThat(log.lines).isEmpty();
    }

    @Test
    void lists_a_symbol_once_keeping_its_active_listing_before_delisted_ones() {
        tickers(true, List.of(PolygonBodies.ticker("META", "Meta Platforms", "XNAS", "CS", "usd", true, null, null)));
        tickers(false, List.of(
                PolygonBodies.ticker("META", "Meta Financial Group", "XNAS", "CS", "usd", false, null,
                        "2022-06-09T04:00:00Z"),
                PolygonBodies.ticker("GONE", "Gone Holdings", "XNYS", "CS", "usd", false, null, null)));

        assertThat(everyListing()).extracting(listing -> listing.symbol() + " " + listing.name()).containsExactly(
                "META Meta Platforms", "GONE Gone Holdings");
        assertThat(log.lines).containsExactly("WARN Skipping a listing of META from provider massive: the symbol was"
                + " listed before (active listings come first); the first listing is kept");
    }

    @Test
    void tells_the_tickers_that_are_no_symbol_in_one_warning_per_list() {
        tickers(true, List.of(PolygonBodies.ticker("AAPL", "Apple Inc.", "XNAS", "CS", "usd", true, null, null),
                PolygonBodies.ticker("brk.a", "Berkshire", "XNYS", "CS", "usd", true, null, null),
                PolygonBodies.ticker("X:BTCUSD", "Bitcoin", null, null, "usd", true, null, null)));
        tickers(false, List.of());

        assertThat(everyListing()).extracting(Listing::symbol).containsExactly(new Symbol("AAPL"));
        assertThat(log.lines).containsExactly("WARN Skipped 2 rows of the US stock listings from provider massive"
                + " whose ticker is no symbol (upper-case letters and digits, with single '.' or '-' between them),"
                + " such as 'brk.a', 'X:BTCUSD'");
    }

    @Test
    void takes_whether_a_listing_trades_from_the_list_it_is_in_where_its_entry_does_not_say() {
        tickers(true, List.of("{\"ticker\":\"AAPL\",\"name\":\"Apple Inc.\"}"));
        tickers(false, List.of("{\"ticker\":\"GONE\",\"name\":\"Gone Holdings\"}"));

        assertThat(everyListing()).extracting(listing -> listing.symbol() + " " + listing.active())
                .containsExactly("AAPL true", "GONE false");
    }

    @Test
    void reports_a_404_of_the_list_as_a_wrong_base_url() {
        MASSIVE.stubFor(get(urlPathEqualTo(TICKERS)).willReturn(aResponse().withStatus(404).withBody("Not Found")));

        assertThatThrownBy(this::everyListing)
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider massive answered HTTP 404 for the active US stock listings: Not Found"
                        + " (is provider.base_url right?)");
    }

    private PolygonPriceProvider provider() {
        return MassiveListStubs.provider(MASSIVE, KEY, log);
    }

    private List<Listing> everyListing() {
        try (Stream<Listing> listings = provider().everyListing()) {
            return listings.toList();
        }
    }

    private static void reference(String ticker, String entry) {
        MASSIVE.stubFor(get(urlPathEqualTo(TICKERS + "/" + ticker)).withQueryParam("apiKey", equalTo(KEY))
                .willReturn(okJson(PolygonBodies.referenceOf(entry))));
    }

    /** The list of active or delisted tickers, two a page. */
    private static void tickers(boolean active, List<String> entries) {
        MassiveListStubs.pages(MASSIVE, KEY, TICKERS, Map.of("active", equalTo(Boolean.toString(active))), entries,
                2, "tickers-" + active + "-");
    }
}
