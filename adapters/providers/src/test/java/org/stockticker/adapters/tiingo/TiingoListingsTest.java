package org.stockticker.adapters.tiingo;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stockticker.adapters.tiingo.TiingoStub.KEY;
import static org.stockticker.adapters.tiingo.TiingoStub.day;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stockticker.adapters.provider.RecordingLogger;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Symbol;

/**
 * The Tiingo adapter's listings: the ticker's description at {@code /tiingo/daily/{ticker}}, whose last day of prices
 * tells whether it still trades. What every provider's listings must do is {@link TiingoListingsContractTest}'s; the
 * first test here adds an answer that is no description, and the others are Tiingo's own.
 */
class TiingoListingsTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final String META = "/tiingo/daily/AAPL";

    @RegisterExtension
    static final WireMockExtension TIINGO = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final TiingoStub stub = new TiingoStub(TIINGO);
    private final RecordingLogger log = new RecordingLogger();

    @Test
    void reports_an_answer_that_is_not_a_ticker_description() {
        serveBody(AAPL, "[]");

        assertThatThrownBy(() -> listing(AAPL))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider tiingo answered JSON other than a ticker description for AAPL");
    }

    // Tiingo's own: when a ticker counts as trading, the dates it may lack, the request.

    @ParameterizedTest(name = "today {0}, prices until {1}: active {2}")
    @CsvSource({
            // Friday 2024-06-14: the third trading day before is Tuesday the 11th.
            "2024-06-14T15:00:00Z, 2024-06-14, true",
            "2024-06-14T15:00:00Z, 2024-06-11, true",
            "2024-06-14T15:00:00Z, 2024-06-10, false",
            // Tuesday after Memorial Day: Friday 24th, Thursday 23rd, Wednesday 22nd.
            "2024-05-28T15:00:00Z, 2024-05-22, true",
            "2024-05-28T15:00:00Z, 2024-05-21, false",
            // 22:00 on Monday 2024-06-10 in New York is Tuesday in UTC: New York's day counts.
            "2024-06-11T02:00:00Z, 2024-06-05, true",
            "2024-06-11T02:00:00Z, 2024-06-04, false"
    })
    void takes_a_ticker_as_trading_while_its_last_prices_are_no_older_than_the_third_trading_day_before_today(
            String now, String endDate, boolean active) {
        serveBody(AAPL, description("1980-12-12", endDate));
        Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);

        Listing listing = stub.provider(clock, log).listing(AAPL);

        assertThat(listing.active()).isEqualTo(active);
        assertThat(listing.delistedDate()).isEqualTo(active ? null : day(endDate));
    }

    @Test
    void reads_a_ticker_without_prices_as_not_trading_with_no_dates() {
        serveBody(AAPL, "{\"ticker\":\"aapl\",\"name\":\"Apple Inc\",\"exchangeCode\":\"NASDAQ\",\"startDate\":null,"
                + "\"endDate\":null,\"description\":\"\"}");

        assertThat(listing(AAPL)).isEqualTo(new Listing(AAPL, "Apple Inc", "NASDAQ", null, null, false, null, null));
        assertThat(log.lines).isEmpty();
    }

    @Test
    void leaves_out_dates_it_cannot_read_or_that_contradict_each_other_with_a_warning() {
        serveBody(AAPL, description("12/12/1980", "2024-06-13"));
        serveBody(new Symbol("ODD"), description("2024-01-02", "2020-01-02"));

        Listing unreadable = listing(AAPL);
        Listing contradicting = listing(new Symbol("ODD"));

        assertThat(unreadable.listDate()).isNull();
        assertThat(unreadable.active()).isTrue();
        assertThat(contradicting.listDate()).isNull();
        assertThat(contradicting.delistedDate()).isNull();
        assertThat(log.lines).containsExactly(
                "WARN Leaving out the startDate of the listing of AAPL from provider tiingo: it is not a date written"
                        + " YYYY-MM-DD",
                "WARN Leaving out the dates of the listing of ODD from provider tiingo: its endDate 2020-01-02 is"
                        + " before its startDate 2024-01-02");
    }

    @Test
    void asks_for_the_description_alone_with_the_key_in_the_header() {
        serveBody(AAPL, description("1980-12-12", "2024-06-13"));

        listing(AAPL);

        TIINGO.verify(1, getRequestedFor(urlPathMatching(".*")));
        TIINGO.verify(getRequestedFor(urlPathEqualTo(META)).withHeader("Authorization", equalTo("Token " + KEY)));
    }

    // Stubbing helpers: what the tests above ask of the Tiingo stub.

    private void serveBody(Symbol symbol, String body) {
        stub.answer("/tiingo/daily/" + symbol, body);
    }

    private Listing listing(Symbol symbol) {
        return stub.provider(log).listing(symbol);
    }

    private static String description(String startDate, String endDate) {
        return """
                {"ticker":"aapl","name":"Apple Inc","exchangeCode":"NASDAQ","startDate":"%s","endDate":"%s",\
                "description":"Apple Inc. designs, manufactures, and markets smartphones."}"""
                .formatted(startDate, endDate);
    }
}
