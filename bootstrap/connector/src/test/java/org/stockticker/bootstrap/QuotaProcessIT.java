package org.stockticker.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged connector, as its own process on the real clock, against an Alpha Vantage stub that enforces the
 * daily quota as Alpha Vantage does: after two answers, every request gets the HTTP 200 {@code Information} about
 * the daily limit. The read checkpoints and ends with a transient error naming the reset; the next sync resumes from
 * the last STATE with no gap and no repeat.
 */
class QuotaProcessIT {

    private static final String KEY = "QUOTA_PROCESS_SECRET_0123456789";
    private static final List<String> TICKERS = List.of("AAA", "BBB", "CCC");
    private static final List<String> DAYS = List.of("2026-11-23", "2026-11-24", "2026-11-25", "2026-11-27");
    private static final String DAILY_LIMIT = """
            {"Information": "We have detected your API key as %s and our standard API rate limit is 25 requests per\
             day. Please subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to instantly\
             remove all daily rate limits."}""".formatted(KEY);

    @TempDir
    Path dir;

    private final AnswersInTurn day = new AnswersInTurn();

    @RegisterExtension
    final WireMockExtension alphaVantage = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().extensions(day)).build();

    @Test
    void a_spent_daily_quota_ends_the_process_checkpointed_naming_the_reset_and_the_next_sync_resumes() throws Exception {
        day.serveThenRefuse(2, okJson(series()), okJson(DAILY_LIMIT));
        alphaVantage.stubFor(get(urlPathEqualTo("/query")).willReturn(AnswersInTurn.stub()));
        Fixtures files = new Fixtures(dir);
        Path config = files.file("config.json", """
                {"tickers": ["AAA", "BBB", "CCC"], "start_date": "2026-11-23", "end_date": "2026-11-27",
                 "provider": {"name": "alpha_vantage", "api_key": "%s", "base_url": "http://127.0.0.1:%d",
                              "requests_per_minute": 600}}
                """.formatted(KEY, alphaVantage.getPort()));
        Path catalog = files.catalog("incremental");
        String midnight = LocalDate.now(ZoneOffset.UTC).plusDays(1) + "T00:00:00Z";

        ConnectorProcess.Output first = ConnectorProcess.run(Duration.ofSeconds(60), "read", "--config",
                config.toString(), "--catalog", catalog.toString());

        assertThat(first.exitCode()).isEqualTo(1);
        List<JsonNode> messages = first.messages();
        JsonNode error = messages.get(messages.size() - 1);
        assertThat(error.at("/trace/type").asText()).isEqualTo("ERROR");
        assertThat(error.at("/trace/error/failure_type").asText()).isEqualTo("transient_error");
        assertThat(error.at("/trace/error/message").asText()).contains("daily request limit", "resets at " + midnight);
        assertThat(first.lines()).noneMatch(line -> line.contains(KEY));
        assertThat(first.stderr()).doesNotContain(KEY);
        List<String> statuses = messages.stream().filter(m -> m.at("/trace/type").asText().equals("STREAM_STATUS"))
                .map(m -> m.at("/trace/stream_status/status").asText()).toList();
        assertThat(statuses).last().isEqualTo("INCOMPLETE");
        JsonNode lastState = messages.stream().filter(m -> m.get("type").asText().equals("STATE"))
                .reduce((a, b) -> b).orElseThrow();
        alphaVantage.verify(3, getRequestedFor(urlPathEqualTo("/query")));

        // The next day: the quota has turned, and the sync resumes from the last STATE.
        alphaVantage.resetAll();
        alphaVantage.stubFor(get(urlPathEqualTo("/query")).willReturn(okJson(series())));
        Path stateFile = Files.writeString(dir.resolve("state.json"), "[" + lastState.get("state") + "]");
        ConnectorProcess.Output second = ConnectorProcess.run(Duration.ofSeconds(60), "read", "--config",
                config.toString(), "--catalog", catalog.toString(), "--state", stateFile.toString());

        assertThat(second.exitCode()).isZero();
        List<String> keys = new ArrayList<>(keys(first));
        keys.addAll(keys(second));
        assertThat(keys).containsExactlyInAnyOrderElementsOf(
                TICKERS.stream().flatMap(symbol -> DAYS.stream().map(day -> symbol + " " + day)).toList());
    }

    private static List<String> keys(ConnectorProcess.Output run) {
        return run.messages().stream().filter(m -> m.get("type").asText().equals("RECORD"))
                .map(m -> m.at("/record/data/symbol").asText() + " " + m.at("/record/data/date").asText()).toList();
    }

    /** Alpha Vantage's daily series of the four days, newest first, every value a string. */
    private static String series() {
        String days = IntStream.range(0, DAYS.size()).map(i -> DAYS.size() - 1 - i)
                .mapToObj(i -> "\"%s\":{\"1. open\":\"10%d.0000\",\"2. high\":\"11%d.0000\",\"3. low\":\"9%d.0000\","
                        .formatted(DAYS.get(i), i, i, i)
                        + "\"4. close\":\"10%d.5000\",\"5. volume\":\"100%d\"}".formatted(i, i))
                .collect(Collectors.joining(","));
        return "{\"Meta Data\":{\"1. Information\":\"Daily Prices (open, high, low, close) and Volumes\"},"
                + "\"Time Series (Daily)\":{" + days + "}}";
    }
}
