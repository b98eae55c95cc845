package org.stockticker.adapters.iex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stockticker.adapters.iex.IexStub.KEY;
import static org.stockticker.adapters.iex.IexStub.day;
import static org.stockticker.adapters.iex.IexStub.decimal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stockticker.adapters.provider.RecordingLogger;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.QuotaSpentException;
import org.stockticker.application.port.out.RejectedCredentialsException;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

/**
 * The IEX adapter's splits: {@code /stock/{symbol}/splits/{range}} read into exact split terms. What every provider's
 * splits must do is {@link IexSplitsContractTest}'s; the first tests here add an answer out of date order, terms
 * with many decimals and events that cannot be splits, and the others are IEX's own.
 */
class IexSplitsTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final DateWindow SINCE_2020 = new DateWindow(day("2020-01-02"), day("2024-06-14"));

    @RegisterExtension
    static final WireMockExtension IEX = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final IexStub stub = new IexStub(IEX);
    private final RecordingLogger log = new RecordingLogger();

    @Test
    void reads_the_splits_of_the_window_with_their_exact_terms_in_date_order() {
        serve(AAPL, split("2024-06-10", "1", "10"), split("2020-08-31", "1", "4"));

        List<Split> splits = read(AAPL, SINCE_2020);

        assertThat(splits).containsExactly(split("2020-08-31", "1", "4"), split("2024-06-10", "1", "10"));
        assertThat(splits.get(0).splitFrom().toPlainString()).isEqualTo("1");
        assertThat(splits.get(0).splitTo().toPlainString()).isEqualTo("4");
        assertThat(log.lines).isEmpty();
    }

    @Test
    void keeps_terms_with_many_decimals_exactly_as_sent() {
        serve(AAPL, split("2022-07-18", "1.000000000000000001", "20.50"));

        Split split = read(AAPL, SINCE_2020).get(0);

        assertThat(split.splitFrom().toPlainString()).isEqualTo("1.000000000000000001");
        assertThat(split.splitTo().toPlainString()).isEqualTo("20.50");
    }

    @Test
    void skips_splits_that_cannot_be_splits_with_a_warning_each_and_keeps_the_rest() {
        serveBody(AAPL, """
                [{"exDate":"2020-08-31","fromFactor":1,"toFactor":4,"ratio":0.25},
                 {"declaredDate":"2021-01-04","fromFactor":1,"toFactor":2},
                 {"exDate":"31/08/2021","fromFactor":1,"toFactor":2},
                 {"exDate":"2022-01-03","fromFactor":0,"toFactor":2},
                 {"exDate":"2022-02-01","fromFactor":1,"toFactor":-3},
                 {"exDate":"2022-03-01","ratio":0},
                 {"exDate":"2022-04-01","fromFactor":{"n":1},"toFactor":2},
                 "not a split",
                 {"exDate":"2020-08-31","fromFactor":1,"toFactor":4,"ratio":0.25},
                 {"exDate":"2023-05-01","fromFactor":3,"toFactor":2}]""");

        List<Split> splits = read(AAPL, SINCE_2020);

        assertThat(splits).containsExactly(split("2020-08-31", "1", "4"), split("2023-05-01", "3", "2"));
        assertThat(log.lines).containsExactlyInAnyOrder(
                "WARN Skipping a split of AAPL from provider iex: its exDate is missing or not YYYY-MM-DD",
                "WARN Skipping a split of AAPL from provider iex: its exDate is missing or not YYYY-MM-DD",
                "WARN Skipping the split of AAPL on 2022-01-03 from provider iex: split_from 0 is not a positive"
                        + " split ratio",
                "WARN Skipping the split of AAPL on 2022-02-01 from provider iex: split_to -3 is not a positive"
                        + " split ratio",
                "WARN Skipping the split of AAPL on 2022-03-01 from provider iex: split ratio 0 is not positive",
                "WARN Skipping the split of AAPL on 2022-04-01 from provider iex: field fromFactor is not in the"
                        + " expected form",
                "WARN Skipping an element of the iex answer of splits for AAPL: it is not an object",
                "WARN Skipping a second split of AAPL on 2020-08-31 from provider iex: it repeats one read before");
    }

    // IEX's own: ranges, ratios, the window, the key.

    @ParameterizedTest(name = "from {0}: {1}")
    @CsvSource({
            "2024-06-12, 1m",
            "2024-05-21, 1m",
            "2024-05-20, 3m",
            "2023-12-21, 6m",
            "2023-12-20, 1y",
            "2023-06-21, 1y",
            "2022-06-21, 2y",
            "2019-06-21, 5y"
    })
    void asks_for_the_narrowest_range_the_splits_endpoint_serves_that_covers_the_window(String from, String range) {
        serve(AAPL);

        read(AAPL, new DateWindow(day(from), day("2024-06-14")));

        IEX.verify(1, getRequestedFor(urlPathMatching(".*")));
        IEX.verify(getRequestedFor(urlPathEqualTo("/stock/AAPL/splits/" + range)).withQueryParam("token",
                equalTo(KEY)));
        assertThat(log.lines).isEmpty();
    }

    @Test
    void reads_a_window_beyond_five_years_from_5y_and_says_once_that_older_splits_are_out_of_reach() {
        serve(AAPL);
        IexPriceProvider provider = stub.provider(log);

        read(provider, AAPL, new DateWindow(day("2010-01-04"), day("2024-06-14")));
        read(provider, AAPL, new DateWindow(day("2012-01-03"), day("2024-06-14")));

        IEX.verify(2, getRequestedFor(urlPathEqualTo("/stock/AAPL/splits/5y")));
        assertThat(log.lines).containsExactly("WARN Provider iex lists splits and dividends of the last five years"
                + " only: those before about 2019-06-14 are not read");
    }

    @Test
    void counts_the_range_from_today_in_new_york() {
        serve(AAPL);
        // 22:00 on 2024-06-20 in New York is already the 21st in UTC: a window from 2024-05-21 still fits 1m.
        Clock lateEvening = Clock.fixed(Instant.parse("2024-06-21T02:00:00Z"), ZoneOffset.UTC);

        read(stub.provider(lateEvening, log), AAPL, new DateWindow(day("2024-05-27"), day("2024-06-20")));

        IEX.verify(getRequestedFor(urlPathEqualTo("/stock/AAPL/splits/1m")));
    }

    @ParameterizedTest(name = "ratio {0}: {1} -> {2}")
    @CsvSource({"0.25, 1, 4", "1.5, 3, 2", "10, 10, 1", "0.4, 2, 5", "0.001, 1, 1000"})
    void derives_the_terms_from_an_exact_ratio_when_a_factor_is_missing(String ratio, String from, String to) {
        serveBody(AAPL, "[{\"exDate\":\"2021-06-01\",\"ratio\":" + ratio + ",\"toFactor\":null}]");

        assertThat(read(AAPL, SINCE_2020)).containsExactly(split("2021-06-01", from, to));
        assertThat(log.lines).isEmpty();
    }

    @Test
    void skips_a_split_whose_only_ratio_is_rounded() {
        serveBody(AAPL, "[{\"exDate\":\"2021-06-01\",\"ratio\":0.3333},{\"exDate\":\"2021-07-01\",\"ratio\":0.0005}]");

        assertThat(read(AAPL, SINCE_2020)).isEmpty();
        assertThat(log.lines).containsExactly(
                "WARN Skipping the split of AAPL on 2021-06-01 from provider iex: it lacks fromFactor or toFactor,"
                        + " and its ratio 0.3333 is no exact ratio of whole numbers up to 1000",
                "WARN Skipping the split of AAPL on 2021-07-01 from provider iex: it lacks fromFactor or toFactor,"
                        + " and its ratio 0.0005 is no exact ratio of whole numbers up to 1000");
    }

    @Test
    void drops_splits_outside_the_window_without_a_word_even_bad_ones() {
        serveBody(AAPL, """
                [{"exDate":"2019-08-30","fromFactor":0,"toFactor":4},{"exDate":"2021-06-01","fromFactor":1,"toFactor":2},
                 {"exDate":"2024-06-20","fromFactor":1,"toFactor":3}]""");

        assertThat(read(AAPL, new DateWindow(day("2020-01-02"), day("2024-06-14"))))
                .containsExactly(split("2021-06-01", "1", "2"));
        assertThat(log.lines).isEmpty();
    }

    @Test
    void reports_a_spent_quota_at_once_not_as_a_rejected_key() {
        IEX.stubFor(get(urlPathMatching("/stock/.*")).willReturn(aResponse().withStatus(402)
                .withBody("You have exceeded your allotted message quota.")));

        assertThatThrownBy(() -> read(AAPL, SINCE_2020))
                .isInstanceOfSatisfying(QuotaSpentException.class, spent -> assertThat(spent.resetsAt()).isEmpty())
                .isNotInstanceOf(RejectedCredentialsException.class)
                .hasMessageContaining("the plan's quota (HTTP 402: You have exceeded your allotted message quota.)"
                        + " is spent");
        IEX.verify(1, getRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void reports_an_answer_that_is_not_a_list_of_splits() {
        serveBody(AAPL, "{\"error\":\"nope\"}");

        assertThatThrownBy(() -> read(AAPL, SINCE_2020))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider iex answered JSON other than a list of splits for AAPL");
    }

    // Stubbing helpers: what the tests above ask of the IEX stub, in the domain's terms where they can be.

    private void serve(Symbol symbol, Split... splits) {
        serveBody(symbol, IexStub.splits(splits));
    }

    private void serveBody(Symbol symbol, String body) {
        stub.answer("/stock/" + symbol + "/splits/.*", body);
    }

    private List<Split> read(Symbol symbol, DateWindow window) {
        return read(stub.provider(log), symbol, window);
    }

    private static List<Split> read(IexPriceProvider provider, Symbol symbol, DateWindow window) {
        try (Stream<Split> splits = provider.splits(symbol, window)) {
            return splits.toList();
        }
    }

    private static Split split(String day, String from, String to) {
        return new Split(AAPL, LocalDate.parse(day), decimal(from), decimal(to));
    }
}
