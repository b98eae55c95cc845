package org.stockticker.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.stockticker.adapters.airbyte.input.ConfigReader;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.ProviderConfig;
import org.stockticker.bootstrap.providers.AlphaVantageModule;
import org.stockticker.bootstrap.providers.CsvModule;
import org.stockticker.bootstrap.providers.IexModule;
import org.stockticker.bootstrap.providers.PolygonModule;
import org.stockticker.bootstrap.providers.TiingoModule;


/**
 * The whole market and the read plan through the command line, against a stub of Massive on loopback that answers
 * grouped daily bars for four trading days around New Year 2024 and counts what it is asked.
 */
class WholeMarketEndToEndTest {

    private static final String KEY = "MASSIVE_SECRET_0123456789";
    private static final List<String> SYMBOLS = List.of("MSFT", "AAPL", "IBM", "BRK.B");
    /** Friday 2023-12-29, then 2024-01-02 to 2024-01-05: January 1st was a holiday. */
    private static final List<String> TRADING_DAYS =
            List.of("2023-12-29", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05");

    @TempDir
    Path dir;

    @RegisterExtension
    final WireMockExtension massive = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @BeforeEach
    void stubMassive() {
        massive.stubFor(get(urlPathMatching("/v2/aggs/grouped/locale/us/market/stocks/.*"))
                .withQueryParam("apiKey", equalTo(KEY)).willReturn(okJson("""
                        {"status":"OK","adjusted":false,"queryCount":0,"resultsCount":0,"request_id":"none"}""")));
        for (int d = 0; d < TRADING_DAYS.size(); d++) {
            String day = TRADING_DAYS.get(d);
            long end = LocalDate.parse(day).atTime(16, 0).atZone(ZoneId.of("America/New_York")).toInstant()
                    .toEpochMilli();
            List<String> rows = new ArrayList<>();
            for (int s = 0; s < SYMBOLS.size(); s++) {
                rows.add("{\"T\":\"%s\",\"o\":%d.5,\"h\":%d.75,\"l\":%d.25,\"c\":%d.0625,\"v\":%d,\"vw\":1,\"t\":%d,\"n\":9}"
                        .formatted(SYMBOLS.get(s), 100 + s, 101 + s, 99 + s, 100 + s + d, 1000 + d, end));
            }
            massive.stubFor(get(urlPathEqualTo("/v2/aggs/grouped/locale/us/market/stocks/" + day))
                    .withQueryParam("apiKey", equalTo(KEY)).withQueryParam("include_otc", equalTo("false"))
                    .withQueryParam("adjusted", equalTo("false"))
                    .willReturn(okJson("{\"status\":\"OK\",\"adjusted\":false,\"queryCount\":4,\"resultsCount\":4,"
                            + "\"request_id\":\"r\",\"results\":[" + String.join(",", rows) + "]}")));
        }
    }

    private Path config(String tickers, String start, String end, String provider) {
        return new Fixtures(dir).file("config.json", """
                {"tickers": %s, "start_date": "%s", "end_date": "%s",
                 "provider": {"name": "%s", "api_key": "%s", "base_url": "http://127.0.0.1:%d",
                              "requests_per_minute": 60000}}
                """.formatted(tickers, start, end, provider, KEY, massive.getPort()));
    }

    private ConnectorRun read(Path config, String... state) {
        List<String> args = new ArrayList<>(List.of("read", "--config", config.toString(),
                "--catalog", new Fixtures(dir).catalog("incremental").toString()));
        if (state.length > 0) {
            args.addAll(List.of("--state", new Fixtures(dir).file("state.json", state[0]).toString()));
        }
        return ConnectorRun.of(Fixtures.CLOCK, args.toArray(String[]::new));
    }

    private List<String> daysAsked() {
        return massive.getAllServeEvents().stream().map(event -> event.getRequest().getUrl())
                .filter(url -> url.startsWith("/v2/aggs/grouped/"))
                .map(url -> url.replaceAll(".*/stocks/([0-9-]+)\\?.*", "$1")).sorted().toList();
    }

    @Test
    void the_whole_market_asks_each_trading_day_once_and_keeps_one_small_cursor() {
        ConnectorRun run = read(config("[\"*\"]", "2023-12-29", "2024-01-07", "massive"));

        assertThat(run.exitCode()).isZero();
        assertThat(daysAsked()).containsExactlyElementsOf(TRADING_DAYS);
        assertThat(run.records()).hasSize(20);
        assertThat(run.records().subList(0, 4)).extracting(r -> r.get("data").get("symbol").asText())
                .containsExactly("AAPL", "BRK.B", "IBM", "MSFT");
        assertThat(run.records().get(0).get("data").toString()).isEqualTo("{\"symbol\":\"AAPL\",\"date\":\"2023-12-29\","
                + "\"open\":101.5,\"high\":102.75,\"low\":100.25,\"close\":101.0625,\"volume\":1000,"
                + "\"adjusted_close\":null,\"provider\":\"massive\"}");
        assertThat(run.states()).hasSize(5);
        assertThat(run.lastState().get("stream").get("stream_state").toString())
                .isEqualTo("{\"date\":\"2024-01-05\"}");
        assertThat(run.traces("ESTIMATE")).singleElement().satisfies(estimate ->
                assertThat(estimate.get("estimate").get("row_estimate").asLong()).isEqualTo(20));
        assertThat(run.logs("INFO")).anySatisfy(log -> assertThat(log).startsWith(
                "Read plan for stock_prices: 5 requests, one per trading day for the whole market"
                + " (2023-12-29 to 2024-01-05)"));
    }

    @Test
    void a_whole_market_sync_resumes_after_its_state_and_part_way_through_a_day() {
        ConnectorRun run = read(config("[\"*\"]", "2023-12-29", "2024-01-07", "massive"), """
                {"type":"STREAM","stream":{"stream_descriptor":{"name":"stock_prices"},
                 "stream_state":{"date":"2024-01-04","through_symbol":"BRK.B"}}}""");

        assertThat(run.exitCode()).isZero();
        assertThat(daysAsked()).containsExactly("2024-01-04", "2024-01-05");
        assertThat(run.records()).extracting(r -> r.get("data").get("symbol").asText() + " "
                + r.get("data").get("date").asText()).containsExactly("IBM 2024-01-04", "MSFT 2024-01-04",
                "AAPL 2024-01-05", "BRK.B 2024-01-05", "IBM 2024-01-05", "MSFT 2024-01-05");
    }

    @Test
    void a_daily_incremental_of_listed_tickers_is_one_request_for_all_of_them() {
        ConnectorRun run = read(config("[\"AAPL\", \"MSFT\", \"IBM\"]", "2023-12-29", "2024-01-07", "massive"), """
                {"type":"STREAM","stream":{"stream_descriptor":{"name":"stock_prices"},"stream_state":{"states":[
                 {"partition":{"symbol":"AAPL"},"cursor":{"date":"2024-01-04"}},
                 {"partition":{"symbol":"IBM"},"cursor":{"date":"2024-01-04"}},
                 {"partition":{"symbol":"MSFT"},"cursor":{"date":"2024-01-04"}}]}}}""");

        assertThat(run.exitCode()).isZero();
        assertThat(massive.getAllServeEvents()).singleElement().satisfies(event ->
                assertThat(event.getRequest().getUrl()).startsWith("/v2/aggs/grouped/locale/us/market/stocks/2024-01-05?"));
        assertThat(run.records()).extracting(r -> r.get("data").get("symbol").asText())
                .containsExactly("AAPL", "IBM", "MSFT");
        JsonNode last = run.lastState().get("stream").get("stream_state");
        assertThat(last.get("states").toString()).contains("{\"partition\":{\"symbol\":\"MSFT\"},"
                + "\"cursor\":{\"date\":\"2024-01-05\"}}");
    }

    @Test
    void a_weekend_and_a_holiday_ask_nothing() {
        ConnectorRun run = read(config("[\"AAPL\", \"MSFT\", \"IBM\"]", "2023-12-30", "2024-01-01", "massive"));

        assertThat(run.exitCode()).isZero();
        assertThat(massive.getAllServeEvents()).isEmpty();
        assertThat(run.records()).isEmpty();
        assertThat(run.streamStatuses()).endsWith("COMPLETE");
    }

    @Test
    void the_whole_market_with_a_provider_that_reads_one_symbol_per_request_is_a_config_error_naming_it() {
        Path config = new Fixtures(dir).file("tiingo.json", """
                {"tickers": ["*"], "start_date": "2024-01-02",
                 "provider": {"name": "tiingo", "api_key": "TIINGO_SECRET_012345", "base_url": "http://127.0.0.1:%d"}}
                """.formatted(massive.getPort()));

        ConnectorRun run = read(config);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).singleElement().satisfies(error -> {
            assertThat(error.get("failure_type").asText()).isEqualTo("config_error");
            assertThat(error.get("message").asText()).contains("whole market").contains("tiingo");
        });
        assertThat(massive.getAllServeEvents()).isEmpty();
    }

    @Test
    void check_of_the_whole_market_asks_for_the_last_trading_day_before_today() {
        // Fixtures.CLOCK stands on Thursday 2024-02-01: the last trading day before it is Wednesday the 31st.
        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "check", "--config",
                config("[\"*\"]", "2024-01-02", "2024-01-31", "massive").toString());

        assertThat(run.ofType("CONNECTION_STATUS")).singleElement().satisfies(status ->
                assertThat(status.get("connectionStatus").get("status").asText()).isEqualTo("SUCCEEDED"));
        massive.verify(1, getRequestedFor(urlPathEqualTo("/v2/aggs/grouped/locale/us/market/stocks/2024-01-31")));
    }

    @Test
    void exactly_the_providers_whose_reach_answers_market_days_may_read_the_whole_market() {
        Map<String, PriceProviderPort> providers = Map.of(
                "massive", PolygonModule.massive(network("massive"), Fixtures.CLOCK),
                "polygon", PolygonModule.polygon(network("polygon"), Fixtures.CLOCK),
                "tiingo", TiingoModule.tiingo(network("tiingo"), Fixtures.CLOCK),
                "alpha_vantage", AlphaVantageModule.alphaVantage(network("alpha_vantage"), Fixtures.CLOCK),
                "iex", IexModule.iex(network("iex"), Fixtures.CLOCK),
                "csv", CsvModule.csv(new ProviderConfig("csv", Map.of("path", dir.toString()))));

        providers.forEach((name, provider) -> assertThat(provider.reach().marketDays()).as(name)
                .isEqualTo(ConfigReader.WHOLE_MARKET_PROVIDERS.contains(name)));
    }

    @Test
    void the_whole_markets_listings_and_splits_come_in_a_few_paged_requests() {
        massive.stubFor(get(urlPathEqualTo("/v3/reference/tickers")).withQueryParam("active", equalTo("true"))
                .withQueryParam("apiKey", equalTo(KEY)).willReturn(okJson("""
                        {"status":"OK","request_id":"a","count":2,"results":[
                         {"ticker":"MSFT","name":"Microsoft Corp","market":"stocks","locale":"us",
                          "primary_exchange":"XNAS","type":"CS","active":true,"currency_name":"usd"},
                         {"ticker":"AAPL","name":"Apple Inc.","market":"stocks","locale":"us",
                          "primary_exchange":"XNAS","type":"CS","active":true,"currency_name":"usd"}]}""")));
        massive.stubFor(get(urlPathEqualTo("/v3/reference/tickers")).withQueryParam("active", equalTo("false"))
                .withQueryParam("apiKey", equalTo(KEY)).willReturn(okJson("""
                        {"status":"OK","request_id":"b","count":1,"results":[
                         {"ticker":"OLDCO","name":"Old Co","market":"stocks","locale":"us","primary_exchange":"XNYS",
                          "type":"CS","active":false,"currency_name":"usd","delisted_utc":"2023-06-30T04:00:00Z"}]}""")));
        massive.stubFor(get(urlPathEqualTo("/stocks/v1/splits")).withQueryParam("apiKey", equalTo(KEY))
                .willReturn(okJson("""
                        {"status":"OK","request_id":"c","results":[
                         {"id":"s1","ticker":"MSFT","execution_date":"2024-01-03","split_from":1,"split_to":2,
                          "adjustment_type":"forward_split","historical_adjustment_factor":0.5},
                         {"id":"s2","ticker":"AAPL","execution_date":"2024-01-03","split_from":10,"split_to":1,
                          "adjustment_type":"reverse_split","historical_adjustment_factor":10}]}""")));
        Path catalog = new Fixtures(dir).file("catalog-events.json", """
                {"streams": [
                  {"stream": {"name": "splits", "json_schema": {}, "supported_sync_modes": ["incremental"]},
                   "sync_mode": "incremental", "destination_sync_mode": "append_dedup",
                   "cursor_field": ["execution_date"]},
                  {"stream": {"name": "tickers", "json_schema": {}, "supported_sync_modes": ["full_refresh"]},
                   "sync_mode": "full_refresh", "destination_sync_mode": "overwrite"}]}""");

        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "read", "--config",
                config("[\"*\"]", "2023-12-29", "2024-01-07", "massive").toString(), "--catalog", catalog.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(massive.getAllServeEvents()).hasSize(3);
        assertThat(run.records()).extracting(r -> r.get("stream").asText() + " " + r.get("data").get("symbol").asText())
                .containsExactly("splits AAPL", "splits MSFT", "tickers AAPL", "tickers MSFT", "tickers OLDCO");
        assertThat(run.records().get(0).get("data").toString()).isEqualTo("{\"symbol\":\"AAPL\","
                + "\"execution_date\":\"2024-01-03\",\"split_from\":10,\"split_to\":1,\"provider\":\"massive\"}");
        assertThat(run.records().get(4).get("data").get("delisted_date").asText()).isEqualTo("2023-06-30");
        assertThat(run.states()).filteredOn(s -> s.at("/stream/stream_descriptor/name").asText().equals("splits"))
                .last().satisfies(s -> assertThat(s.at("/stream/stream_state").toString())
                        .isEqualTo("{\"date\":\"2024-01-03\"}"));
    }

    @Test
    void a_split_after_a_cursor_re_reads_that_symbols_split_adjusted_prices_in_full_found_in_one_request() {
        massive.stubFor(get(urlPathEqualTo("/stocks/v1/splits")).withQueryParam("apiKey", equalTo(KEY))
                .withQueryParam("execution_date.gte", equalTo("2024-01-04")).willReturn(okJson("""
                        {"status":"OK","request_id":"c","results":[
                         {"id":"s1","ticker":"MSFT","execution_date":"2024-01-05","split_from":1,"split_to":2,
                          "adjustment_type":"forward_split","historical_adjustment_factor":0.5}]}""")));
        for (String symbol : List.of("AAPL", "MSFT")) {
            massive.stubFor(get(urlPathMatching("/v2/aggs/ticker/" + symbol + "/range/1/day/.*"))
                    .withQueryParam("apiKey", equalTo(KEY)).willReturn(okJson("""
                            {"ticker":"%s","status":"OK","request_id":"r","adjusted":true,"queryCount":0,
                             "resultsCount":0,"results":[]}""".formatted(symbol))));
        }
        massive.stubFor(get(urlPathMatching("/v3/reference/tickers/.*")).withQueryParam("apiKey", equalTo(KEY))
                .willReturn(okJson("{\"status\":\"OK\",\"request_id\":\"r\",\"results\":{}}")));
        Path config = new Fixtures(dir).file("adjusted.json", """
                {"tickers": ["AAPL", "MSFT"], "start_date": "2023-12-29", "end_date": "2024-01-05",
                 "provider": {"name": "massive", "api_key": "%s", "base_url": "http://127.0.0.1:%d",
                              "requests_per_minute": 60000, "adjusted": true}}
                """.formatted(KEY, massive.getPort()));

        ConnectorRun run = read(config, """
                {"type":"STREAM","stream":{"stream_descriptor":{"name":"stock_prices"},"stream_state":{"states":[
                 {"partition":{"symbol":"AAPL"},"cursor":{"date":"2024-01-03"}},
                 {"partition":{"symbol":"MSFT"},"cursor":{"date":"2024-01-03"}}]}}}""");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        massive.verify(1, getRequestedFor(urlPathEqualTo("/stocks/v1/splits")));
        massive.verify(getRequestedFor(urlPathEqualTo("/v2/aggs/ticker/MSFT/range/1/day/2023-12-29/2024-01-05")));
        massive.verify(getRequestedFor(urlPathEqualTo("/v2/aggs/ticker/AAPL/range/1/day/2024-01-04/2024-01-05")));
        assertThat(run.logs("INFO")).anySatisfy(log -> assertThat(log).startsWith("A split of MSFT on 2024-01-05"));
    }

    private ProviderConfig network(String name) {
        return new ProviderConfig(name, Map.of("api_key", KEY, "base_url", "http://127.0.0.1:" + massive.getPort()));
    }
}
