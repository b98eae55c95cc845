package org.stockticker.history;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several symbols are fetched at once, on the history's threads, within the provider's budget; the asynchronous
 * calls answer the same as futures.
 */
class ConcurrencyTest {

    private static final LocalDate FROM = LocalDate.of(2024, 1, 2);
    private static final LocalDate TO = LocalDate.of(2024, 1, 3);
    /** Noon UTC: Alpha Vantage's day (UTC) is far from turning. */
    private static final Clock NOON = Clock.fixed(Instant.parse("2024-01-04T12:00:00Z"), ZoneOffset.UTC);
    private static final String CHART = """
            [{"date":"2024-01-02","uOpen":10.5,"uHigh":11,"uLow":10,"uClose":10.75,"uVolume":1000,"fClose":10.75}]""";

    /** Answers a request only once {@code expected} requests are in flight together: proof that they overlap. */
    static final class Gate implements ResponseDefinitionTransformerV2 {

        final CountDownLatch arrived;
        volatile long patienceMillis = 20_000;

        Gate(int expected) {
            arrived = new CountDownLatch(expected);
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            arrived.countDown();
            try {
                if (arrived.await(patienceMillis, TimeUnit.MILLISECONDS)) {
                    return serveEvent.getResponseDefinition();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return aResponse().withStatus(503).withBody("not served together").build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return "gate";
        }
    }

    private final Gate gate = new Gate(3);

    @RegisterExtension
    final WireMockExtension stub = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().extensions(gate)).build();

    private IexSettings iex() {
        return ProviderSettings.iex("iex-token", "http://127.0.0.1:" + stub.getPort()).requestsPerMinute(6000)
                .maxAttempts(1);
    }

    @Test
    void several_symbols_are_fetched_at_once() {
        stub.stubFor(get(urlPathMatching("/stock/.*/chart/.*")).willReturn(okJson(CHART).withTransformers("gate")));

        try (StockHistory history = StockHistory.builder(iex()).concurrency(3).build()) {
            Map<String, List<Bar>> bars = history.dailyBars(List.of("AAA", "BBB", "CCC"), FROM, TO);

            assertThat(bars.keySet()).containsExactly("AAA", "BBB", "CCC");
            assertThat(bars.values()).allSatisfy(symbolBars -> assertThat(symbolBars).singleElement()
                    .extracting(Bar::date).isEqualTo(FROM));
        }
        assertThat(gate.arrived.getCount()).isZero();
    }

    @Test
    void one_thread_fetches_one_symbol_at_a_time() {
        gate.patienceMillis = 1_000;
        stub.stubFor(get(urlPathMatching("/stock/.*/chart/.*")).willReturn(okJson(CHART).withTransformers("gate")));

        try (StockHistory history = StockHistory.builder(iex()).concurrency(1).build()) {
            assertThatThrownBy(() -> history.dailyBars(List.of("AAA", "BBB", "CCC"), FROM, TO))
                    .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("HTTP 503");
        }
    }

    @Test
    @Timeout(30)
    void closing_cancels_every_call_not_yet_completed_queued_or_running() throws Exception {
        gate.patienceMillis = 5_000;
        stub.stubFor(get(urlPathMatching("/stock/.*/chart/.*")).willReturn(okJson(CHART).withTransformers("gate")));
        StockHistory history = StockHistory.builder(iex()).concurrency(1).build();
        CompletableFuture<List<Bar>> running = history.async().dailyBars("AAA", FROM, TO);
        CompletableFuture<List<Bar>> queued = history.async().dailyBars("BBB", FROM, TO);
        CompletableFuture<Throwable> several = CompletableFuture.supplyAsync(() -> {
            try {
                history.dailyBars(List.of("CCC", "DDD"), FROM, TO);
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        // The first request reaches the stub, which holds it; the other three calls wait for the one thread.
        while (gate.arrived.getCount() == 3 || history.callsUnderWay() < 4) {
            Thread.sleep(10);
        }

        history.close();

        assertThat(running).isCancelled();
        assertThat(queued).isCancelled();
        assertThat(several.get(2, TimeUnit.SECONDS)).isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("cancelled: the StockHistory was closed");
        // The calls that waited for the thread never reached the provider.
        stub.verify(0, getRequestedFor(urlPathMatching("/stock/(BBB|CCC|DDD)/.*")));
    }

    @Test
    void threads_share_the_providers_budget_and_requests_beyond_it_are_never_sent() {
        stub.stubFor(get(urlPathEqualTo("/query")).willReturn(okJson("""
                {"Meta Data": {"1. Information": "Daily Prices (open, high, low, close) and Volumes",
                  "2. Symbol": "IBM", "3. Last Refreshed": "2024-01-03", "4. Output Size": "Compact",
                  "5. Time Zone": "US/Eastern"},
                 "Time Series (Daily)": {"2024-01-02": {"1. open": "161.5000", "2. high": "162.2400",
                  "3. low": "160.8000", "4. close": "161.5000", "5. volume": "3790000"}}}""")));
        AlphaVantageSettings settings = ProviderSettings.alphaVantage("av-key").baseUrl("http://127.0.0.1:"
                + stub.getPort()).requestsPerMinute(6000).requestsPerDay(2);

        try (StockHistory history = StockHistory.builder(settings).concurrency(3).clock(NOON).build()) {
            assertThatThrownBy(() -> history.dailyBars(List.of("AAA", "BBB", "CCC"), FROM, TO))
                    .isInstanceOfSatisfying(QuotaExhaustedException.class, spent -> assertThat(spent.resetsAt())
                            .contains(Instant.parse("2024-01-05T00:00:00Z")));
        }
        // The third symbol's request is refused before it is sent, as soon as it is asked for; that refusal stops the
        // call at once, so the others may not have been answered either.
        assertThat(stub.findAll(getRequestedFor(urlPathEqualTo("/query")))).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void the_first_failure_stops_the_symbols_not_yet_read_and_a_timeout_stops_them_all() {
        stub.stubFor(get(urlPathMatching("/stock/NOPE/chart/.*")).willReturn(aResponse().withStatus(404)
                .withBody("Unknown symbol")));
        stub.stubFor(get(urlPathMatching("/stock/.*/chart/.*")).atPriority(10).willReturn(okJson(CHART)));

        try (StockHistory history = StockHistory.builder(iex()).concurrency(1).build()) {
            assertThatThrownBy(() -> history.dailyBars(List.of("NOPE", "AAA", "BBB", "CCC"), FROM, TO))
                    .isInstanceOf(UnknownSymbolException.class);
            stub.verify(0, getRequestedFor(urlPathMatching("/stock/(AAA|BBB|CCC)/.*")));
        }
    }

    @Test
    void a_call_made_on_the_historys_own_thread_runs_there_rather_than_wait_for_it() {
        stub.stubFor(get(urlPathMatching("/stock/.*/chart/.*")).willReturn(okJson(CHART)));

        try (StockHistory history = StockHistory.builder(iex()).concurrency(1).build()) {
            CompletableFuture<Map<String, List<Bar>>> nested = history.async().dailyBars("AAA", FROM, TO)
                    .thenApply(first -> history.dailyBars(List.of("BBB", "CCC"), FROM, TO));

            assertThat(nested).succeedsWithin(java.time.Duration.ofSeconds(10))
                    .satisfies(bars -> assertThat(bars.keySet()).containsExactly("BBB", "CCC"));
        }
    }

    @Test
    void the_asynchronous_calls_complete_on_the_historys_threads_and_fail_as_the_calls_would() {
        stub.stubFor(get(urlPathMatching("/stock/AAA/chart/.*")).willReturn(okJson(CHART)));
        stub.stubFor(get(urlPathMatching("/stock/NOPE/chart/.*")).willReturn(aResponse().withStatus(404)
                .withBody("Unknown symbol")));

        try (StockHistory history = StockHistory.open(iex())) {
            CompletableFuture<List<Bar>> bars = history.async().dailyBars("aaa", FROM, TO);
            CompletableFuture<Map<String, List<Bar>>> both = history.async().dailyBars(List.of("AAA", "NOPE"), FROM,
                    TO);

            assertThat(bars.join()).extracting(Bar::symbol).containsExactly("AAA");
            assertThatThrownBy(both::join).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(UnknownSymbolException.class);
        }
    }
}
