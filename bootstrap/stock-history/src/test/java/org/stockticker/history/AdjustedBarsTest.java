package org.stockticker.history;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Adjusted bars are computed from as-traded bars and the provider's splits and dividends, alike for every provider,
 * and equal each provider's own adjusted prices within their rounding: the sample's Adj Close (4 decimals), Tiingo's
 * adjClose (4 decimals), Massive's split-adjusted aggregates.
 */
class AdjustedBarsTest {

    /** 10:00 in New York on Wednesday 2020-09-02, the day after the stubs' last bar. */
    private static final Clock SEPT_2 = Clock.fixed(Instant.parse("2020-09-02T14:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate AUG_5 = LocalDate.of(2020, 8, 5);
    private static final LocalDate SEPT_1 = LocalDate.of(2020, 9, 1);
    /** Half a unit of the providers' fourth decimal. */
    private static final BigDecimal FOURTH_DECIMAL = new BigDecimal("0.00005");

    @RegisterExtension
    final WireMockExtension stub = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @ParameterizedTest
    @ValueSource(strings = {"AAPL", "MSFT", "IBM", "BRK.B"})
    void the_samples_splits_and_dividends_give_its_adjusted_closes(String symbol) {
        LocalDate from = LocalDate.of(2019, 1, 2);
        LocalDate to = LocalDate.of(2024, 12, 31);
        try (StockHistory history = StockHistory.builder(ProviderSettings.csv(StockHistoryTest.SAMPLE))
                .clock(Clock.fixed(Instant.parse("2025-01-02T15:00:00Z"), ZoneOffset.UTC)).build()) {
            List<Bar> asTraded = history.dailyBars(symbol, from, to);
            List<Bar> adjusted = history.adjustedBars(symbol, from, to, Adjustment.SPLITS_AND_DIVIDENDS);

            assertThat(adjusted).hasSameSizeAs(asTraded).hasSizeGreaterThan(1500);
            IntStream.range(0, adjusted.size()).forEach(i -> {
                Bar provider = asTraded.get(i);
                Bar computed = adjusted.get(i);
                assertThat(computed.date()).isEqualTo(provider.date());
                // The Adj Close has 4 decimals, computed from closes of 2: relatively, what they leave is below 1e-5.
                assertThat(computed.close().subtract(provider.adjustedClose()).abs()
                        .divide(provider.adjustedClose(), MathContext.DECIMAL64))
                        .as("%s on %s", symbol, provider.date()).isLessThan(new BigDecimal("0.00001"));
                assertThat(computed.adjustedClose()).isEqualTo(computed.close());
            });
        }
    }

    @Test
    void tiingos_split_and_dividend_marks_give_its_adjusted_closes() {
        // AAPL in August 2020 as traded: a dividend of 0.82 ex 2020-08-07, a 4-for-1 split on 2020-08-31. adjClose as
        // Tiingo computes it on 2020-09-02, rounded to 4 decimals.
        String prices = List.of(
                tiingo("2020-08-05", "440.25", "109.8644", "0.0", "1.0"),
                tiingo("2020-08-06", "455.61", "113.6975", "0.0", "1.0"),
                tiingo("2020-08-07", "444.45", "111.1125", "0.82", "1.0"),
                tiingo("2020-08-10", "450.91", "112.7275", "0.0", "1.0"),
                tiingo("2020-08-28", "499.23", "124.8075", "0.0", "1.0"),
                tiingo("2020-08-31", "129.04", "129.04", "0.0", "4.0"),
                tiingo("2020-09-01", "134.18", "134.18", "0.0", "1.0")).stream()
                .collect(Collectors.joining(",", "[", "]"));
        stub.stubFor(get(urlPathEqualTo("/tiingo/daily/AAPL/prices")).willReturn(okJson(prices)));
        TiingoSettings tiingo = ProviderSettings.tiingo("tiingo-token").baseUrl("http://127.0.0.1:" + stub.getPort())
                .requestsPerMinute(6000);

        try (StockHistory history = StockHistory.builder(tiingo).clock(SEPT_2).build()) {
            List<Bar> asTraded = history.dailyBars("AAPL", AUG_5, SEPT_1);
            List<Bar> adjusted = history.adjustedBars("AAPL", AUG_5, SEPT_1, Adjustment.SPLITS_AND_DIVIDENDS);

            assertThat(adjusted).extracting(Bar::date).containsExactlyElementsOf(asTraded.stream().map(Bar::date)
                    .toList());
            IntStream.range(0, adjusted.size()).forEach(i -> assertThat(adjusted.get(i).close()
                    .subtract(asTraded.get(i).adjustedClose()).abs()).as("%s", adjusted.get(i).date())
                    .isLessThanOrEqualTo(FOURTH_DECIMAL));
            // Split-only: the split divides the prices before it by 4, the dividend stays in them.
            assertThat(history.adjustedBars("AAPL", AUG_5, SEPT_1, Adjustment.SPLITS)).extracting(Bar::close)
                    .extracting(BigDecimal::stripTrailingZeros).extracting(BigDecimal::toPlainString)
                    .containsExactly("110.0625", "113.9025", "111.1125", "112.7275", "124.8075", "129.04", "134.18");
        }
    }

    @Test
    void massives_splits_give_its_split_adjusted_aggregates() {
        List<String> dates = List.of("2020-08-27", "2020-08-28", "2020-08-31", "2020-09-01");
        stub.stubFor(get(urlPathMatching("/v2/aggs/ticker/AAPL/range/1/day/.*"))
                .withQueryParam("adjusted", equalTo("false"))
                .willReturn(okJson(aggregates(dates, List.of("500.04", "499.23", "129.04", "134.18"),
                        List.of("38888000", "46907000", "225702700", "151948100"), false))));
        stub.stubFor(get(urlPathMatching("/v2/aggs/ticker/AAPL/range/1/day/.*"))
                .withQueryParam("adjusted", equalTo("true"))
                .willReturn(okJson(aggregates(dates, List.of("125.01", "124.8075", "129.04", "134.18"),
                        List.of("155552000", "187628000", "225702700", "151948100"), true))));
        stub.stubFor(get(urlPathEqualTo("/stocks/v1/splits")).willReturn(okJson("""
                {"results":[{"id":"E1a2b3c4d","ticker":"AAPL","execution_date":"2020-08-31","split_from":1,\
                "split_to":4,"adjustment_type":"forward_split","historical_adjustment_factor":0.25}],\
                "status":"OK","request_id":"0d5b3b0e9c6f4a1b8e2d7c3a9f1e5b7d"}""")));
        MassiveSettings massive = ProviderSettings.massive("massive-key").baseUrl("http://127.0.0.1:"
                + stub.getPort()).requestsPerMinute(6000);
        LocalDate from = LocalDate.of(2020, 8, 27);

        try (StockHistory asTraded = StockHistory.builder(massive).clock(SEPT_2).build();
                StockHistory splitAdjusted = StockHistory.builder(massive.adjusted(true)).clock(SEPT_2).build()) {
            List<Bar> computed = asTraded.adjustedBars("AAPL", from, SEPT_1, Adjustment.SPLITS);
            List<Bar> massives = splitAdjusted.dailyBars("AAPL", from, SEPT_1);

            assertThat(computed).extracting(bar -> bar.close().stripTrailingZeros())
                    .containsExactlyElementsOf(massives.stream().map(bar -> bar.close().stripTrailingZeros()).toList());
            assertThat(computed).extracting(Bar::volume).containsExactlyElementsOf(massives.stream()
                    .map(Bar::volume).toList());
            assertThatThrownBy(() -> splitAdjusted.adjustedBars("AAPL", from, SEPT_1, Adjustment.SPLITS))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("adjusted: true");
        }
    }

    private static String tiingo(String date, String close, String adjClose, String divCash, String splitFactor) {
        return """
                {"date":"%sT00:00:00.000Z","close":%s,"high":%s,"low":%s,"open":%s,"volume":1000000,\
                "adjClose":%s,"adjHigh":%s,"adjLow":%s,"adjOpen":%s,"adjVolume":1000000,"divCash":%s,\
                "splitFactor":%s}""".formatted(date, close, close, close, close, adjClose, adjClose, adjClose,
                adjClose, divCash, splitFactor);
    }

    private static String aggregates(List<String> dates, List<String> closes, List<String> volumes,
            boolean adjusted) {
        String results = IntStream.range(0, dates.size()).mapToObj(i -> """
                {"v":%s,"vw":%s,"o":%s,"c":%s,"h":%s,"l":%s,"t":%d,"n":412345}""".formatted(volumes.get(i),
                closes.get(i), closes.get(i), closes.get(i), closes.get(i), closes.get(i),
                LocalDate.parse(dates.get(i)).atStartOfDay(ZoneId.of("America/New_York")).toInstant().toEpochMilli()))
                .collect(Collectors.joining(","));
        return """
                {"ticker":"AAPL","queryCount":%d,"resultsCount":%d,"adjusted":%s,"results":[%s],"status":"OK",\
                "request_id":"6a7e466379af0a71039d60cc78e72282","count":%d}""".formatted(dates.size(), dates.size(),
                adjusted, results, dates.size());
    }
}
