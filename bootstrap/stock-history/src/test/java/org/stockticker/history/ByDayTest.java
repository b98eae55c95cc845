package org.stockticker.history;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With Massive, whose grouped daily bars answer every US stock of a trading day in one request, several symbols over
 * fewer trading days are read a day at a time: the same bars as a symbol at a time, in fewer requests.
 */
class ByDayTest {

    /** 10:00 in New York on Friday 2024-03-08. */
    private static final Clock FRIDAY = Clock.fixed(Instant.parse("2024-03-08T15:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);
    private static final LocalDate TUESDAY = LocalDate.of(2024, 3, 5);

    @RegisterExtension
    final WireMockExtension massive = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    private StockHistory history() {
        return StockHistory.builder(ProviderSettings.massive("massive-key").baseUrl("http://127.0.0.1:"
                + massive.getPort()).requestsPerMinute(6000)).clock(FRIDAY).build();
    }

    private static String row(String symbol, LocalDate day, String close) {
        return """
                {"T":"%s","v":1000,"vw":%s,"o":%s,"c":%s,"h":%s,"l":%s,"t":%d,"n":10}""".formatted(symbol, close,
                close, close, close, close, day.atStartOfDay(ZoneId.of("America/New_York")).toInstant().toEpochMilli());
    }

    /** A bar of a symbol's aggregates: a grouped row without its ticker. */
    private static String aggregate(LocalDate day, String close) {
        return row("X", day, close).replace("{\"T\":\"X\",", "{");
    }

    private void grouped(LocalDate day, String... rows) {
        massive.stubFor(get(urlPathEqualTo("/v2/aggs/grouped/locale/us/market/stocks/" + day)).willReturn(okJson("""
                {"queryCount":%d,"resultsCount":%d,"adjusted":false,"results":[%s],"status":"OK",\
                "request_id":"2fb8d2c1","count":%d}""".formatted(rows.length, rows.length, String.join(",", rows),
                rows.length))));
    }

    @Test
    void three_symbols_over_two_trading_days_take_two_requests_with_the_bars_a_symbol_at_a_time_gives() {
        grouped(MONDAY, row("MSFT", MONDAY, "409.14"), row("AAPL", MONDAY, "175.1"), row("ZZZ", MONDAY, "1"),
                row("IBM", MONDAY, "193.05"));
        grouped(TUESDAY, row("IBM", TUESDAY, "195.95"), row("AAPL", TUESDAY, "170.12"),
                row("MSFT", TUESDAY, "402.65"));
        massive.stubFor(get(urlPathMatching("/v2/aggs/ticker/AAPL/range/1/day/.*"))
                .withQueryParam("adjusted", equalTo("false")).willReturn(okJson("""
                {"ticker":"AAPL","queryCount":2,"resultsCount":2,"adjusted":false,"results":[%s,%s],"status":"OK",\
                "request_id":"6a7e4663","count":2}""".formatted(aggregate(MONDAY, "175.1"), aggregate(TUESDAY,
                "170.12")))));

        try (StockHistory history = history()) {
            // Saturday to Tuesday: two trading days for three symbols.
            Map<String, List<Bar>> bars = history.dailyBars(List.of("aapl", "MSFT", "IBM"), LocalDate.of(2024, 3, 2),
                    TUESDAY);

            assertThat(bars.keySet()).containsExactly("AAPL", "MSFT", "IBM");
            assertThat(bars.get("MSFT")).extracting(Bar::close).containsExactly(new BigDecimal("409.14"),
                    new BigDecimal("402.65"));
            massive.verify(2, getRequestedFor(urlPathMatching("/v2/aggs/grouped/.*")));
            massive.verify(0, getRequestedFor(urlPathMatching("/v2/aggs/ticker/.*")));

            assertThat(bars.get("AAPL")).isEqualTo(history.dailyBars("AAPL", LocalDate.of(2024, 3, 2), TUESDAY));
            assertThat(history.async().dailyBars(List.of("AAPL", "IBM", "MSFT"), MONDAY, TUESDAY).join()
                    .get("IBM")).extracting(Bar::date).containsExactly(MONDAY, TUESDAY);
        }
    }

    @Test
    void a_symbol_no_day_holds_is_asked_for_and_fails_as_unknown() {
        grouped(MONDAY, row("AAPL", MONDAY, "175.1"), row("MSFT", MONDAY, "409.14"));
        massive.stubFor(get(urlPathEqualTo("/v3/reference/tickers/NOPE")).willReturn(okJson("""
                {"status":"NOT_FOUND","request_id":"e2b4a5c8","message":"Ticker not found."}""").withStatus(404)));

        try (StockHistory history = history()) {
            assertThatThrownBy(() -> history.dailyBars(List.of("AAPL", "MSFT", "NOPE"), MONDAY, MONDAY))
                    .isInstanceOfSatisfying(UnknownSymbolException.class,
                            unknown -> assertThat(unknown.symbol()).isEqualTo("NOPE"));
        }
        massive.verify(1, getRequestedFor(urlPathMatching("/v2/aggs/grouped/.*")));
    }

    @Test
    void as_many_symbols_as_trading_days_stay_a_symbol_at_a_time() {
        massive.stubFor(get(urlPathMatching("/v2/aggs/ticker/.*")).willReturn(okJson("""
                {"ticker":"X","queryCount":0,"resultsCount":0,"adjusted":false,"status":"OK","request_id":"b0b8","count":0}""")));
        massive.stubFor(get(urlPathMatching("/v3/reference/tickers/.*")).willReturn(okJson("""
                {"results":{"ticker":"AAPL","name":"Apple","market":"stocks","locale":"us","active":true},\
                "status":"OK","request_id":"31d5"}""")));

        try (StockHistory history = history()) {
            history.dailyBars(List.of("AAPL", "MSFT"), MONDAY, TUESDAY);
        }
        massive.verify(0, getRequestedFor(urlPathMatching("/v2/aggs/grouped/.*")));
        assertThat(massive.findAll(getRequestedFor(urlPathMatching("/v2/aggs/ticker/.*"))).stream()
                .map(request -> request.getUrl().split("/")[4]).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("AAPL", "MSFT");
    }
}
