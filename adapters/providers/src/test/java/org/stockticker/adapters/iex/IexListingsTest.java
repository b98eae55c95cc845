package org.stockticker.adapters.iex;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stockticker.adapters.iex.IexStub.KEY;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stockticker.adapters.provider.RecordingLogger;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Symbol;

/**
 * The IEX adapter's listings: {@code /stock/{symbol}/company} read into an active listing. What every provider's
 * listings must do is {@link IexListingsContractTest}'s; the first tests here add answers that are no company, and
 * the others are IEX's own.
 */
class IexListingsTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final String COMPANY = """
            {"symbol":"AAPL","companyName":"Apple Inc.","exchange":"NASDAQ","industry":"Telephone Apparatus",\
            "website":"https://www.apple.com","issueType":"cs","sector":"Electronic Technology","tags":["Tech"]}""";

    @RegisterExtension
    static final WireMockExtension IEX = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final IexStub stub = new IexStub(IEX);
    private final RecordingLogger log = new RecordingLogger();

    @Test
    void reports_an_answer_that_is_not_a_company() {
        serveBody(AAPL, "[]");

        assertThatThrownBy(() -> listing(AAPL))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider iex answered JSON other than a company for AAPL");
    }

    @Test
    void reports_a_company_cut_short() {
        serveBody(AAPL, "{\"symbol\":\"AAPL\",\"companyName\":\"Apple");

        assertThatThrownBy(() -> listing(AAPL))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider iex broke off or garbled its answer for AAPL");
    }

    // IEX's own: the fields it may lack, a currency, the key.

    @Test
    void leaves_what_the_company_lacks_null_and_keeps_the_symbol_asked_for() {
        serveBody(AAPL, "{\"symbol\":\"aapl\",\"companyName\":\" \",\"issueType\":\"\",\"exchange\":{\"x\":1}}");

        assertThat(listing(AAPL)).isEqualTo(new Listing(AAPL, null, null, null, null, true, null, null));
    }

    @Test
    void keeps_a_currency_the_company_gives_and_leaves_out_one_that_is_no_iso_code() {
        serveBody(AAPL, "{\"companyName\":\"Apple Inc.\",\"issueType\":\"et\",\"currency\":\"usd\"}");
        serveBody(new Symbol("ODD"), "{\"companyName\":\"Odd Corp\",\"currency\":\"dollars\"}");

        Listing listing = listing(AAPL);
        Listing odd = listing(new Symbol("ODD"));

        assertThat(listing.currency()).isEqualTo("USD");
        assertThat(listing.type()).isEqualTo("ET");
        assertThat(odd.currency()).isNull();
        assertThat(log.lines).containsExactly("WARN Leaving out the currency of the listing of ODD from provider iex:"
                + " the provider's code is not an ISO 4217 currency code");
    }

    @Test
    void asks_for_the_company_alone_with_the_key_as_token() {
        serveBody(AAPL, COMPANY);

        listing(AAPL);

        IEX.verify(1, getRequestedFor(urlPathMatching(".*")));
        IEX.verify(getRequestedFor(urlPathEqualTo("/stock/AAPL/company")).withQueryParam("token", equalTo(KEY)));
    }

    // Stubbing helpers: what the tests above ask of the IEX stub.

    private void serveBody(Symbol symbol, String body) {
        stub.answerExactly("/stock/" + symbol + "/company", body);
    }

    private Listing listing(Symbol symbol) {
        return stub.provider(log).listing(symbol);
    }
}
