package org.stockticker.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quotas through the command line, against stubs on loopback that enforce them the way each provider does: Alpha
 * Vantage answers its daily-limit {@code Information} once the day's requests are spent, Tiingo its
 * hourly-allocation 429 once the hour's are, IEX its 402, Massive a 429 with a long {@code Retry-After}. The
 * connector's clock is a {@link SteppingClock}: every wait for a budget is a step of the clock, never a real sleep.
 *
 * <p>Symbols are read ahead, so which request of a sync meets the spent quota is not fixed; the sync then stops at
 * the first symbol, in ticker order, that it could not read, and everything before it is checkpointed.
 */
class QuotaEndToEndTest {

    private static final String KEY = "QUOTA_SECRET_0123456789";
    private static final List<String> TICKERS = List.of("AAA", "BBB", "CCC");
    /** The trading days from Monday 2026-11-23 to Friday 2026-11-27, Thanksgiving (the 26th) aside. */
    private static final List<String> DAYS = List.of("2026-11-23", "2026-11-24", "2026-11-25", "2026-11-27");
    /** Monday 2026-11-30, 10:00 in New York. */
    private static final String MONDAY = "2026-11-30T15:00:00Z";
    private static final String ALPHA_VANTAGE_DAILY_LIMIT = """
            {"Information": "We have detected your API key as %s and our standard API rate limit is 25 requests per\
             day. Please subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to instantly\
             remove all daily rate limits."}""".formatted(KEY);
    /** The header line of Alpha Vantage's {@code LISTING_STATUS} CSV. */
    private static final String LISTING_HEADER = "symbol,name,exchange,assetType,ipoDate,delistingDate,status\r\n";
    private static final String TIINGO_HOURLY_ALLOCATION =
            "{\"detail\":\"Error: You have run over your hourly request allocation.\"}";

    @TempDir
    Path dir;

    private final AnswersInTurn quota = new AnswersInTurn();

    @RegisterExtension
    final WireMockExtension stub = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().extensions(quota)).build();

    // ---- Alpha Vantage: the day's requests ------------------------------------------------------------------------

    @Test
    void alpha_vantage_spent_for_the_day_checkpoints_ends_naming_midnight_utc_and_the_next_day_resumes_there() {
        servesThenRefuses(urlPathEqualTo("/query"), 2, okJson(alphaVantageSeries()), okJson(ALPHA_VANTAGE_DAILY_LIMIT));
        Path config = config("alpha_vantage", "");

        ConnectorRun first = read(new SteppingClock(MONDAY), config, null);

        assertThat(first.exitCode()).isEqualTo(1);
        String stoppedAt = firstUnread(first);
        assertThat(first.errors()).singleElement().satisfies(error -> {
            assertThat(error.get("failure_type").asText()).isEqualTo("transient_error");
            assertThat(error.get("message").asText()).startsWith("Provider alpha_vantage: its daily request limit")
                    .contains("is spent, so the read stopped at " + stoppedAt + ";",
                            "; it resets at 2026-12-01T00:00:00Z;", "the next sync resumes from the last STATE")
                    .doesNotContain(KEY);
        });
        assertEndsCheckpointedAndIncomplete(first);
        stub.verify(3, getRequestedFor(urlPathEqualTo("/query")));

        // The next day: Alpha Vantage's day has turned, and the sync resumes from the last STATE.
        stub.resetAll();
        stub.stubFor(get(urlPathEqualTo("/query")).willReturn(okJson(alphaVantageSeries())));
        ConnectorRun second = read(new SteppingClock("2026-12-01T14:00:00Z"), config, state(first.lastState()));

        assertThat(second.exitCode()).isZero();
        assertThat(second.streamStatuses()).last().isEqualTo("COMPLETE");
        assertNoGapAndNoRepeat(first, second);
    }

    @Test
    void alpha_vantage_requests_beyond_the_daily_budget_are_not_sent_and_the_plan_said_so_before_the_first() {
        stub.stubFor(get(urlPathEqualTo("/query")).willReturn(okJson(alphaVantageSeries())));

        ConnectorRun run = read(new SteppingClock(MONDAY), config("alpha_vantage", ", \"requests_per_day\": 2"), null);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.logs("INFO")).anySatisfy(plan -> assertThat(plan).startsWith("Read plan for stock_prices: 3"
                + " requests").contains("; at 2 requests a day this takes 2 syncs, a day apart;"));
        assertThat(run.errors()).singleElement().satisfies(error -> assertThat(error.get("message").asText())
                .contains("Provider alpha_vantage: its budget of 2 requests a day is spent, so the read stopped at "
                        + firstUnread(run) + "; it resets at 2026-12-01T00:00:00Z;"));
        assertEndsCheckpointedAndIncomplete(run);
        stub.verify(2, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void alpha_vantage_paces_its_requests_visibly_and_never_silently() {
        stub.stubFor(get(urlPathEqualTo("/query")).willReturn(okJson(alphaVantageSeries())));
        SteppingClock clock = new SteppingClock(MONDAY);

        ConnectorRun run = read(clock, config("alpha_vantage", ""), null);

        assertThat(run.exitCode()).isZero();
        // Three requests at 5 a minute: the second and third each wait their slot of 12 s.
        assertThat(clock.waited()).isGreaterThanOrEqualTo(Duration.ofSeconds(24));
        assertThat(run.logs("INFO")).anySatisfy(log -> assertThat(log)
                .startsWith("Waiting 12 s for provider alpha_vantage: its pace of 5 requests a minute, until "));
        assertThat(rateLimitedUntil(run)).isNotEmpty();
    }

    @Test
    void check_warns_when_one_sync_of_the_tickers_needs_more_than_the_daily_budget_and_still_succeeds() {
        stub.stubFor(get(urlPathEqualTo("/query")).willReturn(okJson(alphaVantageSeries())));
        List<String> thirty = IntStream.rangeClosed(1, 30).mapToObj(i -> "\"T" + i + "\"").toList();
        Path config = new Fixtures(dir).file("config.json", """
                {"tickers": [%s], "start_date": "2026-11-23", "end_date": "2026-11-27",
                 "provider": {"name": "alpha_vantage", "api_key": "%s", "base_url": "http://127.0.0.1:%d"}}
                """.formatted(String.join(", ", thirty), KEY, stub.getPort()));

        ConnectorRun run = ConnectorRun.of(new SteppingClock(MONDAY), "check", "--config", config.toString());

        assertThat(run.exitCode()).isZero();
        List<String> types = run.messages().stream().map(message -> message.get("type").asText()).toList();
        assertThat(types).last().isEqualTo("CONNECTION_STATUS");
        assertThat(run.ofType("CONNECTION_STATUS")).singleElement().satisfies(status -> assertThat(
                status.at("/connectionStatus/status").asText()).isEqualTo("SUCCEEDED"));
        assertThat(run.logs("WARN")).anySatisfy(warning -> assertThat(warning).startsWith(
                "One sync of 30 tickers needs about 120 requests (one per ticker for each of the 4 streams), more"
                        + " than the 25 a day provider alpha_vantage allows (requests_per_day)"));
    }

    @Test
    void alpha_vantage_spent_during_prices_leaves_splits_and_tickers_unasked_and_their_requests_spend_the_same_budget() {
        stub.stubFor(get(urlPathEqualTo("/query")).withQueryParam("function", equalTo("TIME_SERIES_DAILY"))
                .willReturn(okJson(alphaVantageSeries())));
        for (String symbol : TICKERS) {
            stub.stubFor(get(urlPathEqualTo("/query")).withQueryParam("function", equalTo("SPLITS"))
                    .withQueryParam("symbol", equalTo(symbol)).willReturn(okJson("{\"symbol\":\"" + symbol
                            + "\",\"data\":[{\"effective_date\":\"2026-11-24\",\"split_factor\":\"2.0000\"}]}")));
        }
        stub.stubFor(get(urlPathEqualTo("/query")).withQueryParam("function", equalTo("LISTING_STATUS"))
                .withQueryParam("state", equalTo("active")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/x-download").withBody(LISTING_HEADER
                                + "AAA,Aaa Inc,NYSE,Stock,2000-01-03,null,Active\r\n"
                                + "BBB,Bbb Inc,NYSE,Stock,2000-01-03,null,Active\r\n"
                                + "CCC,Ccc Inc,NASDAQ,Stock,2000-01-03,null,Active\r\n")));
        stub.stubFor(get(urlPathEqualTo("/query")).withQueryParam("function", equalTo("LISTING_STATUS"))
                .withQueryParam("state", equalTo("delisted")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/x-download").withBody(LISTING_HEADER)));
        Path config = config("alpha_vantage", ", \"requests_per_day\": 2");
        Path catalog = new Fixtures(dir).file("catalog-three.json", """
                {"streams": [
                  {"stream": {"name": "stock_prices", "json_schema": {}, "supported_sync_modes": ["incremental"]},
                   "sync_mode": "incremental", "destination_sync_mode": "append_dedup", "cursor_field": ["date"]},
                  {"stream": {"name": "splits", "json_schema": {}, "supported_sync_modes": ["incremental"]},
                   "sync_mode": "incremental", "destination_sync_mode": "append_dedup",
                   "cursor_field": ["execution_date"]},
                  {"stream": {"name": "tickers", "json_schema": {}, "supported_sync_modes": ["full_refresh"]},
                   "sync_mode": "full_refresh", "destination_sync_mode": "overwrite"}]}""");

        // Monday: the day's 2 requests read two symbols' prices; splits and tickers are not asked for.
        ConnectorRun first = ConnectorRun.of(new SteppingClock(MONDAY), "read", "--config", config.toString(),
                "--catalog", catalog.toString());

        assertThat(first.exitCode()).isEqualTo(1);
        assertThat(first.errors()).singleElement().satisfies(error -> assertThat(error.get("message").asText())
                .startsWith("Provider alpha_vantage: its budget of 2 requests a day is spent, so the read stopped at "
                        + firstUnread(first) + ";"));
        assertThat(statusesOf(first, "stock_prices")).last().isEqualTo("INCOMPLETE");
        for (String unread : List.of("splits", "tickers")) {
            assertThat(statusesOf(first, unread)).as(unread).containsExactly("STARTED", "INCOMPLETE");
            assertThat(statesOf(first, unread)).as(unread).singleElement().satisfies(state ->
                    assertThat(state.at("/sourceStats/recordCount").asDouble()).isZero());
        }
        assertThat(first.records()).allSatisfy(record -> assertThat(record.get("stream").asText())
                .isEqualTo("stock_prices"));
        stub.verify(2, getRequestedFor(urlPathEqualTo("/query")));
        stub.verify(0, getRequestedFor(urlPathEqualTo("/query")).withQueryParam("function", equalTo("SPLITS")));
        stub.verify(0, getRequestedFor(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("LISTING_STATUS")));

        // Tuesday: the last symbol's prices and one symbol's splits spend the day; the splits stop at the next.
        stub.resetRequests();
        ConnectorRun second = ConnectorRun.of(new SteppingClock("2026-12-01T14:00:00Z"), "read", "--config",
                config.toString(), "--catalog", catalog.toString(), "--state", lastStates(first).toString());

        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(statusesOf(second, "stock_prices")).last().isEqualTo("COMPLETE");
        assertThat(statusesOf(second, "splits")).last().isEqualTo("INCOMPLETE");
        assertThat(statusesOf(second, "tickers")).containsExactly("STARTED", "INCOMPLETE");
        // Splits are read ahead too: the one request the day had left went to one of the first two symbols.
        List<String> splitsRead = symbolsOf(second, "splits");
        assertThat(splitsRead).hasSizeLessThanOrEqualTo(1);
        String splitsStoppedAt = TICKERS.get(splitsRead.size());
        assertThat(second.errors()).singleElement().satisfies(error -> assertThat(error.get("message").asText())
                .startsWith("Provider alpha_vantage: its budget of 2 requests a day is spent, so the read stopped at "
                        + splitsStoppedAt + ";"));
        stub.verify(2, getRequestedFor(urlPathEqualTo("/query")));
        stub.verify(1, getRequestedFor(urlPathEqualTo("/query")).withQueryParam("function", equalTo("SPLITS")));

        // Wednesday: the rest of the splits, then the two lists of listings.
        stub.resetRequests();
        ConnectorRun third = ConnectorRun.of(new SteppingClock("2026-12-02T14:00:00Z"), "read", "--config",
                config("alpha_vantage", "").toString(), "--catalog", catalog.toString(), "--state",
                lastStates(second).toString());

        assertThat(third.exitCode()).as(third.stderr()).isZero();
        for (String stream : List.of("stock_prices", "splits", "tickers")) {
            assertThat(statusesOf(third, stream)).as(stream).last().isEqualTo("COMPLETE");
        }
        stub.verify(0, getRequestedFor(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("TIME_SERIES_DAILY")));
        // Every symbol's splits are asked for from its cursor: one read on Tuesday is asked again after its split.
        stub.verify(TICKERS.size(), getRequestedFor(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("SPLITS")));
        stub.verify(2, getRequestedFor(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("LISTING_STATUS")));
        List<String> splits = new ArrayList<>(splitsRead);
        splits.addAll(symbolsOf(third, "splits"));
        assertThat(splits).containsExactlyElementsOf(TICKERS);
        assertThat(symbolsOf(third, "tickers")).containsExactlyElementsOf(TICKERS);
    }

    // ---- Tiingo: the hour's requests ------------------------------------------------------------------------------

    @Test
    void tiingo_spent_for_the_hour_long_before_it_turns_checkpoints_ends_naming_the_hour_and_resumes_after_it() {
        servesThenRefuses(urlPathMatching("/tiingo/daily/.*/prices"), 2, okJson(tiingoPrices()),
                aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody(TIINGO_HOURLY_ALLOCATION));
        Path config = config("tiingo", ", \"requests_per_minute\": 60");

        ConnectorRun first = read(new SteppingClock("2026-11-30T15:10:00Z"), config, null);

        assertThat(first.exitCode()).isEqualTo(1);
        assertThat(first.errors()).singleElement().satisfies(error -> {
            assertThat(error.get("failure_type").asText()).isEqualTo("transient_error");
            assertThat(error.get("message").asText()).isEqualTo("Provider tiingo: its hourly request allocation"
                    + " (HTTP 429: Error: You have run over your hourly request allocation.) is spent, so the read"
                    + " stopped at " + firstUnread(first) + "; it resets at 2026-11-30T16:00:00Z; everything read"
                    + " before is checkpointed, and the next sync resumes from the last STATE");
        });
        assertEndsCheckpointedAndIncomplete(first);
        stub.verify(3, getRequestedFor(urlPathMatching("/tiingo/.*")));

        stub.resetAll();
        stub.stubFor(get(urlPathMatching("/tiingo/daily/.*/prices")).willReturn(okJson(tiingoPrices())));
        ConnectorRun second = read(new SteppingClock("2026-11-30T16:05:00Z"), config, state(first.lastState()));

        assertThat(second.exitCode()).isZero();
        assertNoGapAndNoRepeat(first, second);
    }

    @Test
    void tiingo_spent_for_the_hour_shortly_before_it_turns_waits_for_it_visibly_and_reads_on() {
        // The provider's hour turns while the connector waits for it: its next request is served.
        quota.answer(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody(TIINGO_HOURLY_ALLOCATION), okJson(tiingoPrices()));
        stub.stubFor(get(urlPathMatching("/tiingo/daily/.*/prices")).willReturn(AnswersInTurn.stub()));
        Path config = new Fixtures(dir).file("config.json", """
                {"tickers": ["AAA"], "start_date": "2026-11-23", "end_date": "2026-11-27",
                 "provider": {"name": "tiingo", "api_key": "%s", "base_url": "http://127.0.0.1:%d"}}
                """.formatted(KEY, stub.getPort()));

        ConnectorRun run = read(new SteppingClock("2026-11-30T15:55:00Z"), config, null);

        assertThat(run.exitCode()).isZero();
        assertThat(run.records()).hasSize(DAYS.size());
        assertThat(rateLimitedUntil(run)).containsExactly(Instant.parse("2026-11-30T16:00:00Z").toEpochMilli());
        String budget = "for provider tiingo: its hourly request allocation (HTTP 429: Error: You have run over your"
                + " hourly request allocation.), until 2026-11-30T16:00:00Z";
        assertThat(run.logs("WARN")).containsSubsequence("Waiting 5 min " + budget, "Still waiting 3 min " + budget,
                "Still waiting 1 min " + budget);
        assertThat(run.streamStatuses()).last().isEqualTo("COMPLETE");
        stub.verify(2, getRequestedFor(urlPathMatching("/tiingo/.*")));
    }

    // ---- IEX and Massive ------------------------------------------------------------------------------------------

    @Test
    void iex_402_is_a_spent_quota_whose_reset_is_not_known_not_a_rejected_key() {
        stub.stubFor(get(urlPathMatching("/stable/stock/.*")).willReturn(aResponse().withStatus(402)
                .withBody("You have exceeded your allotted message quota.")));
        Path config = new Fixtures(dir).file("config.json", """
                {"tickers": ["AAA"], "start_date": "2026-11-23", "end_date": "2026-11-27",
                 "provider": {"name": "iex", "api_key": "%s", "base_url": "http://127.0.0.1:%d/stable"}}
                """.formatted(KEY, stub.getPort()));

        ConnectorRun run = read(new SteppingClock(MONDAY), config, null);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).singleElement().satisfies(error -> {
            assertThat(error.get("failure_type").asText()).isEqualTo("transient_error");
            assertThat(error.get("message").asText()).isEqualTo("Provider iex: the plan's quota (HTTP 402: You have"
                    + " exceeded your allotted message quota.) is spent, so the read stopped at AAA; the provider does"
                    + " not say when it resets; everything read before is checkpointed, and the next sync resumes"
                    + " from the last STATE");
        });
        assertEndsCheckpointedAndIncomplete(run);
        stub.verify(1, getRequestedFor(urlPathMatching("/stable/.*")));
    }

    @Test
    void massive_429_asking_to_wait_beyond_the_longest_wait_ends_the_read_at_once_naming_the_reset() {
        stub.stubFor(get(urlPathMatching("/v2/aggs/ticker/.*")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7200").withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"ERROR\",\"request_id\":\"x\",\"error\":\"You've exceeded the maximum requests"
                        + " per minute, please wait or upgrade your subscription to continue.\"}")));
        Path config = new Fixtures(dir).file("config.json", """
                {"tickers": ["AAA"], "start_date": "2026-11-23", "end_date": "2026-11-27", "max_wait_minutes": 60,
                 "provider": {"name": "massive", "api_key": "%s", "base_url": "http://127.0.0.1:%d"}}
                """.formatted(KEY, stub.getPort()));

        ConnectorRun run = read(new SteppingClock(MONDAY), config, null);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).singleElement().satisfies(error -> assertThat(error.get("message").asText())
                .startsWith("Provider massive: its rate limit (HTTP 429 asking to wait 2 h) is spent, so the read"
                        + " stopped at AAA; it resets at 2026-11-30T17:00:00Z;"));
        assertEndsCheckpointedAndIncomplete(run);
        stub.verify(1, getRequestedFor(urlPathMatching("/v2/.*")));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /**
     * The stub serves {@code served} requests to {@code url} with {@code answer}, whatever they ask, then answers
     * {@code refusal} to every one after them: a quota of {@code served} requests, spent in the order they come. With
     * none served, only the first is refused, and the test says what comes after it (state {@code spent}).
     */
    private void servesThenRefuses(UrlPattern url, int served, ResponseDefinitionBuilder answer,
            ResponseDefinitionBuilder refusal) {
        quota.serveThenRefuse(served, answer, refusal);
        stub.stubFor(get(url).willReturn(AnswersInTurn.stub()));
    }

    private Path config(String provider, String settings) {
        return new Fixtures(dir).file("config.json", """
                {"tickers": ["AAA", "BBB", "CCC"], "start_date": "2026-11-23", "end_date": "2026-11-27",
                 "provider": {"name": "%s", "api_key": "%s", "base_url": "http://127.0.0.1:%d"%s}}
                """.formatted(provider, KEY, stub.getPort(), settings));
    }

    private ConnectorRun read(SteppingClock clock, Path config, Path state) {
        List<String> args = new ArrayList<>(List.of("read", "--config", config.toString(),
                "--catalog", new Fixtures(dir).catalog("incremental").toString()));
        if (state != null) {
            args.addAll(List.of("--state", state.toString()));
        }
        return ConnectorRun.of(clock, args.toArray(String[]::new));
    }

    /** The symbols of the records of {@code stream}, in order. */
    private static List<String> symbolsOf(ConnectorRun run, String stream) {
        return run.records().stream().filter(record -> record.get("stream").asText().equals(stream))
                .map(record -> record.at("/data/symbol").asText()).toList();
    }

    /** The STREAM_STATUS statuses of {@code stream}, in order. */
    private static List<String> statusesOf(ConnectorRun run, String stream) {
        return run.traces("STREAM_STATUS").stream()
                .filter(trace -> trace.at("/stream_status/stream_descriptor/name").asText().equals(stream))
                .map(trace -> trace.at("/stream_status/status").asText()).toList();
    }

    /** The STATE messages' states of {@code stream}, in order. */
    private static List<JsonNode> statesOf(ConnectorRun run, String stream) {
        return run.states().stream()
                .filter(state -> state.at("/stream/stream_descriptor/name").asText().equals(stream)).toList();
    }

    /** The last STATE of each stream, as the platform hands them back. */
    private Path lastStates(ConnectorRun run) {
        Map<String, JsonNode> last = new LinkedHashMap<>();
        run.states().forEach(state -> last.put(state.at("/stream/stream_descriptor/name").asText(), state));
        return new Fixtures(dir).file("states.json", last.values().stream().map(JsonNode::toString)
                .collect(Collectors.joining(",", "[", "]")));
    }

    /** The last STATE's state, as the platform hands it back. */
    private Path state(JsonNode lastState) {
        return new Fixtures(dir).file("state.json", "[" + lastState + "]");
    }

    /** The first ticker, in order, without a record in {@code run}: where it stopped. */
    private static String firstUnread(ConnectorRun run) {
        List<String> read = run.records().stream().map(record -> record.at("/data/symbol").asText()).distinct()
                .toList();
        assertThat(read).as("the records come symbol after symbol, in ticker order")
                .isEqualTo(TICKERS.subList(0, read.size()));
        assertThat(read).hasSizeLessThan(TICKERS.size());
        return TICKERS.get(read.size());
    }

    /**
     * Every record covered by a STATE, the stream INCOMPLETE, and after that nothing but the error: no status, and
     * no rate limit, after the stream's last status.
     */
    private static void assertEndsCheckpointedAndIncomplete(ConnectorRun run) {
        StreamStates.assertEachCoversExactlyTheRecordsBeforeIt(run.messages(), Map.of());
        assertThat(run.streamStatuses()).last().isEqualTo("INCOMPLETE");
        List<JsonNode> messages = run.messages();
        int incomplete = -1;
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).at("/trace/stream_status/status").asText().equals("INCOMPLETE")) {
                incomplete = i;
            }
        }
        assertThat(messages.subList(incomplete + 1, messages.size()))
                .allSatisfy(message -> assertThat(message.at("/trace/type").asText()).isEqualTo("ERROR"));
    }

    /** Two syncs together emitted every record of every ticker exactly once. */
    private static void assertNoGapAndNoRepeat(ConnectorRun first, ConnectorRun second) {
        List<String> both = new ArrayList<>(keys(first));
        both.addAll(keys(second));
        List<String> expected = TICKERS.stream().flatMap(symbol -> DAYS.stream().map(day -> symbol + " " + day))
                .toList();
        assertThat(both).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<String> keys(ConnectorRun run) {
        return run.records().stream().map(record -> record.at("/data/symbol").asText() + " "
                + record.at("/data/date").asText()).toList();
    }

    /** The {@code quota_reset} of each RATE_LIMITED status, in epoch milliseconds. */
    private static List<Long> rateLimitedUntil(ConnectorRun run) {
        return run.traces("STREAM_STATUS").stream()
                .filter(trace -> trace.at("/stream_status/reasons/0/type").asText().equals("RATE_LIMITED"))
                .map(trace -> trace.at("/stream_status/reasons/0/rate_limited/quota_reset").asLong())
                .toList();
    }

    /** Alpha Vantage's daily series of the four days, newest first, every value a string. */
    private static String alphaVantageSeries() {
        String days = IntStream.range(0, DAYS.size()).map(i -> DAYS.size() - 1 - i)
                .mapToObj(i -> "\"%s\":{\"1. open\":\"10%d.0000\",\"2. high\":\"11%d.0000\",\"3. low\":\"9%d.0000\","
                        .formatted(DAYS.get(i), i, i, i)
                        + "\"4. close\":\"10%d.5000\",\"5. volume\":\"100%d\"}".formatted(i, i))
                .collect(Collectors.joining(","));
        return "{\"Meta Data\":{\"1. Information\":\"Daily Prices (open, high, low, close) and Volumes\"},"
                + "\"Time Series (Daily)\":{" + days + "}}";
    }

    /** Tiingo's prices of the four days, oldest first. */
    private static String tiingoPrices() {
        return IntStream.range(0, DAYS.size()).mapToObj(i -> ("{\"date\":\"%sT00:00:00.000Z\",\"close\":10%d.5,"
                + "\"high\":11%d,\"low\":9%d,\"open\":10%d,\"volume\":100%d,\"adjClose\":10%d.5,\"divCash\":0.0,"
                + "\"splitFactor\":1.0}").formatted(DAYS.get(i), i, i, i, i, i, i))
                .collect(Collectors.joining(",", "[", "]"));
    }
}
