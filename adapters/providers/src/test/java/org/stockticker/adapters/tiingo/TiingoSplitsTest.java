package org.stockticker.adapters.tiingo;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stockticker.adapters.tiingo.TiingoStub.KEY;
import static org.stockticker.adapters.tiingo.TiingoStub.bar;
import static org.stockticker.adapters.tiingo.TiingoStub.day;
import static org.stockticker.adapters.tiingo.TiingoStub.decimal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stockticker.adapters.provider.RecordingLogger;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

/**
 * The Tiingo adapter's splits: the bars of the window's prices answer whose {@code splitFactor} is not 1, read into
 * exact split terms. What every provider's splits must do is {@link TiingoSplitsContractTest}'s; the first tests
 * here add an answer out of date order or without bars, factors with many decimals and bars that cannot be splits,
 * and the others are Tiingo's own.
 */
class TiingoSplitsTest {

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
    void reads_the_splits_of_the_window_with_their_exact_terms_in_date_order() {
        serve(AAPL, split("2024-06-10", "1", "10"), split("2020-08-31", "1", "4"));

        List<Split> splits = read(AAPL, SINCE_2020);

        assertThat(splits).containsExactly(split("2020-08-31", "1", "4"), split("2024-06-10", "1", "10"));
        assertThat(splits.get(0).splitFrom().toPlainString()).isEqualTo("1");
        assertThat(splits.get(0).splitTo().toPlainString()).isEqualTo("4");
        assertThat(log.lines).isEmpty();
    }

    @Test
    void reads_an_answer_without_bars_as_no_splits() {
        serveBody(AAPL, "[]");

        assertThat(read(AAPL, SINCE_2020)).isEmpty();
        assertThat(log.lines).isEmpty();
    }

    @Test
    void keeps_a_factor_with_many_decimals_exactly_in_whole_terms() {
        serveBody(AAPL, "[" + bar("2022-07-18", "0.0", "1.23456789") + "]");

        Split split = read(AAPL, SINCE_2020).get(0);

        assertThat(split.splitFrom().toPlainString()).isEqualTo("100000000");
        assertThat(split.splitTo().toPlainString()).isEqualTo("123456789");
        assertThat(split.splitTo().divide(split.splitFrom())).isEqualByComparingTo("1.23456789");
    }

    @Test
    void skips_a_factor_whose_exact_terms_are_beyond_the_domains_bounds() {
        serveBody(AAPL, "[" + bar("2022-07-18", "0.0", "1.000000000000000001") + "]");

        assertThat(read(AAPL, SINCE_2020)).isEmpty();
        assertThat(log.lines).singleElement().asString()
                .startsWith("WARN Skipping the split of AAPL on 2022-07-18 from provider tiingo: split_from")
                .contains("out of range for a split ratio");
    }

    @Test
    void skips_splits_that_cannot_be_splits_with_a_warning_each_and_keeps_the_rest() {
        serveBody(AAPL, "[" + String.join(",",
                bar("2020-08-31", "0.0", "4.0"),
                bar("2022-01-03", "0.0", "0"),
                bar("2022-02-01", "0.0", "-2.0"),
                bar("2022-03-01", "0.0", "{\"n\":2}"),
                "{\"close\":10.0,\"splitFactor\":2.0}",
                "{\"date\":\"03/01/2022\",\"splitFactor\":2.0}",
                "[1,2]",
                bar("2020-08-31", "0.0", "4.0"),
                bar("2023-05-01", "0.0", "1.5")) + "]");

        List<Split> splits = read(AAPL, SINCE_2020);

        assertThat(splits).containsExactly(split("2020-08-31", "1", "4"), split("2023-05-01", "2", "3"));
        assertThat(log.lines).containsExactlyInAnyOrder(
                "WARN Skipping the split of AAPL on 2022-01-03 from provider tiingo: split factor 0 is not positive",
                "WARN Skipping the split of AAPL on 2022-02-01 from provider tiingo: split factor -2.0 is not"
                        + " positive",
                "WARN Skipping the split of AAPL on 2022-03-01 from provider tiingo: field splitFactor is not in the"
                        + " expected form",
                "WARN Skipping a split of AAPL from provider tiingo: the date of its bar is missing or does not start"
                        + " with YYYY-MM-DD",
                "WARN Skipping a split of AAPL from provider tiingo: the date of its bar is missing or does not start"
                        + " with YYYY-MM-DD",
                "WARN Skipping an element of the tiingo answer of splits for AAPL: it is not an object",
                "WARN Skipping a second split of AAPL on 2020-08-31 from provider tiingo: it repeats one read"
                        + " before");
    }

    // Tiingo's own: the factor's terms, the request, the window, the bar around the event.

    @ParameterizedTest(name = "splitFactor {0}: {1} -> {2}")
    @CsvSource({"2.0, 1, 2", "0.5, 2, 1", "1.5, 2, 3", "0.1, 10, 1", "3, 1, 3", "1.25, 4, 5"})
    void turns_the_split_factor_into_the_whole_terms_whose_ratio_it_is(String factor, String from, String to) {
        serveBody(AAPL, "[" + bar("2021-06-01", "0.0", factor) + "]");

        assertThat(read(AAPL, SINCE_2020)).containsExactly(split("2021-06-01", from, to));
    }

    @Test
    void asks_for_the_prices_of_exactly_the_window_with_the_key_in_the_header_alone() {
        serve(AAPL);

        read(AAPL, new DateWindow(day("2024-03-01"), day("2024-06-14")));

        TIINGO.verify(1, getRequestedFor(urlPathMatching(".*")));
        TIINGO.verify(getRequestedFor(urlEqualTo(PRICES + "?startDate=2024-03-01&endDate=2024-06-14"))
                .withHeader("Authorization", equalTo("Token " + KEY))
                .withQueryParam("token", absent()));
    }

    @Test
    void drops_splits_outside_the_window_without_a_word_even_bad_ones() {
        serveBody(AAPL, "[" + String.join(",", bar("2019-12-31", "0.0", "-1"), bar("2021-06-01", "0.0", "2.0"),
                bar("2024-06-17", "0.0", "3.0")) + "]");

        assertThat(read(AAPL, SINCE_2020)).containsExactly(split("2021-06-01", "1", "2"));
        assertThat(log.lines).isEmpty();
    }

    @Test
    void reads_the_split_of_a_bar_whose_prices_are_unusable() {
        serveBody(AAPL, "[{\"date\":\"2021-06-01T00:00:00.000Z\",\"close\":null,\"open\":{\"x\":1},"
                + "\"volume\":1.5,\"splitFactor\":2.0}]");

        assertThat(read(AAPL, SINCE_2020)).containsExactly(split("2021-06-01", "1", "2"));
        assertThat(log.lines).isEmpty();
    }

    @Test
    void reports_an_answer_that_is_not_a_list_of_bars() {
        serveBody(AAPL, "{\"detail\":\"Service busy.\"}");

        assertThatThrownBy(() -> read(AAPL, SINCE_2020))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider tiingo answered JSON other than a list of bars for AAPL");
    }

    // Stubbing helpers: what the tests above ask of the Tiingo stub, in the domain's terms where they can be.

    private void serve(Symbol symbol, Split... splits) {
        serveBody(symbol, TiingoStub.splits(splits));
    }

    private void serveBody(Symbol symbol, String body) {
        stub.answer(prices(symbol), body);
    }

    private List<Split> read(Symbol symbol, DateWindow window) {
        try (Stream<Split> splits = stub.provider(log).splits(symbol, window)) {
            return splits.toList();
        }
    }

    private static String prices(Symbol symbol) {
        return "/tiingo/daily/" + symbol + "/prices";
    }

    private static Split split(String day, String from, String to) {
        return new Split(AAPL, day(day), decimal(from), decimal(to));
    }
}
