package org.stockticker.adapters.polygon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stockticker.adapters.provider.RecordingLogger;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.RejectedCredentialsException;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

/**
 * Massive's splits and dividends against a stub in Massive's shapes: the requests sent, paging by {@code next_url}
 * on the configured host, the lists of every symbol, how values are mapped, and which entries are skipped with what
 * warning.
 */
class PolygonCorporateActionsTest {

    private static final String KEY = "PK_SECRET_0123456789";
    private static final Symbol AAPL = new Symbol("AAPL");
    private static final DateWindow YEARS = new DateWindow(LocalDate.parse("2020-01-02"), LocalDate.parse("2024-05-31"));
    private static final String SPLITS = "/stocks/v1/splits";
    private static final String DIVIDENDS = "/stocks/v1/dividends";

    @RegisterExtension
    static final WireMockExtension MASSIVE = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final RecordingLogger log = new RecordingLogger();

    @Test
    void asks_for_a_symbols_splits_of_the_window_oldest_first_five_thousand_a_page_with_the_key() {
        serve(SPLITS, List.of(PolygonBodies.split("AAPL", "2020-08-31", "1", "4")));

        assertThat(splits(AAPL, YEARS)).containsExactly(split("AAPL", "2020-08-31", "1", "4"));
        MASSIVE.verify(1, anyRequestedFor(anyUrl()));
        MASSIVE.verify(getRequestedFor(urlPathEqualTo(SPLITS))
                .withQueryParam("ticker", equalTo("AAPL"))
                .withQueryParam("execution_date.gte", equalTo("2020-01-02"))
                .withQueryParam("execution_date.lte", equalTo("2024-05-31"))
                .withQueryParam("sort", equalTo("execution_date.asc"))
                .withQueryParam("limit", equalTo("5000"))
                .withQueryParam("apiKey", equalTo(KEY)));
    }

    @Test
    void asks_for_a_symbols_dividends_by_ex_dividend_date_oldest_first_five_thousand_a_page_with_the_key() {
        serve(DIVIDENDS, List.of(dividend("2024-05-10", "0.25", "recurring")));

        assertThat(dividends(AAPL, YEARS)).hasSize(1);
        MASSIVE.verify(1, anyRequestedFor(anyUrl()));
        MASSIVE.verify(getRequestedFor(urlPathEqualTo(DIVIDENDS))
                .withQueryParam("ticker", equalTo("AAPL"))
                .withQueryParam("ex_dividend_date.gte", equalTo("2020-01-02"))
                .withQueryParam("ex_dividend_date.lte", equalTo("2024-05-31"))
                .withQueryParam("sort", equalTo("ex_dividend_date.asc"))
                .withQueryParam("limit", equalTo("5000"))
                .withQueryParam("apiKey", equalTo(KEY)));
    }

    @Test
    void follows_each_next_url_naming_api_polygon_io_on_the_configured_host_only_when_the_page_before_is_read() {
        MassiveListStubs.pages(MASSIVE, KEY, SPLITS, Map.of("ticker", equalTo("AAPL")), List.of(
                PolygonBodies.split("AAPL", "2020-08-31", "1", "4"), PolygonBodies.split("AAPL", "2021-05-03", "1", "2"),
                PolygonBodies.split("AAPL", "2022-06-06", "1", "3")), 1, "c");

        try (Stream<Split> stream = provider().splits(AAPL, YEARS)) {
            Iterator<Split> splits = stream.iterator();
            assertThat(splits.next().executionDate()).isEqualTo("2020-08-31");
            MASSIVE.verify(1, anyRequestedFor(anyUrl()));
            assertThat(splits.next().executionDate()).isEqualTo("2021-05-03");
            assertThat(splits.next().executionDate()).isEqualTo("2022-06-06");
            assertThat(splits.hasNext()).isFalse();
        }
        MASSIVE.verify(3, anyRequestedFor(anyUrl()));
        for (String cursor : List.of("c2", "c3")) {
            MASSIVE.verify(getRequestedFor(urlPathEqualTo(SPLITS)).withQueryParam("cursor", equalTo(cursor))
                    .withQueryParam("apiKey", equalTo(KEY)));
        }
    }

    @Test
    void follows_the_pages_of_a_symbols_dividends() {
        MassiveListStubs.pages(MASSIVE, KEY, DIVIDENDS, Map.of("ticker", equalTo("AAPL")), List.of(
                dividend("2023-11-10", "0.24", "recurring"), dividend("2024-02-09", "0.24", "recurring"),
                dividend("2024-05-10", "0.25", "recurring")), 2, "d");

        assertThat(dividends(AAPL, YEARS)).extracting(Dividend::exDividendDate).containsExactly(
                LocalDate.parse("2023-11-10"), LocalDate.parse("2024-02-09"), LocalDate.parse("2024-05-10"));
        MASSIVE.verify(2, anyRequestedFor(anyUrl()));
        MASSIVE.verify(getRequestedFor(urlPathEqualTo(DIVIDENDS)).withQueryParam("cursor", equalTo("d2"))
                .withQueryParam("apiKey", equalTo(KEY)));
    }

    @Test
    void lists_every_symbols_splits_from_a_day_on_without_a_ticker_page_by_page() {
        MassiveListStubs.pages(MASSIVE, KEY, SPLITS, Map.of("ticker", absent(), "execution_date.gte",
                equalTo("2024-05-01"), "execution_date.lte", absent(), "sort", equalTo("execution_date.asc"),
                "limit", equalTo("5000")), List.of(PolygonBodies.split("NVDA", "2024-06-10", "1", "10"),
                PolygonBodies.split("AVGO", "2024-07-15", "1", "10"), PolygonBodies.split("BRK.B", "2024-07-15", "1",
                "2")), 2, "all");
        PolygonPriceProvider provider = provider();

        List<Split> splits;
        try (Stream<Split> all = provider.splitsFrom(LocalDate.parse("2024-05-01"))) {
            splits = all.toList();
        }

        assertThat(provider.listsEverySymbolAtOnce()).isTrue();
        assertThat(splits).containsExactly(split("NVDA", "2024-06-10", "1", "10"),
                split("AVGO", "2024-07-15", "1", "10"), split("BRK.B", "2024-07-15", "1", "2"));
        MASSIVE.verify(2, anyRequestedFor(anyUrl()));
        assertThat(log.lines).isEmpty();
    }

    @Test
    void lists_every_symbols_dividends_from_a_day_on_without_a_ticker() {
        MassiveListStubs.pages(MASSIVE, KEY, DIVIDENDS, Map.of("ticker", absent(), "ex_dividend_date.gte",
                equalTo("2024-05-01"), "ex_dividend_date.lte", absent(), "sort", equalTo("ex_dividend_date.asc"),
                "limit", equalTo("5000")), List.of(
                PolygonBodies.dividend("AAPL", "0.25", "USD", null, "2024-05-10", null, null, "4", "recurring"),
                PolygonBodies.dividend("MSFT", "0.75", "USD", null, "2024-05-15", null, null, "4", "recurring")),
                5000, "all");

        List<Dividend> dividends;
        try (Stream<Dividend> all = provider().dividendsFrom(LocalDate.parse("2024-05-01"))) {
            dividends = all.toList();
        }

        assertThat(dividends).extracting(dividend -> dividend.symbol().value()).containsExactly("AAPL", "MSFT");
        MASSIVE.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void tells_the_entries_of_every_symbol_whose_ticker_is_no_symbol_in_one_warning() {
        MassiveListStubs.pages(MASSIVE, KEY, SPLITS, Map.of("ticker", absent()), List.of(
                PolygonBodies.split("brk.a", "2024-06-10", "1", "2"), PolygonBodies.split("NVDA", "2024-06-10", "1",
                "10"), PolygonBodies.split("A B", "2024-06-11", "1", "2"), "{\"execution_date\":\"2024-06-12\","
                + "\"split_from\":1,\"split_to\":2}"), 5000, "all");

        List<Split> splits;
        try (Stream<Split> all = provider().splitsFrom(LocalDate.parse("2024-05-01"))) {
            splits = all.toList();
        }

        assertThat(splits).containsExactly(split("NVDA", "2024-06-10", "1", "10"));
        assertThat(log.lines).containsExactly("WARN Skipped 3 rows of the splits of every symbol from 2024-05-01"
                + " from provider massive whose ticker is no symbol (upper-case letters and digits, with single '.'"
                + " or '-' between them), such as 'brk.a', 'A B', none");
    }

    @Test
    void keeps_ratios_and_amounts_exactly_as_written_and_a_stock_dividend_as_a_split() {
        serve(SPLITS, List.of(PolygonBodies.split("AAPL", "2021-05-03", "1", "1.050"),
                PolygonBodies.split("AAPL", "2023-03-01", "10", "1")));
        serve(DIVIDENDS, List.of(dividend("2024-05-10", "0.2400", "recurring"),
                dividend("2024-08-12", "0.1234567890123456789", "recurring")));

        List<Split> splits = splits(AAPL, YEARS);
        List<Dividend> dividends = dividends(AAPL, YEARS);

        assertThat(splits).extracting(split -> split.splitTo().toPlainString()).containsExactly("1.050", "1");
        assertThat(splits.get(1).splitFrom().toPlainString()).isEqualTo("10");
        assertThat(dividends).extracting(dividend -> dividend.cashAmount().toPlainString())
                .containsExactly("0.2400", "0.1234567890123456789");
    }

    @Test
    void maps_every_field_of_a_dividend_with_recurring_as_regular() {
        serve(DIVIDENDS, List.of(PolygonBodies.dividend("AAPL", "0.25", "usd", "2024-05-02", "2024-05-10",
                "2024-05-13", "2024-05-16", "4", "recurring")));

        assertThat(dividends(AAPL, YEARS)).containsExactly(new Dividend(AAPL, LocalDate.parse("2024-05-10"),
                new BigDecimal("0.25"), "USD", LocalDate.parse("2024-05-02"), LocalDate.parse("2024-05-13"),
                LocalDate.parse("2024-05-16"), 4, Dividend.REGULAR));
        assertThat(log.lines).isEmpty();
    }

    @Test
    void words_distribution_types_as_the_contract_does_regular_where_massive_says_none() {
        serve(DIVIDENDS, List.of(dividend("2024-01-10", "0.25", "recurring"), dividend("2024-02-09", "1.00", "special"),
                dividend("2024-03-08", "0.05", "Supplemental"), dividend("2024-04-10", "0.10", "long-term capital gain"),
                dividend("2024-05-10", "0.25", null), dividend("2024-05-10", "0.30", "special")));

        assertThat(dividends(AAPL, YEARS)).extracting(Dividend::distributionType).containsExactly("regular", "special",
                "supplemental", "long_term_capital_gain", "regular", "special");
    }

    @Test
    void keeps_a_dividend_whose_currency_is_no_iso_code_without_its_currency_and_warns_once() {
        serve(DIVIDENDS, List.of(PolygonBodies.dividend("AAPL", "0.25", "US$", null, "2024-05-10", null, null, "4",
                "recurring"), PolygonBodies.dividend("AAPL", "0.30", "cad", null, "2024-08-12", null, null, "4",
                "recurring")));

        List<Dividend> dividends = dividends(AAPL, YEARS);

        assertThat(dividends).extracting(Dividend::currency).containsExactly(null, "CAD");
        assertThat(dividends.get(0).cashAmount()).isEqualByComparingTo("0.25");
        assertThat(log.lines).containsExactly("WARN Keeping the dividend of AAPL on 2024-05-10 from provider massive"
                + " without its currency, which is 'US$', no ISO 4217 code");
    }

    @Test
    void keeps_a_dividend_without_the_dates_and_frequency_that_are_none_with_a_warning_each() {
        serve(DIVIDENDS, List.of(PolygonBodies.dividend("AAPL", "0.25", "USD", "soon", "2024-05-10", "2024-02-30",
                "2024-05-16", "4.5", "recurring")));

        List<Dividend> dividends = dividends(AAPL, YEARS);

        assertThat(dividends).containsExactly(new Dividend(AAPL, LocalDate.parse("2024-05-10"), new BigDecimal("0.25"),
                "USD", null, null, LocalDate.parse("2024-05-16"), null, Dividend.REGULAR));
        assertThat(log.lines).containsExactly(
                "WARN Keeping the dividend of AAPL on 2024-05-10 from provider massive without its declaration_date,"
                        + " which is no date",
                "WARN Keeping the dividend of AAPL on 2024-05-10 from provider massive without its record_date,"
                        + " which is no date",
                "WARN Keeping the dividend of AAPL on 2024-05-10 from provider massive without its frequency, which"
                        + " is no whole number of payments a year");
    }

    @Test
    void skips_splits_that_cannot_be_with_one_warning_each_and_keeps_the_others() {
        serve(SPLITS, List.of(PolygonBodies.split("AAPL", "2020-08-31", "1", "4"),
                "{\"ticker\":\"AAPL\",\"split_from\":1,\"split_to\":2}",
                PolygonBodies.split("AAPL", "2021-02-30", "1", "2"),
                PolygonBodies.split("AAPL", "2021-06-01", "1", "0"),
                PolygonBodies.split("AAPL", "2021-07-01", "-1", "2"),
                "{\"ticker\":\"AAPL\",\"execution_date\":\"2021-08-02\",\"split_from\":1,\"split_to\":{\"n\":2}}",
                PolygonBodies.split("AAPL", "2020-08-31", "1", "8"),
                PolygonBodies.split("MSFT", "2021-09-01", "1", "2"),
                "[1,4]",
                PolygonBodies.split("AAPL", "2022-06-06", "1", "3")));

        assertThat(splits(AAPL, YEARS)).containsExactly(split("AAPL", "2020-08-31", "1", "4"),
                split("AAPL", "2022-06-06", "1", "3"));
        assertThat(log.lines).containsExactly(
                "WARN Skipping a split of AAPL from provider massive: its execution_date is missing or no date",
                "WARN Skipping a split of AAPL from provider massive: its execution_date is missing or no date",
                "WARN Skipping the split of AAPL on 2021-06-01 from provider massive: split_to 0 is not a positive"
                        + " split ratio",
                "WARN Skipping the split of AAPL on 2021-07-01 from provider massive: split_from -1 is not a positive"
                        + " split ratio",
                "WARN Skipping the split of AAPL on 2021-08-02 from provider massive: its split_to is missing or no"
                        + " number",
                "WARN Skipping the split of AAPL on 2020-08-31 from provider massive: it is a second split of that"
                        + " day; the first is kept",
                "WARN Skipping a split in the splits of AAPL from provider massive: it is about ticker 'MSFT'",
                "WARN Skipping an entry of the splits of AAPL from provider massive: it is no object");
    }

    @Test
    void skips_dividends_that_cannot_be_with_one_warning_each_and_keeps_a_special_beside_a_regular_one() {
        serve(DIVIDENDS, List.of(dividend("2024-02-09", "0.24", "recurring"),
                PolygonBodies.dividend("AAPL", "0.24", "USD", null, null, null, null, "4", "recurring"),
                dividend("2024-03-08", "0", "recurring"),
                PolygonBodies.dividend("AAPL", "-0.10", "US$", "soon", "2024-04-10", null, null, "4", "recurring"),
                dividend("2024-05-10", "0.25", "recurring"),
                dividend("2024-05-10", "0.26", "recurring"),
                dividend("2024-05-10", "1.00", "special"),
                dividend("2024-05-20", null, "recurring")));

        assertThat(dividends(AAPL, YEARS)).extracting(dividend -> dividend.exDividendDate() + " "
                + dividend.cashAmount() + " " + dividend.distributionType()).containsExactly(
                "2024-02-09 0.24 regular", "2024-05-10 0.25 regular", "2024-05-10 1.00 special");
        assertThat(log.lines).containsExactly(
                "WARN Skipping a dividend of AAPL from provider massive: its ex_dividend_date is missing or no date",
                "WARN Skipping the dividend of AAPL on 2024-03-08 from provider massive: cash_amount 0 is not a"
                        + " positive cash amount",
                "WARN Skipping the dividend of AAPL on 2024-04-10 from provider massive: cash_amount -0.10 is not a"
                        + " positive cash amount",
                "WARN Skipping the dividend of AAPL on 2024-05-10 from provider massive: it is a second regular"
                        + " dividend of that ex-dividend date; the first is kept",
                "WARN Skipping the dividend of AAPL on 2024-05-20 from provider massive: its cash_amount is missing"
                        + " or no number");
    }

    @Test
    void sums_up_the_skips_of_a_list_past_the_first_ten_in_one_line() {
        List<String> entries = new ArrayList<>();
        for (int day = 1; day <= 14; day++) {
            entries.add(PolygonBodies.split("AAPL", "2021-03-%02d".formatted(day), "1", "0"));
        }
        entries.add("{\"ticker\":\"AAPL\"}");
        serve(SPLITS, entries);

        assertThat(splits(AAPL, YEARS)).isEmpty();
        assertThat(log.lines).hasSize(11);
        assertThat(log.lines.get(10)).isEqualTo("WARN Skipped 5 more entries of the splits of AAPL: 4 refused by the"
                + " domain, 1 without a valid execution_date");
    }

    @Test
    void cuts_a_chain_of_pages_without_a_new_entry_after_five_pages() {
        for (int page = 1; page <= 20; page++) {
            MASSIVE.stubFor(get(urlPathEqualTo(SPLITS)).withQueryParam("cursor", page == 1 ? absent()
                    : equalTo("p" + page)).willReturn(okJson(PolygonBodies.list(List.of(PolygonBodies.split("AAPL",
                    "2020-08-31", "1", "4")), "https://api.polygon.io" + SPLITS + "?cursor=p" + (page + 1)))));
        }
        List<Split> received = new ArrayList<>();

        assertThatThrownBy(() -> {
            try (Stream<Split> splits = provider().splits(AAPL, YEARS)) {
                splits.forEach(received::add);
            }
        }).isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider massive sent 5 pages in a row without a new entry in the splits of AAPL, each"
                        + " naming another; the rest of its pages were not read");
        assertThat(received).containsExactly(split("AAPL", "2020-08-31", "1", "4"));
        MASSIVE.verify(6, anyRequestedFor(anyUrl()));
    }

    @Test
    void reports_a_404_of_a_list_as_a_wrong_base_url() {
        MASSIVE.stubFor(get(urlPathEqualTo(DIVIDENDS)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody(PolygonBodies.errorMessage("NOT_FOUND", "Route not found " + KEY))));

        assertThatThrownBy(() -> dividends(AAPL, YEARS))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider massive answered HTTP 404 for the dividends of AAPL: Route not found ****"
                        + " (is provider.base_url right?)");
    }

    @Test
    void reports_a_key_without_access_as_rejected_with_the_key_masked() {
        MASSIVE.stubFor(get(urlPathEqualTo(SPLITS)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody(PolygonBodies.errorMessage("NOT_AUTHORIZED", "apiKey=" + KEY + " is not entitled"))));

        assertThatThrownBy(() -> provider().splitsFrom(LocalDate.parse("2024-05-01")))
                .isInstanceOf(RejectedCredentialsException.class)
                .hasMessageContaining("apiKey=**** is not entitled")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void reports_a_page_whose_status_is_an_error() {
        MASSIVE.stubFor(get(urlPathEqualTo(SPLITS)).willReturn(okJson(PolygonBodies.error("ERROR", "Bad cursor"))));

        assertThatThrownBy(() -> splits(AAPL, YEARS))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider massive answered ERROR without splits for the splits of AAPL");
    }

    private PolygonPriceProvider provider() {
        return MassiveListStubs.provider(MASSIVE, KEY, log);
    }

    private List<Split> splits(Symbol symbol, DateWindow window) {
        try (Stream<Split> splits = provider().splits(symbol, window)) {
            return splits.toList();
        }
    }

    private List<Dividend> dividends(Symbol symbol, DateWindow window) {
        try (Stream<Dividend> dividends = provider().dividends(symbol, window)) {
            return dividends.toList();
        }
    }

    /** One page answering every request for AAPL's list at {@code path}. */
    private static void serve(String path, List<String> entries) {
        MASSIVE.stubFor(get(urlPathEqualTo(path)).withQueryParam("ticker", equalTo("AAPL"))
                .withQueryParam("apiKey", equalTo(KEY)).willReturn(okJson(PolygonBodies.list(entries, null))));
    }

    private static String dividend(String exDate, String amount, String type) {
        return PolygonBodies.dividend("AAPL", amount, "USD", null, exDate, null, null, "4", type);
    }

    private static Split split(String symbol, String day, String from, String to) {
        return new Split(new Symbol(symbol), LocalDate.parse(day), new BigDecimal(from), new BigDecimal(to));
    }
}
