package org.stockticker.adapters.alphavantage;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.stockticker.adapters.alphavantage.AlphaVantageStub.KEY;
import static org.stockticker.adapters.alphavantage.AlphaVantageStub.query;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stockticker.adapters.provider.RecordingLogger;
import org.stockticker.application.port.out.BrokenAnswerException;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.QuotaSpentException;
import org.stockticker.application.port.out.RejectedCredentialsException;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

/**
 * Splits and dividends from Alpha Vantage's {@code SPLITS} and {@code DIVIDENDS} functions, beyond what
 * {@link AlphaVantageSplitsContractTest} and {@link AlphaVantageDividendsContractTest} prove of every provider.
 */
class AlphaVantageCorporateActionsTest {

    private static final Symbol IBM = new Symbol("IBM");
    private static final DateWindow ALL = window("1960-01-01", "2030-12-31");

    @RegisterExtension
    static final WireMockExtension ALPHA_VANTAGE = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final AlphaVantageStub stub = new AlphaVantageStub(ALPHA_VANTAGE);
    private final RecordingLogger log = new RecordingLogger();

    @Test
    void reads_splits_in_no_particular_order_as_exact_ratios_ascending_with_one_request() {
        stub.events("SPLITS", "IBM", """
                {"effective_date":"1999-05-27","split_factor":"2.0000"},
                {"effective_date":"1968-04-23","split_factor":"2.0000"},
                {"effective_date":"1979-05-10","split_factor":"4.0000"}""");

        List<Split> splits = splits(IBM, ALL);

        assertThat(splits).containsExactly(
                new Split(IBM, LocalDate.of(1968, 4, 23), BigDecimal.ONE, new BigDecimal("2")),
                new Split(IBM, LocalDate.of(1979, 5, 10), BigDecimal.ONE, new BigDecimal("4")),
                new Split(IBM, LocalDate.of(1999, 5, 27), BigDecimal.ONE, new BigDecimal("2")));
        ALPHA_VANTAGE.verify(1, getRequestedFor(urlPathEqualTo("/query")));
        ALPHA_VANTAGE.verify(getRequestedFor(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("SPLITS"))
                .withQueryParam("symbol", equalTo("IBM"))
                .withQueryParam("apikey", equalTo(KEY)));
    }

    @ParameterizedTest(name = "split_factor {0}: {1} to {2}")
    @CsvSource({
            "2.0000, 1, 2",
            // A reverse split: ten shares became one.
            "0.1000, 10, 1",
            "1.5000, 2, 3",
            "0.6667, 10000, 6667",
            "1.23456789, 100000000, 123456789",
            // As whole numbers, 10^17 to 12345678901234567 would pass the domain's bounds.
            "0.12345678901234567, 1, 0.12345678901234567"
    })
    void writes_the_split_factor_as_shares_before_and_after_that_give_it_exactly(String factor, String from,
            String to) {
        stub.events("SPLITS", "IBM", "{\"effective_date\":\"2020-06-01\",\"split_factor\":\"" + factor + "\"}");

        Split split = splits(IBM, ALL).get(0);

        assertThat(split.splitFrom()).isEqualTo(new BigDecimal(from));
        assertThat(split.splitTo()).isEqualTo(new BigDecimal(to));
        assertThat(new BigDecimal(to).divide(new BigDecimal(from), MathContext.DECIMAL128))
                .isEqualByComparingTo(factor);
    }

    @Test
    void reads_dividends_with_their_exact_amounts_and_none_as_unknown() {
        stub.events("DIVIDENDS", "IBM", """
                {"ex_dividend_date":"2024-11-12","declaration_date":"2024-10-29","record_date":"2024-11-12",\
                "payment_date":"2024-12-10","amount":"1.67"},
                {"ex_dividend_date":"1962-02-08","declaration_date":"None","record_date":"None",\
                "payment_date":"None","amount":"0.00390625000001"}""");

        assertThat(dividends(IBM, ALL)).containsExactly(
                new Dividend(IBM, LocalDate.of(1962, 2, 8), new BigDecimal("0.00390625000001"), null, null, null,
                        null, null, "regular"),
                new Dividend(IBM, LocalDate.of(2024, 11, 12), new BigDecimal("1.67"), null,
                        LocalDate.of(2024, 10, 29), LocalDate.of(2024, 11, 12), LocalDate.of(2024, 12, 10), null,
                        "regular"));
        ALPHA_VANTAGE.verify(getRequestedFor(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("DIVIDENDS"))
                .withQueryParam("symbol", equalTo("IBM")));
    }

    @Test
    void takes_the_currency_of_a_dividend_only_where_the_answer_names_one() {
        stub.events("DIVIDENDS", "IBM", """
                {"ex_dividend_date":"2024-02-08","amount":"1.66","currency":"USD"},
                {"ex_dividend_date":"2024-05-09","amount":"1.67","currency":"dollars"},
                {"ex_dividend_date":"2024-08-08","amount":"1.67"}""");

        assertThat(dividends(IBM, ALL)).extracting(Dividend::currency).containsExactly("USD", null, null);
        assertThat(log.lines).containsExactly("WARN The dividend of IBM on 2024-05-09 from provider alpha_vantage"
                + " names the currency 'dollars', which is no ISO 4217 code; it is kept without a currency");
    }

    @Test
    void reports_a_refused_key_without_quoting_it() {
        stub.rejectKey();

        assertThatThrownBy(() -> splits(IBM, ALL))
                .isInstanceOf(RejectedCredentialsException.class)
                .hasMessage("provider alpha_vantage rejected the API key: the parameter apikey is invalid or"
                        + " missing: ****");
        assertThatThrownBy(() -> dividends(IBM, ALL))
                .isInstanceOf(RejectedCredentialsException.class)
                .hasMessageNotContaining(KEY);
        ALPHA_VANTAGE.verify(2, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void waits_out_a_rate_limit_sent_with_http_200_and_then_reads_the_events() {
        stub.eventsLimitedOnceThen("SPLITS", "IBM", "{\"effective_date\":\"1999-05-27\",\"split_factor\":\"2.0000\"}");
        stub.eventsLimitedOnceThen("DIVIDENDS", "IBM", "{\"ex_dividend_date\":\"2024-11-12\",\"amount\":\"1.67\"}");
        List<Instant> waits = new CopyOnWriteArrayList<>();
        AlphaVantagePriceProvider provider = provider();
        provider.onRateLimited(waits::add);

        assertThat(splits(provider, IBM, ALL)).extracting(Split::executionDate)
                .containsExactly(LocalDate.of(1999, 5, 27));
        assertThat(dividends(provider, IBM, ALL)).extracting(Dividend::cashAmount)
                .containsExactly(new BigDecimal("1.67"));
        assertThat(waits).hasSize(2);
        ALPHA_VANTAGE.verify(4, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void reports_a_rate_limit_that_outlasts_every_attempt_as_unavailable_never_as_events() {
        ALPHA_VANTAGE.stubFor(query("SPLITS", "IBM").willReturn(okJson(stub.paceLimit())));

        assertThatThrownBy(() -> splits(IBM, ALL))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider alpha_vantage kept failing: HTTP 429 for GET /query after 3 attempts");
        ALPHA_VANTAGE.verify(3, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void reports_the_daily_limit_as_a_spent_quota_until_midnight_utc_at_once_and_asks_nothing_more_that_day() {
        ALPHA_VANTAGE.stubFor(query("SPLITS", "IBM").willReturn(okJson(stub.dailyLimit())));
        AlphaVantagePriceProvider provider = provider();

        assertThatThrownBy(() -> splits(provider, IBM, ALL))
                .isInstanceOfSatisfying(QuotaSpentException.class, spent -> assertThat(spent.resetsAt())
                        .contains(Instant.parse("2025-01-01T00:00:00Z")))
                .hasMessageNotContaining(AlphaVantageStub.KEY);
        assertThatThrownBy(() -> dividends(provider, IBM, ALL)).isInstanceOf(QuotaSpentException.class);
        ALPHA_VANTAGE.verify(1, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void reports_json_without_a_list_of_events_as_a_broken_answer() {
        ALPHA_VANTAGE.stubFor(query("SPLITS", "IBM").willReturn(okJson("{\"symbol\":\"IBM\",\"data\":{}}")));
        ALPHA_VANTAGE.stubFor(query("DIVIDENDS", "IBM").willReturn(okJson("{}")));

        assertThatThrownBy(() -> splits(IBM, ALL))
                .isInstanceOf(BrokenAnswerException.class)
                .hasMessage("provider alpha_vantage answered JSON without a list of splits for IBM");
        assertThatThrownBy(() -> dividends(IBM, ALL))
                .isInstanceOf(BrokenAnswerException.class)
                .hasMessage("provider alpha_vantage answered JSON without a list of dividends for IBM");
    }

    @Test
    void skips_splits_that_cannot_be_one_with_a_warning_and_keeps_the_others() {
        stub.events("SPLITS", "IBM", """
                {"effective_date":"1999-05-27","split_factor":"2.0000"},
                {"split_factor":"2.0000"},
                {"effective_date":"None","split_factor":"2.0000"},
                {"effective_date":"27/05/1999","split_factor":"2.0000"},
                {"effective_date":"2001-01-02","split_factor":"0.0000"},
                {"effective_date":"2001-01-03","split_factor":"-2"},
                {"effective_date":"2001-01-04","split_factor":"None"},
                {"effective_date":"2001-01-05","split_factor":"two"},
                {"effective_date":"2001-01-08","split_factor":"1e999999999"},
                "2001-01-09",
                {"effective_date":"1999-05-27","split_factor":"3.0000"},
                {"effective_date":"2021-11-04","split_factor":"1.0460"}""");

        assertThat(splits(IBM, ALL)).extracting(Split::executionDate, Split::splitTo).containsExactly(
                tuple(LocalDate.of(1999, 5, 27), new BigDecimal("2")),
                tuple(LocalDate.of(2021, 11, 4), new BigDecimal("523")));
        assertThat(log.lines).containsExactly(
                "WARN Skipping a split of IBM from provider alpha_vantage: it has no effective_date",
                "WARN Skipping a split of IBM from provider alpha_vantage: it has no effective_date",
                "WARN Skipping a split of IBM from provider alpha_vantage: effective_date '27/05/1999' is not"
                        + " YYYY-MM-DD",
                "WARN Skipping the split of IBM on 2001-01-02 from provider alpha_vantage: split_factor 0.0000 is"
                        + " not positive",
                "WARN Skipping the split of IBM on 2001-01-03 from provider alpha_vantage: split_factor -2 is not"
                        + " positive",
                "WARN Skipping the split of IBM on 2001-01-04 from provider alpha_vantage: it has no split_factor",
                "WARN Skipping the split of IBM on 2001-01-05 from provider alpha_vantage: split_factor is not a"
                        + " number",
                "WARN Skipping the split of IBM on 2001-01-08 from provider alpha_vantage: split_to 1E+999999999 is"
                        + " out of range for a split ratio: at most 20 significant digits, 20 after the point, below"
                        + " 1000000000000",
                "WARN Skipping a split of IBM from provider alpha_vantage: it is not an object",
                "WARN Skipping a split of IBM on 1999-05-27 from provider alpha_vantage: a split on that day came"
                        + " first and is kept");
    }

    /** Alpha Vantage does not tell a special dividend from a regular one: one of a day is kept, the first sent. */
    @Test
    void keeps_the_first_of_two_dividends_on_one_ex_date_and_skips_dividends_that_cannot_be_one() {
        stub.events("DIVIDENDS", "IBM", """
                {"ex_dividend_date":"2024-11-12","amount":"1.67"},
                {"ex_dividend_date":"2024-11-12","amount":"5.00"},
                {"ex_dividend_date":"2024-08-08","amount":"None"},
                {"ex_dividend_date":"2024-05-09","amount":"0"},
                {"ex_dividend_date":"2024-02-08","amount":"1.66","payment_date":"soon"},
                {"amount":"1.65"}""");

        assertThat(dividends(IBM, ALL)).extracting(Dividend::exDividendDate, Dividend::cashAmount)
                .containsExactly(tuple(LocalDate.of(2024, 11, 12),
                        new BigDecimal("1.67")));
        assertThat(log.lines).containsExactly(
                "WARN Skipping a dividend of IBM on 2024-11-12 from provider alpha_vantage: a dividend on that day"
                        + " came first and is kept",
                "WARN Skipping the dividend of IBM on 2024-08-08 from provider alpha_vantage: it has no amount",
                "WARN Skipping the dividend of IBM on 2024-05-09 from provider alpha_vantage: cash_amount 0 is not a"
                        + " positive cash amount",
                "WARN Skipping the dividend of IBM on 2024-02-08 from provider alpha_vantage: payment_date 'soon' is"
                        + " not YYYY-MM-DD",
                "WARN Skipping a dividend of IBM from provider alpha_vantage: it has no ex_dividend_date");
    }

    private AlphaVantagePriceProvider provider() {
        return stub.provider(log);
    }

    private List<Split> splits(Symbol symbol, DateWindow window) {
        return splits(provider(), symbol, window);
    }

    private List<Dividend> dividends(Symbol symbol, DateWindow window) {
        return dividends(provider(), symbol, window);
    }

    private static List<Split> splits(AlphaVantagePriceProvider provider, Symbol symbol, DateWindow window) {
        try (Stream<Split> splits = provider.splits(symbol, window)) {
            return splits.toList();
        }
    }

    private static List<Dividend> dividends(AlphaVantagePriceProvider provider, Symbol symbol, DateWindow window) {
        try (Stream<Dividend> dividends = provider.dividends(symbol, window)) {
            return dividends.toList();
        }
    }

    private static DateWindow window(String from, String to) {
        return new DateWindow(LocalDate.parse(from), LocalDate.parse(to));
    }
}
