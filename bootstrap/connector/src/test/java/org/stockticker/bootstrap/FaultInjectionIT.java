package org.stockticker.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged connector against an IEX stub that misbehaves the way real networks and providers do: throttling,
 * bursts of server errors, slow answers, dropped connections, garbage, an HTML page with status 200 and an answer
 * broken off in the middle. Retries must hide every such fault from the records: none lost, none repeated.
 */
class FaultInjectionIT {

    private static final String IEX_429 =
            "Too many requests hit the API too quickly. An exponential backoff of your requests is recommended.";

    @TempDir
    Path dir;

    private WireMockServer iex;

    @AfterEach
    void stop() {
        if (iex != null) {
            iex.stop();
        }
    }

    private void startIex(FaultSchedule... faults) {
        iex = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(faults));
        iex.start();
    }

    private ConnectorProcess.Output read(IexStubData data, List<String> symbols, Duration limit) throws Exception {
        Fixtures files = new Fixtures(dir);
        Path config = files.file("config.json", data.config(symbols, "http://127.0.0.1:" + iex.port() + "/stable"));
        return ConnectorProcess.run(limit, "read", "--config", config.toString(),
                "--catalog", files.catalog("incremental").toString());
    }

    // A symbol whose answer breaks off in the middle or is not a chart at all (the truncated and HTML answers) is
    // read again from the day after its last emitted bar, so such an answer costs one more request, not the sync.
    @Test
    void a_ten_year_read_through_a_faulty_provider_emits_every_record_exactly_once() throws Exception {
        IexStubData data = new IexStubData(LocalDate.of(2015, 1, 2), LocalDate.of(2024, 12, 31));
        List<String> symbols = IexStubData.symbols(20);
        FaultSchedule faults = new FaultSchedule(data);
        startIex(faults);
        iex.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        ConnectorProcess.Output run = read(data, symbols, Duration.ofMinutes(3));

        List<JsonNode> messages = run.messages();
        assertThat(run.exitCode()).as("exit status; errors: %s", errors(messages)).isZero();
        assertThat(statuses(messages)).last().isEqualTo("COMPLETE");
        List<IexStubData.Key> keys = keys(messages);
        assertThat(new HashSet<>(keys)).isEqualTo(data.expectedKeys(symbols));
        assertThat(keys).as("records, duplicates included").hasSize(data.expectedKeys(symbols).size());
        assertThat(run.lines()).contains(recordLine(messages, symbols.get(0), data.tradingDays().get(0)));
        StreamStates.assertEachCoversExactlyTheRecordsBeforeIt(messages, Map.of());
        List<String> retries = logs(messages).stream().filter(log -> log.contains("retrying")).toList();
        assertThat(retries).anySatisfy(log -> assertThat(log).contains("HTTP 429"))
                .anySatisfy(log -> assertThat(log).contains("HTTP 500"))
                .anySatisfy(log -> assertThat(log).contains("HTTP 504"))
                .anySatisfy(log -> assertThat(log).contains("I/O error"));
        assertThat(faults.served()).as("kinds of fault served").containsAll(List.of(Kind.values()));
        assertThat(faults.faultShare()).as("share of faulty answers").isBetween(0.2, 0.4);
        assertThat(String.join("\n", run.lines()) + run.stderr()).doesNotContain(IexStubData.KEY);
    }

    @Test
    void a_provider_that_only_answers_503_ends_the_read_with_a_transient_error_in_bounded_time() throws Exception {
        IexStubData data = new IexStubData(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 3, 28));
        startIex();
        iex.stubFor(get(urlPathMatching("/stable/stock/.*")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "text/plain").withBody("Service Unavailable")));

        ConnectorProcess.Output run = read(data, IexStubData.symbols(3), Duration.ofMinutes(2));

        List<JsonNode> messages = run.messages();
        assertThat(run.wallTime()).isLessThan(Duration.ofMinutes(2));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(errors(messages)).singleElement().satisfies(error -> {
            assertThat(error.get("failure_type").asText()).isEqualTo("transient_error");
            assertThat(error.get("message").asText()).contains("iex", "TAA");
        });
        assertThat(statuses(messages)).last().isEqualTo("INCOMPLETE");
        assertThat(messages).anySatisfy(m -> assertThat(m.get("type").asText()).isEqualTo("STATE"));
        StreamStates.assertEachCoversExactlyTheRecordsBeforeIt(messages, Map.of());
        // Symbols after the first are read ahead, so they may have been asked for too: none more often than its 5
        // attempts, and the circuit breaker, open after 10 failed calls in a row, stops what is left.
        Map<String, Long> requestsPerSymbol = iex.getAllServeEvents().stream().collect(Collectors.groupingBy(
                event -> event.getRequest().getUrl().split("/")[3], Collectors.counting()));
        assertThat(requestsPerSymbol).as("requests per symbol").containsKey("TAA")
                .allSatisfy((symbol, requests) -> assertThat(requests).isLessThanOrEqualTo(5));
        assertThat(iex.getAllServeEvents()).as("requests in all").hasSizeBetween(5, 12);
    }

    @Test
    void a_provider_that_throttles_twice_is_waited_for_and_the_platform_is_told_it_is_rate_limited()
            throws Exception {
        IexStubData data = new IexStubData(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 3, 28));
        List<String> symbols = IexStubData.symbols(2);
        startIex();
        String chart = "/stable/stock/" + symbols.get(0) + "/chart/.*";
        iex.stubFor(get(urlPathMatching(chart)).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(throttled()).willSetStateTo("throttled once"));
        iex.stubFor(get(urlPathMatching(chart)).inScenario("throttle").whenScenarioStateIs("throttled once")
                .willReturn(throttled()).willSetStateTo("served"));
        iex.stubFor(get(urlPathMatching(chart)).inScenario("throttle").whenScenarioStateIs("served")
                .willReturn(okJson(data.chart(symbols.get(0)))));
        iex.stubFor(get(urlPathMatching("/stable/stock/" + symbols.get(1) + "/chart/.*"))
                .willReturn(okJson(data.chart(symbols.get(1)))));

        ConnectorProcess.Output run = read(data, symbols, Duration.ofMinutes(1));

        List<JsonNode> messages = run.messages();
        assertThat(run.exitCode()).isZero();
        assertThat(new HashSet<>(keys(messages))).isEqualTo(data.expectedKeys(symbols));
        assertThat(keys(messages)).hasSize(data.expectedKeys(symbols).size());
        assertThat(logs(messages)).filteredOn(log -> log.contains("HTTP 429")).hasSize(2)
                .allSatisfy(log -> assertThat(log).containsPattern("retrying in (9\\d\\d ms|1(\\.0)? s)"));
        assertThat(iex.getAllServeEvents()).as("requests").hasSize(4);
        // The platform shows a sync that waits for the provider as rate limited rather than as stuck.
        assertThat(traces(messages, "STREAM_STATUS")).as("a STREAM_STATUS trace with a RATE_LIMITED reason")
                .anySatisfy(trace -> {
                    JsonNode status = trace.get("stream_status");
                    assertThat(status.path("stream_descriptor").path("name").asText()).isEqualTo("stock_prices");
                    assertThat(status.path("reasons")).anySatisfy(
                            reason -> assertThat(reason.path("type").asText()).isEqualTo("RATE_LIMITED"));
                });
    }

    // The HTTP client's read timeout bounds only the wait for an answer to start; the body's reads are bounded too,
    // or a provider that sends half an answer and falls silent would hold the sync forever.
    @Test
    void a_provider_that_stalls_in_the_middle_of_an_answer_ends_the_read_with_a_transient_error() throws Exception {
        IexStubData data = new IexStubData(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 3, 28));
        String symbol = IexStubData.symbols(1).get(0);
        String chart = data.chart(symbol);
        try (StallingServer stalling = new StallingServer(chart.substring(0, chart.length() / 2), chart.length())) {
            Fixtures files = new Fixtures(dir);
            Path config = files.file("config.json", data.config(List.of(symbol),
                    "http://127.0.0.1:" + stalling.port() + "/stable"));

            ConnectorProcess.Output run = ConnectorProcess.run(Duration.ofSeconds(150), "read",
                    "--config", config.toString(), "--catalog", files.catalog("incremental").toString());

            List<JsonNode> messages = run.messages();
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(errors(messages)).singleElement().satisfies(error ->
                    assertThat(error.get("failure_type").asText()).isEqualTo("transient_error"));
            assertThat(statuses(messages)).last().isEqualTo("INCOMPLETE");
            StreamStates.assertEachCoversExactlyTheRecordsBeforeIt(messages, Map.of());
        }
    }

    private static ResponseDefinitionBuilder throttled() {
        return aResponse().withStatus(429).withHeader("Retry-After", "1").withBody(IEX_429);
    }

    private static String recordLine(List<JsonNode> messages, String symbol, LocalDate date) {
        return messages.stream().filter(m -> m.get("type").asText().equals("RECORD"))
                .filter(m -> IexStubData.Key.of(m.get("record").get("data")).equals(new IexStubData.Key(symbol, date)))
                .findFirst().map(m -> "{\"type\":\"RECORD\",\"record\":{\"stream\":\"stock_prices\",\"data\":"
                        + IexStubData.recordData(symbol, date) + ",\"emitted_at\":"
                        + m.get("record").get("emitted_at").asLong() + "}}")
                .orElse("no record of " + symbol + " on " + date);
    }

    private static List<IexStubData.Key> keys(List<JsonNode> messages) {
        return messages.stream().filter(m -> m.get("type").asText().equals("RECORD"))
                .map(m -> IexStubData.Key.of(m.get("record").get("data"))).toList();
    }

    private static List<String> statuses(List<JsonNode> messages) {
        return traces(messages, "STREAM_STATUS").stream().map(t -> t.get("stream_status").get("status").asText())
                .toList();
    }

    private static List<JsonNode> errors(List<JsonNode> messages) {
        return traces(messages, "ERROR").stream().map(t -> t.get("error")).toList();
    }

    private static List<JsonNode> traces(List<JsonNode> messages, String type) {
        return messages.stream().filter(m -> m.get("type").asText().equals("TRACE")).map(m -> m.get("trace"))
                .filter(t -> t.get("type").asText().equals(type)).toList();
    }

    private static List<String> logs(List<JsonNode> messages) {
        return messages.stream().filter(m -> m.get("type").asText().equals("LOG"))
                .map(m -> m.get("log").get("message").asText()).toList();
    }

    /**
     * An HTTP server on loopback that answers every request with status 200, a {@code Content-Length} of the whole
     * answer and only its first part, then keeps the connection open without a further byte.
     */
    private static final class StallingServer implements AutoCloseable {

        private final ServerSocket server;
        private final String part;
        private final int length;
        private final List<Socket> held = Collections.synchronizedList(new ArrayList<>());

        StallingServer(String part, int length) throws IOException {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.part = part;
            this.length = length;
            Thread acceptor = new Thread(this::serve, "stalling-iex");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    held.add(socket);
                    BufferedReader request = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                    String line;
                    do {
                        line = request.readLine();
                    } while (line != null && !line.isEmpty());
                    OutputStream answer = socket.getOutputStream();
                    answer.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + length
                            + "\r\n\r\n" + part).getBytes(StandardCharsets.UTF_8));
                    answer.flush();
                } catch (IOException e) {
                    // Closed by the test, or a client that went away: either way nothing more to serve it.
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (held) {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    /** The faults the stub serves, each taking one request (a burst takes four in a row). */
    enum Kind { TRUNCATED, THROTTLED, SLOW, GARBAGE, HTML, SERVER_ERRORS, RESET }

    /**
     * Answers IEX chart requests from {@link IexStubData}, turning requests into faults by their number alone, so
     * every run meets the same faults in the same order: the next kind of fault, then a few correct answers, and
     * round again. About three requests in ten are faulty, and every kind comes up within the first twenty symbols.
     * No call meets more faults in a row than it has attempts.
     */
    static final class FaultSchedule implements ResponseDefinitionTransformerV2 {

        /** Correct answers after each fault, in turn: 28 requests a round, 10 of them faulty. */
        private static final int[] CORRECT_BETWEEN_FAULTS = {3, 2};
        private static final int[] SERVER_ERRORS = {500, 502, 503, 504};

        private final IexStubData data;
        private final List<Object> plan = new ArrayList<>();
        private final AtomicInteger requests = new AtomicInteger();
        private final List<Kind> served = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger faulty = new AtomicInteger();

        FaultSchedule(IexStubData data) {
            this.data = data;
            for (Kind kind : Kind.values()) {
                for (int i = 0; i < (kind == Kind.SERVER_ERRORS ? SERVER_ERRORS.length : 1); i++) {
                    plan.add(kind);
                }
                for (int i = 0; i < CORRECT_BETWEEN_FAULTS[kind.ordinal() % 2]; i++) {
                    plan.add("ok");
                }
            }
        }

        List<Kind> served() {
            return List.copyOf(served);
        }

        double faultShare() {
            return requests.get() == 0 ? 0 : (double) faulty.get() / requests.get();
        }

        @Override
        public String getName() {
            return "iex-fault-schedule";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String path = URI.create(event.getRequest().getUrl()).getPath();
            String body = data.answer(path).orElse(null);
            if (body == null) {
                return ResponseDefinitionBuilder.like(event.getResponseDefinition()).build();
            }
            int number = requests.getAndIncrement();
            Object step = plan.get(number % plan.size());
            if (!(step instanceof Kind kind)) {
                return okJson(body).build();
            }
            served.add(kind);
            faulty.incrementAndGet();
            return switch (kind) {
                case TRUNCATED -> okJson(body.substring(0, body.length() / 2)).build();
                case THROTTLED -> throttled().build();
                case HTML -> aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody("<!DOCTYPE html><html><head><title>Maintenance</title></head>"
                                + "<body><h1>We'll be back soon</h1></body></html>").build();
                case SERVER_ERRORS -> aResponse().withStatus(SERVER_ERRORS[burstIndex(number)])
                        .withHeader("Content-Type", "text/plain").withBody("Internal error").build();
                case RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
                case SLOW -> okJson(body).withFixedDelay(2_000).build();
                case GARBAGE -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE).build();
            };
        }

        /** Which request of its burst {@code number} is, counting back to the first of the burst. */
        private int burstIndex(int number) {
            int index = 0;
            for (int i = number % plan.size() - 1; i >= 0 && plan.get(i) == Kind.SERVER_ERRORS; i--) {
                index++;
            }
            return index;
        }
    }
}
