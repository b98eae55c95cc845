package org.stockticker.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import feign.Param;
import feign.RequestLine;
import feign.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A local stub as simple as they come: one thread, HTTP/1.1, serving one connection at a time and keeping it open
 * between requests until the client closes it. The connector reads two symbols ahead, so two requests are under
 * way at once: over plain http (loopback only) no connection may be left idle for such a server to wait on.
 */
class OneConnectionAtATimeServerTest {

    private static final String BODY = "[{\"date\":\"2024-03-28\",\"close\":171.48}]";

    private final ServerSocket socket = newServerSocket();
    private final Thread server = new Thread(this::serve, "one-connection-at-a-time");

    interface ChartApi {

        @RequestLine("GET /stock/{symbol}/chart/max?token={token}")
        Response chart(@Param("symbol") String symbol, @Param("token") String token);
    }

    @AfterEach
    void stop() throws IOException {
        socket.close();
        server.interrupt();
    }

    @Test
    void answers_arrive_for_requests_under_way_at_once() {
        server.start();
        // One attempt, and a read timeout longer than the test waits: a request left waiting behind an idle
        // connection can neither time out nor be retried in time.
        HttpPolicy policy = new HttpPolicy(60_000, Duration.ofSeconds(2), Duration.ofSeconds(30), 1,
                Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1));
        ChartApi api = ResilientFeign.client(ChartApi.class, "test", URI.create("http://127.0.0.1:" + socket.getLocalPort()),
                policy, new RequestBudget("test", policy.limits(), Clock.systemUTC(), Sleeper.THREAD),
                (key, response) -> new IllegalStateException(), until -> { });

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(read(api, "FIRST")).isEqualTo(BODY);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> reads = new ArrayList<>();
                for (String symbol : List.of("AAPL", "MSFT", "IBM", "BRK.B")) {
                    reads.add(threads.submit(() -> read(api, symbol)));
                }
                for (Future<String> read : reads) {
                    assertThat(read.get()).isEqualTo(BODY);
                }
            } finally {
                threads.shutdownNow();
            }
        });
    }

    private static String read(ChartApi api, String symbol) throws IOException {
        try (Response response = api.chart(symbol, "not-a-secret"); InputStream body = response.body().asInputStream()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Serves each connection's requests in turn until it closes, and only then accepts the next connection. */
    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                OutputStream out = connection.getOutputStream();
                boolean keepAlive = true;
                while (keepAlive) {
                    String requestLine = in.readLine();
                    if (requestLine == null) {
                        break;
                    }
                    for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                        if (header.toLowerCase(Locale.ROOT).replace(" ", "").equals("connection:close")) {
                            keepAlive = false;
                        }
                    }
                    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                            + (keepAlive ? "" : "\r\nConnection: close") + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body);
                    out.flush();
                }
            } catch (IOException e) {
                // The connection or the server closed: accept the next connection, or end with the test.
            }
        }
    }

    private static ServerSocket newServerSocket() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
