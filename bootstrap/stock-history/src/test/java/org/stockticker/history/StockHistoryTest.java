package org.stockticker.history;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The library's calls on the bundled CSV sample and against an IEX-compatible stub on loopback. */
class StockHistoryTest {

    static final Path SAMPLE = Path.of("../..", "examples", "data").toAbsolutePath().normalize();
    private static final LocalDate JAN_2 = LocalDate.of(2024, 1, 2);
    private static final LocalDate JAN_5 = LocalDate.of(2024, 1, 5);

    @RegisterExtension
    static final WireMockExtension IEX = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    private static StockHistory sample() {
        return StockHistory.open(ProviderSettings.csv(SAMPLE));
    }

    private static StockHistory iex() {
        return StockHistory.open(ProviderSettings.iex("iex-token-0123", "http://127.0.0.1:" + IEX.getPort())
                .maxAttempts(1));
    }

    @Test
    void daily_bars_of_a_symbol_in_any_case_are_plain_records_ascending_within_the_window() {
        try (StockHistory history = sample()) {
            List<Bar> bars = history.dailyBars("aapl", JAN_2, JAN_5);

            assertThat(bars).extracting(Bar::date).containsExactly(JAN_2, LocalDate.of(2024, 1, 3),
                    LocalDate.of(2024, 1, 4), JAN_5);
            assertThat(bars.get(0)).isEqualTo(new Bar("AAPL", JAN_2, new BigDecimal("186.02"), new BigDecimal("187.49"),
                    new BigDecimal("184.26"), new BigDecimal("185.97"), 109088252L, new BigDecimal("185.1899")));
            assertThat(history.provider()).isEqualTo("csv");
        }
    }

    @Test
    void several_symbols_come_by_upper_case_symbol_in_the_order_given_each_read_once() {
        try (StockHistory history = sample()) {
            Map<String, List<Bar>> bars = history.dailyBars(List.of("msft", "AAPL", "MSFT", "brk.b"), JAN_2, JAN_5);

            assertThat(bars).containsOnlyKeys("MSFT", "AAPL", "BRK.B");
            assertThat(bars.keySet()).containsExactly("MSFT", "AAPL", "BRK.B");
            assertThat(bars.values()).allSatisfy(symbolBars -> assertThat(symbolBars).hasSize(4));
            assertThat(bars.get("MSFT")).allSatisfy(bar -> assertThat(bar.symbol()).isEqualTo("MSFT"));
        }
    }

    @Test
    void splits_dividends_and_listings_are_plain_records() {
        try (StockHistory history = sample()) {
            assertThat(history.splits("AAPL", LocalDate.of(2019, 1, 2), LocalDate.of(2024, 12, 31)))
                    .containsExactly(new Split("AAPL", LocalDate.of(2020, 8, 31), BigDecimal.ONE, new BigDecimal("4")));
            List<Dividend> dividends = history.dividends("AAPL", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31));
            assertThat(dividends).extracting(Dividend::exDividendDate).containsExactly(LocalDate.of(2019, 2, 11),
                    LocalDate.of(2019, 5, 10), LocalDate.of(2019, 8, 12), LocalDate.of(2019, 11, 11));
            assertThat(dividends.get(0)).isEqualTo(new Dividend("AAPL", LocalDate.of(2019, 2, 11),
                    new BigDecimal("0.77"), "USD", null, null, null, 4, "regular"));
            assertThat(history.splits(List.of("IBM"), JAN_2, JAN_5)).containsExactly(Map.entry("IBM", List.of()));
            Listing apple = history.listing("AAPL");
            assertThat(apple.symbol()).isEqualTo("AAPL");
            assertThat(apple.active()).isTrue();
            assertThat(history.listings(List.of("IBM", "AAPL")).keySet()).containsExactly("IBM", "AAPL");
        }
    }

    @Test
    void bad_symbols_and_dates_are_invalid_requests_naming_the_argument_never_a_bare_illegal_argument() {
        try (StockHistory history = sample()) {
            assertThatThrownBy(() -> history.dailyBars("BRK/B", JAN_2, JAN_5))
                    .isExactlyInstanceOf(InvalidRequestException.class).hasMessageContaining("symbol 'BRK/B'");
            assertThatThrownBy(() -> history.dailyBars((String) null, JAN_2, JAN_5))
                    .isExactlyInstanceOf(InvalidRequestException.class).hasMessage("symbol is required");
            assertThatThrownBy(() -> history.dailyBars("AAPL", null, JAN_5))
                    .isExactlyInstanceOf(InvalidRequestException.class).hasMessage("from is required");
            assertThatThrownBy(() -> history.splits("AAPL", JAN_5, JAN_2))
                    .isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessage("from 2024-01-05 is after to 2024-01-02");
            assertThatThrownBy(() -> history.dailyBars(Arrays.asList("AAPL", "../x"), JAN_2, JAN_5))
                    .isExactlyInstanceOf(InvalidRequestException.class).hasMessageContaining("symbol '../X' is invalid");
            assertThatThrownBy(() -> history.adjustedBars("AAPL", JAN_2, JAN_5, null))
                    .isExactlyInstanceOf(InvalidRequestException.class).hasMessage("adjustment is required");
        }
    }

    @Test
    void the_providers_failures_are_the_librarys_exceptions_without_the_key() {
        IEX.stubFor(get(urlPathMatching("/stock/ZZZZ/chart/.*"))
                .willReturn(aResponse().withStatus(404).withBody("Unknown symbol")));
        IEX.stubFor(get(urlPathMatching("/stock/KEY/chart/.*")).willReturn(aResponse().withStatus(401)
                .withBody("The API key provided is not valid.")));
        IEX.stubFor(get(urlPathMatching("/stock/DOWN/chart/.*")).willReturn(aResponse().withStatus(503)));
        IEX.stubFor(get(urlPathMatching("/stock/AAPL/chart/.*")).willReturn(okJson("""
                [{"date":"2024-01-02","uOpen":187.15,"uHigh":188.44,"uLow":183.885,"uClose":185.64,
                  "uVolume":82488700,"fClose":184.93}]""")));

        try (StockHistory history = iex()) {
            assertThatThrownBy(() -> history.dailyBars("zzzz", JAN_2, JAN_5))
                    .isInstanceOfSatisfying(UnknownSymbolException.class,
                            e -> assertThat(e.symbol()).isEqualTo("ZZZZ"));
            assertThatThrownBy(() -> history.dailyBars("KEY", JAN_2, JAN_5))
                    .isInstanceOf(RejectedKeyException.class).message().doesNotContain("iex-token-0123");
            assertThatThrownBy(() -> history.dailyBars("DOWN", JAN_2, JAN_5))
                    .isInstanceOf(ProviderUnavailableException.class).message().doesNotContain("iex-token-0123");
            assertThatThrownBy(() -> history.dailyBars(List.of("AAPL", "ZZZZ"), JAN_2, JAN_5))
                    .as("the failure of one symbol fails the call").isInstanceOf(UnknownSymbolException.class);
            assertThat(history.dailyBars("AAPL", JAN_2, JAN_5)).extracting(Bar::close)
                    .containsExactly(new BigDecimal("185.64"));
        }
    }

    @Test
    void a_bad_symbol_among_several_costs_no_request() {
        try (StockHistory history = iex()) {
            assertThatThrownBy(() -> history.dailyBars(List.of("AAPL", "MSFT", "BAD/X"), JAN_2, JAN_5))
                    .isExactlyInstanceOf(InvalidRequestException.class).hasMessageContaining("'BAD/X'");
        }
        IEX.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void a_closed_history_refuses_calls_on_its_threads() {
        StockHistory history = sample();
        history.close();

        assertThatThrownBy(() -> history.dailyBars(List.of("AAPL"), JAN_2, JAN_5))
                .isInstanceOf(IllegalStateException.class).hasMessage("this StockHistory is closed");
        assertThatThrownBy(() -> history.async().dailyBars("AAPL", JAN_2, JAN_5))
                .isInstanceOf(IllegalStateException.class);
    }
}
