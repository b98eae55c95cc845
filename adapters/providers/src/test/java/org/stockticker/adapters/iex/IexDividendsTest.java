package org.stockticker.adapters.iex;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.stockticker.adapters.iex.IexStub.KEY;
import static org.stockticker.adapters.iex.IexStub.day;
import static org.stockticker.adapters.iex.IexStub.decimal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stockticker.adapters.provider.RecordingLogger;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Symbol;

/**
 * The IEX adapter's dividends: {@code /stock/{symbol}/dividends/{range}} read into exact cash amounts with their
 * dates, kind and frequency. What every provider's dividends must do is {@link IexDividendsContractTest}'s; the first
 * tests here add an answer out of date order, amounts kept as sent, and dividends that cannot be dividends or lack
 * a readable value, and the others are IEX's own.
 */
class IexDividendsTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final DateWindow SINCE_2020 = new DateWindow(day("2020-01-02"), day("2024-06-14"));

    @RegisterExtension
    static final WireMockExtension IEX = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final IexStub stub = new IexStub(IEX);
    private final RecordingLogger log = new RecordingLogger();

    @Test
    void reads_the_dividends_of_the_window_with_exact_amounts_and_their_dates_in_date_order() {
        Dividend may = new Dividend(AAPL, day("2024-05-10"), decimal("0.25"), "USD", day("2024-05-02"),
                day("2024-05-13"), day("2024-05-16"), 4, Dividend.REGULAR);
        Dividend february = new Dividend(AAPL, day("2024-02-09"), decimal("0.24"), "USD", day("2024-02-01"),
                day("2024-02-12"), day("2024-02-15"), 4, Dividend.REGULAR);
        serve(AAPL, may, february);

        List<Dividend> dividends = read(AAPL, SINCE_2020);

        assertThat(dividends).containsExactly(february, may);
        assertThat(dividends.get(1).cashAmount().toPlainString()).isEqualTo("0.25");
        assertThat(log.lines).isEmpty();
    }

    @Test
    void keeps_amounts_with_many_decimals_exactly_as_sent() {
        serve(AAPL, dividend("2022-05-06", "0.123456789012345678", Dividend.REGULAR, 12),
                dividend("2022-06-06", "2.10", Dividend.REGULAR, 12));

        List<Dividend> dividends = read(AAPL, SINCE_2020);

        assertThat(dividends.get(0).cashAmount().toPlainString()).isEqualTo("0.123456789012345678");
        assertThat(dividends.get(1).cashAmount().toPlainString()).isEqualTo("2.10");
    }

    @Test
    void skips_dividends_that_cannot_be_dividends_with_a_warning_each_and_keeps_the_rest() {
        serveBody(AAPL, """
                [{"exDate":"2024-05-10","amount":0.25,"flag":"Cash","currency":"USD","frequency":"quarterly"},
                 {"paymentDate":"2024-03-01","amount":0.25,"flag":"Cash"},
                 {"exDate":"2024-02-09","amount":0,"flag":"Cash"},
                 {"exDate":"2024-02-10","amount":-0.24,"flag":"Cash"},
                 {"exDate":"2024-02-11","flag":"Cash"},
                 {"exDate":"2024-02-12","amount":"a quarter","flag":"Cash"},
                 {"exDate":"2024-02-13","amount":0.5,"flag":"%%%"},
                 {"exDate":"2024-05-10","amount":0.26,"flag":"Cash"}]""");

        List<Dividend> dividends = read(AAPL, SINCE_2020);

        assertThat(dividends).singleElement().satisfies(dividend -> {
            assertThat(dividend.exDividendDate()).isEqualTo(day("2024-05-10"));
            assertThat(dividend.cashAmount()).isEqualByComparingTo("0.25");
        });
        assertThat(log.lines).containsExactlyInAnyOrder(
                "WARN Skipping a dividend of AAPL from provider iex: its exDate is missing or not YYYY-MM-DD",
                "WARN Skipping the dividend of AAPL on 2024-02-09 from provider iex: cash_amount 0 is not a positive"
                        + " cash amount",
                "WARN Skipping the dividend of AAPL on 2024-02-10 from provider iex: cash_amount -0.24 is not a"
                        + " positive cash amount",
                "WARN Skipping the dividend of AAPL on 2024-02-11 from provider iex: it has no amount",
                "WARN Skipping the dividend of AAPL on 2024-02-12 from provider iex: field amount is not in the"
                        + " expected form",
                "WARN Skipping the dividend of AAPL on 2024-02-13 from provider iex: its flag is no word naming a kind"
                        + " of distribution",
                "WARN Skipping a second dividend of AAPL on 2024-05-10 from provider iex: one with the same"
                        + " ex-dividend date and distribution type came first");
    }

    @Test
    void keeps_a_dividend_whose_currency_or_other_dates_cannot_be_read_without_them_and_with_a_warning() {
        serveBody(AAPL, """
                [{"exDate":"2024-05-10","amount":0.25,"flag":"Cash","currency":"XYZ","paymentDate":"2024-05-16"},
                 {"exDate":"2023-08-11","amount":0.25,"flag":"Cash","currency":"usd","paymentDate":"0000-00-00"},
                 {"exDate":"2024-02-09","amount":0,"flag":"Cash","currency":"XYZ"}]""");

        List<Dividend> dividends = read(AAPL, SINCE_2020);

        assertThat(dividends).hasSize(2);
        assertThat(dividends.get(0).currency()).isEqualTo("USD");
        assertThat(dividends.get(0).payDate()).isNull();
        assertThat(dividends.get(1).currency()).isNull();
        assertThat(dividends.get(1).payDate()).isEqualTo(day("2024-05-16"));
        assertThat(log.lines).containsExactlyInAnyOrder(
                "WARN Keeping the dividend of AAPL on 2024-05-10 from provider iex without its currency: the"
                        + " provider's code is not an ISO 4217 currency code",
                "WARN Keeping the dividend of AAPL on 2023-08-11 from provider iex without its paymentDate: it is not"
                        + " a date written YYYY-MM-DD",
                "WARN Skipping the dividend of AAPL on 2024-02-09 from provider iex: cash_amount 0 is not a positive"
                        + " cash amount");
    }

    @Test
    void sums_up_the_skips_of_an_answer_past_the_first_ten() {
        serveBody(AAPL, IntStream.rangeClosed(1, 25)
                .mapToObj(i -> "{\"exDate\":\"2023-01-%02d\",\"amount\":0}".formatted(i))
                .collect(Collectors.joining(",", "[", "]")));

        assertThat(read(AAPL, SINCE_2020)).isEmpty();

        assertThat(log.lines).hasSize(11);
        assertThat(log.lines.get(10)).isEqualTo("WARN Skipped 15 more dividends of AAPL from provider iex: 15 refused");
    }

    // IEX's own: frequency words, flags, the range, the key.

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "none", value = {
            "annual, 1", "Annually, 1", "semi-annual, 2", "Semi Annual, 2", "quarterly, 4", "QUARTERLY, 4",
            "monthly, 12", "weekly, 52", "irregular, none", "unspecified, none", "one-off, 0", "special, 0",
            "bimonthly, none", "'', none"})
    void turns_the_frequency_word_into_payments_a_year(String word, Integer payments) {
        serveBody(AAPL, "[{\"exDate\":\"2024-05-10\",\"amount\":0.25,\"frequency\":\"" + word + "\"}]");

        assertThat(read(AAPL, SINCE_2020)).singleElement()
                .satisfies(dividend -> assertThat(dividend.frequency()).isEqualTo(payments));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "none", value = {
            "Cash, regular", "cash, regular", "none, regular", "'', regular", "Special, special",
            "Return of capital, return_of_capital", "Stock, stock"})
    void takes_the_distribution_type_from_the_flag(String flag, String type) {
        String field = flag == null ? "" : ",\"flag\":\"" + flag + "\"";
        serveBody(AAPL, "[{\"exDate\":\"2024-05-10\",\"amount\":0.25" + field + "}]");

        assertThat(read(AAPL, SINCE_2020)).singleElement()
                .satisfies(dividend -> assertThat(dividend.distributionType()).isEqualTo(type));
    }

    @Test
    void asks_for_the_narrowest_range_that_covers_the_window_with_the_key_as_token() {
        serve(AAPL);

        read(AAPL, new DateWindow(day("2024-03-01"), day("2024-06-14")));

        IEX.verify(1, getRequestedFor(urlPathMatching(".*")));
        IEX.verify(getRequestedFor(urlPathEqualTo("/stock/AAPL/dividends/6m")).withQueryParam("token",
                equalTo(KEY)));
    }

    @Test
    void keeps_the_currency_null_when_iex_does_not_give_one() {
        serveBody(AAPL, "[{\"exDate\":\"2024-05-10\",\"amount\":0.25,\"flag\":\"Cash\"}]");

        assertThat(read(AAPL, SINCE_2020)).singleElement().satisfies(dividend -> {
            assertThat(dividend.currency()).isNull();
            assertThat(dividend.declarationDate()).isNull();
            assertThat(dividend.frequency()).isNull();
        });
        assertThat(log.lines).isEmpty();
    }

    // Stubbing helpers: what the tests above ask of the IEX stub, in the domain's terms where they can be.

    private void serve(Symbol symbol, Dividend... dividends) {
        serveBody(symbol, IexStub.dividends(dividends));
    }

    private void serveBody(Symbol symbol, String body) {
        stub.answer("/stock/" + symbol + "/dividends/.*", body);
    }

    private List<Dividend> read(Symbol symbol, DateWindow window) {
        try (Stream<Dividend> dividends = stub.provider(log).dividends(symbol, window)) {
            return dividends.toList();
        }
    }

    private static Dividend dividend(String exDate, String amount, String type, Integer frequency) {
        return new Dividend(AAPL, day(exDate), decimal(amount), "USD", null, null, null, frequency, type);
    }
}
