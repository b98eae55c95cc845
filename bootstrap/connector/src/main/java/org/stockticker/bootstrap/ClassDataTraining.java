package org.stockticker.bootstrap;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.stockticker.adapters.airbyte.AirbyteConnector;
import org.stockticker.adapters.airbyte.logging.AirbyteLogProvider;

/**
 * The training run of the class-data-sharing archive: every command, as a sync runs them, once on a local CSV file
 * and once against an IEX-shaped answer served on loopback by the JDK's own HTTP server, so that a JVM started with
 * {@code -XX:ArchiveClassesAtExit} archives the classes each command loads. The launcher and the Dockerfile run it
 * once per jar; it needs no network, writes only to a temporary directory, and prints nothing on stdout.
 */
public final class ClassDataTraining {

    private static final String BAR = "{\"date\":\"%s\",\"open\":167.165,\"high\":168.62,\"low\":166.76,"
            + "\"close\":167.78,\"volume\":47230787,\"uOpen\":167.165,\"uHigh\":168.62,\"uLow\":166.76,"
            + "\"uClose\":167.78,\"uVolume\":47230787,\"fClose\":162.91,\"label\":\"Feb 1\",\"symbol\":\"AAPL\"}";
    private static final String CATALOG = "{\"streams\":[{\"stream\":{\"name\":\"stock_prices\",\"json_schema\":{},"
            + "\"supported_sync_modes\":[\"full_refresh\",\"incremental\"]},\"sync_mode\":\"incremental\","
            + "\"destination_sync_mode\":\"append\"}]}";

    private ClassDataTraining() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("slf4j.provider", AirbyteLogProvider.class.getName());
        System.setProperty("slf4j.internal.verbosity", "WARN");
        Path work = Files.createTempDirectory("source-stock-ticker-training");
        HttpServer iex = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        iex.createContext("/stock/", exchange -> {
            byte[] body = ("[" + String.format(BAR, "2024-03-27") + "," + String.format(BAR, "2024-03-28") + "]")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        iex.start();
        try {
            Path data = Files.createDirectories(work.resolve("data"));
            Files.writeString(data.resolve("AAPL.csv"), "Date,Open,High,Low,Close,Adj Close,Volume\n"
                    + "2024-03-27,170.41,173.60,170.11,173.31,172.80,60273300\n"
                    + "2024-03-28,171.75,172.23,170.51,171.48,170.98,65672700\n");
            Path csv = write(work, "csv.json", "{\"tickers\":[\"AAPL\"],\"start_date\":\"2024-03-01\","
                    + "\"end_date\":\"2024-03-28\",\"provider\":{\"name\":\"csv\",\"path\":" + quoted(data) + "}}");
            Path network = write(work, "iex.json", "{\"tickers\":[\"AAPL\",\"MSFT\"],\"start_date\":\"2024-03-01\","
                    + "\"end_date\":\"2024-03-28\",\"provider\":{\"name\":\"iex\",\"api_key\":\"training\","
                    + "\"base_url\":\"http://127.0.0.1:" + iex.getAddress().getPort() + "\"}}");
            Path catalog = write(work, "catalog.json", CATALOG);
            Path state = write(work, "state.json", "[{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":"
                    + "{\"name\":\"stock_prices\"},\"stream_state\":{\"states\":[{\"partition\":{\"symbol\":\"AAPL\"},"
                    + "\"cursor\":{\"date\":\"2024-03-27\"}}]}}}]");
            run("spec");
            for (Path config : List.of(csv, network)) {
                run("check", "--config", config.toString());
                run("discover", "--config", config.toString());
                run("read", "--config", config.toString(), "--catalog", catalog.toString());
                run("read", "--config", config.toString(), "--catalog", catalog.toString(), "--state",
                        state.toString());
            }
        } finally {
            iex.stop(0);
            delete(work);
        }
    }

    /** Runs one command; a command that fails means the training no longer matches the connector. */
    private static void run(String... args) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        int status = Main.run(args, nowhere, nowhere, Clock.systemUTC());
        if (status != AirbyteConnector.OK) {
            throw new IllegalStateException("the training command " + args[0] + " ended with status " + status);
        }
    }

    private static Path write(Path directory, String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }

    private static String quoted(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void delete(Path work) {
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
