package org.stockticker.adapters.alphavantage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stockticker.adapters.alphavantage.AlphaVantageStub.KEY;
import static org.stockticker.adapters.alphavantage.AlphaVantageStub.LISTING_HEADER;
import static org.stockticker.adapters.alphavantage.AlphaVantageStub.csv;
import static org.stockticker.adapters.alphavantage.AlphaVantageStub.listing;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stockticker.adapters.provider.RecordingLogger;
import org.stockticker.application.port.out.BrokenAnswerException;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.QuotaSpentException;
import org.stockticker.application.port.out.RejectedCredentialsException;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Symbol;

/**
 * Listings from Alpha Vantage's {@code LISTING_STATUS}, beyond what {@link AlphaVantageListingsContractTest} proves
 * of every provider: both lists read once, for any number of symbols.
 */
class AlphaVantageListingsTest {

    private static final String ACTIVE = LISTING_HEADER
            + "A,Agilent Technologies Inc,NYSE,Stock,1999-11-18,null,Active\r\n"
            + "AAA,AAF First Priority CLO Bond ETF,NYSE ARCA,ETF,2020-09-09,null,Active\r\n"
            + "IBM,International Business Machines Corp,NYSE,Stock,1962-01-02,null,Active\r\n"
            + "BRK-B,\"Berkshire Hathaway Inc, Class B\",NYSE,Stock,1996-05-09,null,Active\r\n";
    private static final String DELISTED = LISTING_HEADER
            + "AAC,Ares Acquisition Corp - Class A,NYSE,Stock,2021-03-25,2023-11-06,Delisted\r\n"
            + "IBM,An older IBM listing,NYSE,Stock,1950-01-03,1961-12-29,Delisted\r\n"
            + "ZZZ,First ZZZ,NASDAQ,Stock,2001-01-02,2005-06-30,Delisted\r\n"
            + "ZZZ,Second ZZZ,NASDAQ,Stock,2010-01-04,2019-03-29,Delisted\r\n"
            + "ZZZ,Third ZZZ,NASDAQ,Stock,2006-01-03,2008-12-31,Delisted\r\n";

    @RegisterExtension
    static final WireMockExtension ALPHA_VANTAGE = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final AlphaVantageStub stub = new AlphaVantageStub(ALPHA_VANTAGE);
    private final RecordingLogger log = new RecordingLogger();

    @Test
    void lists_every_symbol() {
        assertThat(provider().listsEverySymbol()).isTrue();
    }

    @Test
    void reads_an_active_and_a_delisted_listing_with_the_values_alpha_vantage_gives() {
        serveBoth();
        AlphaVantagePriceProvider provider = provider();

        assertThat(provider.listing(new Symbol("AAA"))).isEqualTo(new Listing(new Symbol("AAA"),
                "AAF First Priority CLO Bond ETF", "NYSE ARCA", "ETF", null, true, LocalDate.of(2020, 9, 9), null));
        assertThat(provider.listing(new Symbol("BRK-B")).name()).isEqualTo("Berkshire Hathaway Inc, Class B");
        assertThat(provider.listing(new Symbol("AAC"))).isEqualTo(new Listing(new Symbol("AAC"),
                "Ares Acquisition Corp - Class A", "NYSE", "Stock", null, false, LocalDate.of(2021, 3, 25),
                LocalDate.of(2023, 11, 6)));
    }

    @Test
    void answers_any_number_of_symbols_from_two_requests_one_for_each_list() {
        serveBoth();
        AlphaVantagePriceProvider provider = provider();

        for (String symbol : List.of("A", "AAA", "IBM", "BRK-B", "AAC", "ZZZ", "A")) {
            provider.listing(new Symbol(symbol));
        }
        assertThatThrownBy(() -> provider.listing(new Symbol("NOPE"))).isInstanceOf(UnknownSymbolException.class);

        ALPHA_VANTAGE.verify(2, getRequestedFor(urlPathEqualTo("/query")));
        ALPHA_VANTAGE.verify(1, getRequestedFor(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("LISTING_STATUS"))
                .withQueryParam("state", equalTo("active"))
                .withQueryParam("apikey", equalTo(KEY)));
        ALPHA_VANTAGE.verify(1, getRequestedFor(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("LISTING_STATUS"))
                .withQueryParam("state", equalTo("delisted")));
    }

    @Test
    void reads_both_lists_once_for_calls_on_several_threads_at_once() throws Exception {
        ALPHA_VANTAGE.stubFor(listing("active").willReturn(csv(ACTIVE).withFixedDelay(200)));
        ALPHA_VANTAGE.stubFor(listing("delisted").willReturn(csv(DELISTED)));
        AlphaVantagePriceProvider provider = provider();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Listing>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Symbol symbol = new Symbol(i % 2 == 0 ? "IBM" : "AAC");
                Callable<Listing> ask = () -> {
                    start.await();
                    return provider.listing(symbol);
                };
                answers.add(pool.submit(ask));
            }
            start.countDown();
            for (Future<Listing> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS).symbol().value()).isIn("IBM", "AAC");
            }
        } finally {
            pool.shutdownNow();
        }

        ALPHA_VANTAGE.verify(2, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void keeps_one_listing_a_symbol_the_active_one_else_the_one_delisted_last() {
        serveBoth();

        List<Listing> every = every(provider());

        assertThat(every).extracting(listing -> listing.symbol().value())
                .containsExactlyInAnyOrder("A", "AAA", "IBM", "BRK-B", "AAC", "ZZZ");
        assertThat(every).filteredOn(listing -> listing.symbol().value().equals("IBM")).singleElement()
                .satisfies(ibm -> assertThat(ibm.active()).isTrue());
        assertThat(every).filteredOn(listing -> listing.symbol().value().equals("ZZZ")).singleElement()
                .satisfies(zzz -> assertThat(zzz.name()).isEqualTo("Second ZZZ"));
        assertThat(log.lines).isEmpty();
    }

    @Test
    void asks_for_the_delisted_list_only_once_the_active_one_is_consumed() {
        serveBoth();

        try (Stream<Listing> every = provider().everyListing()) {
            Iterator<Listing> listings = every.iterator();
            assertThat(listings.next().active()).isTrue();
            ALPHA_VANTAGE.verify(1, getRequestedFor(urlPathEqualTo("/query")).withQueryParam("state",
                    equalTo("active")));
            ALPHA_VANTAGE.verify(0, getRequestedFor(urlPathEqualTo("/query")).withQueryParam("state",
                    equalTo("delisted")));
            while (listings.hasNext()) {
                listings.next();
            }
        }
        ALPHA_VANTAGE.verify(2, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void answers_every_listing_from_the_lists_already_read_for_a_symbol() {
        serveBoth();
        AlphaVantagePriceProvider provider = provider();

        provider.listing(new Symbol("IBM"));

        assertThat(every(provider)).hasSize(6);
        ALPHA_VANTAGE.verify(2, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void waits_out_a_rate_limit_sent_as_json_and_then_reads_the_csv() {
        ALPHA_VANTAGE.stubFor(listing("active").inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(stub.paceLimit())).willSetStateTo("served"));
        ALPHA_VANTAGE.stubFor(listing("active").inScenario("limit").whenScenarioStateIs("served")
                .willReturn(csv(ACTIVE)));
        ALPHA_VANTAGE.stubFor(listing("delisted").willReturn(csv(DELISTED)));
        List<Instant> waits = new CopyOnWriteArrayList<>();
        AlphaVantagePriceProvider provider = provider();
        provider.onRateLimited(waits::add);

        assertThat(provider.listing(new Symbol("IBM")).active()).isTrue();
        assertThat(waits).hasSize(1);
        ALPHA_VANTAGE.verify(3, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void reports_a_rate_limit_that_outlasts_every_attempt_as_unavailable_and_tries_again_on_the_next_call() {
        ALPHA_VANTAGE.stubFor(listing("active").willReturn(okJson(stub.paceLimit())));
        AlphaVantagePriceProvider provider = provider();

        assertThatThrownBy(() -> provider.listing(new Symbol("IBM")))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider alpha_vantage kept failing: HTTP 429 for GET /query after 3 attempts");
        serveBoth();
        assertThat(provider.listing(new Symbol("IBM")).active()).isTrue();
    }

    @Test
    void reports_the_daily_limit_sent_as_json_for_the_csv_as_a_spent_quota_until_midnight_utc_at_once() {
        ALPHA_VANTAGE.stubFor(listing("active").willReturn(okJson(stub.dailyLimit())));
        ALPHA_VANTAGE.stubFor(listing("delisted").willReturn(csv(DELISTED)));

        assertThatThrownBy(() -> provider().listing(new Symbol("IBM")))
                .isInstanceOfSatisfying(QuotaSpentException.class, spent -> assertThat(spent.resetsAt())
                        .contains(Instant.parse("2025-01-01T00:00:00Z")))
                .hasMessageNotContaining(AlphaVantageStub.KEY);
        ALPHA_VANTAGE.verify(1, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void reports_a_refused_key_without_quoting_it() {
        stub.rejectKey();

        assertThatThrownBy(() -> provider().listing(new Symbol("IBM")))
                .isInstanceOf(RejectedCredentialsException.class)
                .hasMessage("provider alpha_vantage rejected the API key: the parameter apikey is invalid or"
                        + " missing: ****");
        ALPHA_VANTAGE.verify(1, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void reports_an_answer_that_is_no_listing_csv_as_broken() {
        ALPHA_VANTAGE.stubFor(listing("active").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Maintenance</body></html>")));

        assertThatThrownBy(() -> provider().listing(new Symbol("IBM")))
                .isInstanceOf(BrokenAnswerException.class)
                .hasMessage("provider alpha_vantage answered something other than CSV listings for the active"
                        + " listings");
    }

    @Test
    void skips_rows_that_cannot_be_a_listing_with_a_warning_and_keeps_the_others() {
        ALPHA_VANTAGE.stubFor(listing("active").willReturn(csv("\uFEFF" + LISTING_HEADER
                + "IBM,International Business Machines Corp,NYSE,Stock,1962-01-02,null,Active\r\n"
                + "BAD^SYM,Caret,NYSE,Stock,2020-01-02,null,Active\r\n"
                + ",No symbol,NYSE,Stock,2020-01-02,null,Active\r\n"
                + "DATE,Bad date,NYSE,Stock,01/02/2020,null,Active\r\n"
                + "IBM,IBM again,NYSE,Stock,1962-01-02,null,Active\r\n"
                + "COMMA,Name, Inc,NYSE,Stock,2020-01-02,null,Active\r\n"
                + "MSFT,Microsoft Corporation,NASDAQ,Stock,1986-03-13,null,Active\r\n")));
        ALPHA_VANTAGE.stubFor(listing("delisted").willReturn(csv(LISTING_HEADER
                + "OLD,Delisted before listed,NYSE,Stock,2020-01-02,2019-01-02,Delisted\r\n")));

        assertThat(every(provider())).extracting(listing -> listing.symbol().value()).containsExactly("IBM", "MSFT");
        assertThat(log.lines).containsExactly(
                "WARN Skipping line 3 of the active listings from provider alpha_vantage: symbol 'BAD^SYM' is"
                        + " invalid: use 1 to 20 upper-case letters and digits, with single '.' or '-' between them",
                "WARN Skipping line 4 of the active listings from provider alpha_vantage: it has no symbol",
                "WARN Skipping line 5 of the active listings from provider alpha_vantage: ipoDate '01/02/2020' is"
                        + " not YYYY-MM-DD",
                "WARN Skipping line 6 of the active listings from provider alpha_vantage: IBM appears again; its"
                        + " first row is kept",
                "WARN Skipping line 7 of the active listings from provider alpha_vantage: it has more cells than the"
                        + " header",
                "WARN Skipping line 2 of the delisted listings from provider alpha_vantage: delisted_date 2019-01-02"
                        + " is before list_date 2020-01-02");
    }

    private void serveBoth() {
        stub.listings("active", ACTIVE);
        stub.listings("delisted", DELISTED);
    }

    private AlphaVantagePriceProvider provider() {
        return stub.provider(log);
    }

    private static List<Listing> every(AlphaVantagePriceProvider provider) {
        try (Stream<Listing> every = provider.everyListing()) {
            return every.toList();
        }
    }
}
