package org.stockticker.adapters.tiingo;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.stockticker.adapters.tiingo.TiingoStub.bar;
import static org.stockticker.adapters.tiingo.TiingoStub.day;
import static org.stockticker.adapters.tiingo.TiingoStub.decimal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stockticker.adapters.provider.RecordingLogger;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Symbol;

/**
 * The Tiingo adapter's dividends: the bars of the window's prices answer whose {@code divCash} is above 0, read into
 * exact cash amounts. What every provider's dividends must do is {@link TiingoDividendsContractTest}'s; the first
 * tests here add an answer out of date order or without bars, amounts kept as sent and bars that cannot be
 * dividends, and the others are Tiingo's own.
 */
class TiingoDividendsTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final DateWindow SINCE_2020 = new DateWindow(day("2020-01-02"), day("2024-06-14"));
    private static final String PRICES = "/tiingo/daily/AAPL/prices";

    @RegisterExtension
    static final WireMockExtension TIINGO = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final TiingoStub stub = new TiingoStub(TIINGO);
    private final RecordingLogger log = new RecordingLogger();

    @Test
    void reads_the_dividends_of_the_window_with_exact_amounts_in_date_order() {
        serve(AAPL, dividend("2024-05-10", "0.25"), dividend("2024-02-09", "0.24"));

        List<Dividend> dividends = read(AAPL, SINCE_2020);

        assertThat(dividends).containsExactly(dividend("2024-02-09", "0.24"), dividend("2024-05-10", "0.25"));
        assertThat(dividends.get(1).cashAmount().toPlainString()).isEqualTo("0.25");
        assertThat(log.lines).isEmpty();
    }

    @Test
    void reads_an_answer_without_bars_as_no_dividends() {
        serveBody(AAPL, "[]");

        assertThat(read(AAPL, SINCE_2020)).isEmpty();
        assertThat(log.lines).isEmpty();
    }

    @Test
    void keeps_amounts_with_many_decimals_exactly_as_sent() {
        serve(AAPL, dividend("2022-05-06", "0.123456789012345678"), dividend("2022-06-06", "2.10"));

        List<Dividend> dividends = read(AAPL, SINCE_2020);

        assertThat(dividends.get(0).cashAmount().toPlainString()).isEqualTo("0.123456789012345678");
        assertThat(dividends.get(1).cashAmount().toPlainString()).isEqualTo("2.10");
    }

    @Test
    void skips_dividends_that_cannot_be_dividends_with_a_warning_each_and_keeps_the_rest() {
        serveBody(AAPL, "[" + String.join(",",
                bar("2024-05-10", "0.25", "1.0"),
                bar("2024-02-09", "-0.24", "1.0"),
                bar("2024-02-12", "\"a quarter\"", "1.0"),
                "{\"close\":10.0,\"divCash\":0.24}",
                "\"not a bar\"",
                bar("2024-05-10", "0.26", "1.0")) + "]");

        List<Dividend> dividends = read(AAPL, SINCE_2020);

        assertThat(dividends).containsExactly(dividend("2024-05-10", "0.25"));
        assertThat(log.lines).containsExactlyInAnyOrder(
                "WARN Skipping the dividend of AAPL on 2024-02-09 from provider tiingo: cash_amount -0.24 is not a"
                        + " positive cash amount",
                "WARN Skipping the dividend of AAPL on 2024-02-12 from provider tiingo: field divCash is not in the"
                        + " expected form",
                "WARN Skipping a dividend of AAPL from provider tiingo: the date of its bar is missing or does not"
                        + " start with YYYY-MM-DD",
                "WARN Skipping an element of the tiingo answer of dividends for AAPL: it is not an object",
                "WARN Skipping a second dividend of AAPL on 2024-05-10 from provider tiingo: one with the same"
                        + " ex-dividend date and distribution type came first");
    }

    @Test
    void sums_up_the_skips_of_an_answer_past_the_first_ten() {
        serveBody(AAPL, IntStream.rangeClosed(1, 25)
                .mapToObj(i -> bar("2023-01-%02d".formatted(i), "-1", "1.0"))
                .collect(Collectors.joining(",", "[", "]")));

        assertThat(read(AAPL, SINCE_2020)).isEmpty();

        assertThat(log.lines).hasSize(11);
        assertThat(log.lines.get(10))
                .isEqualTo("WARN Skipped 15 more dividends of AAPL from provider tiingo: 15 refused");
    }

    // Tiingo's own: one amount a day, the request, the window.

    /**
     * Tiingo has one {@code divCash} a day, so a special dividend going ex on a regular one's day comes as their sum,
     * one regular dividend; a second bar of that day is a second copy, not a second kind.
     */
    @Test
    void reads_one_amount_a_day_as_one_regular_dividend_and_a_second_bar_of_that_day_as_a_repeat() {
        serveBody(AAPL, "[" + bar("2023-11-10", "1.74", "1.0") + "," + bar("2023-11-10", "1.74", "1.0") + "]");

        assertThat(read(AAPL, SINCE_2020)).containsExactly(dividend("2023-11-10", "1.74"));
        assertThat(log.lines).containsExactly("WARN Skipping a second dividend of AAPL on 2023-11-10 from provider"
                + " tiingo: it repeats one read before");
    }

    @Test
    void asks_for_the_prices_of_exactly_the_window_once() {
        serve(AAPL);

        read(AAPL, new DateWindow(day("2014-12-31"), day("2015-01-06")));

        TIINGO.verify(1, getRequestedFor(urlPathMatching(".*")));
        TIINGO.verify(getRequestedFor(urlEqualTo(PRICES + "?startDate=2014-12-31&endDate=2015-01-06")));
    }

    @Test
    void drops_dividends_outside_the_window_without_a_word_even_bad_ones() {
        serveBody(AAPL, "[" + String.join(",", bar("2019-12-31", "-1", "1.0"), bar("2021-06-01", "0.5", "1.0"),
                bar("2024-06-17", "0.6", "1.0")) + "]");

        assertThat(read(AAPL, SINCE_2020)).containsExactly(dividend("2021-06-01", "0.5"));
        assertThat(log.lines).isEmpty();
    }

    // Stubbing helpers: what the tests above ask of the Tiingo stub, in the domain's terms where they can be.

    private void serve(Symbol symbol, Dividend... dividends) {
        serveBody(symbol, TiingoStub.dividends(dividends));
    }

    private void serveBody(Symbol symbol, String body) {
        stub.answer(prices(symbol), body);
    }

    private List<Dividend> read(Symbol symbol, DateWindow window) {
        try (Stream<Dividend> dividends = stub.provider(log).dividends(symbol, window)) {
            return dividends.toList();
        }
    }

    private static String prices(Symbol symbol) {
        return "/tiingo/daily/" + symbol + "/prices";
    }

    private static Dividend dividend(String exDate, String amount) {
        return new Dividend(AAPL, day(exDate), decimal(amount), null, null, null, null, null, Dividend.REGULAR);
    }
}
