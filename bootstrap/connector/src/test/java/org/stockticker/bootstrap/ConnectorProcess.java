package org.stockticker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.stockticker.adapters.airbyte.AirbyteJson;

/**
 * The packaged jar run as the platform runs it, a separate process whose stdout is read line by line as it
 * arrives, so that a test can act (kill it) at a given message. A line counts only once its newline arrived: a
 * process killed in the middle of a write leaves an unterminated tail, kept apart in {@link Output#tail()}.
 */
final class ConnectorProcess implements AutoCloseable {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path JAR = Path.of(System.getProperty("connector.jar", "target/source-stock-ticker.jar"));

    /** What one run wrote: its complete stdout lines, any unterminated tail, stderr and exit status. */
    record Output(int exitCode, List<String> lines, String tail, String stderr, Duration wallTime) {

        List<JsonNode> messages() {
            return ProtocolMessages.parse(lines);
        }
    }

    private final Process process;
    private final InputStream stdout;
    private final Path stderr;
    private final long startedNanos = System.nanoTime();
    private final List<String> lines = new ArrayList<>();
    private String tail = "";

    private ConnectorProcess(Process process, Path stderr) {
        this.process = process;
        this.stdout = new BufferedInputStream(process.getInputStream());
        this.stderr = stderr;
    }

    static ConnectorProcess start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile("connector", ".err");
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectError(stderr.toFile()).start();
        return new ConnectorProcess(process, stderr);
    }

    /** Runs the jar to its end, within {@code limit}. */
    static Output run(Duration limit, String... args) throws IOException, InterruptedException {
        try (ConnectorProcess connector = start(args)) {
            return connector.await(limit);
        }
    }

    /**
     * Reads complete lines until one matches {@code stop} (returned) or stdout ends (null). Every line read is kept.
     */
    String readUntil(Predicate<String> stop) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        int b;
        while ((b = stdout.read()) != -1) {
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            lines.add(text);
            if (stop.test(text)) {
                return text;
            }
        }
        tail = line.toString(StandardCharsets.UTF_8);
        return null;
    }

    /**
     * Sends SIGKILL, as an orchestrator that loses its pod does, then reads what the process had written up to then,
     * as the platform would. The signal goes through the process handle: {@link Process#destroyForcibly()} sends the
     * same signal but also closes our end of the pipe, losing what is still in it.
     */
    Output kill() throws IOException, InterruptedException {
        process.toHandle().destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the killed process ended").isTrue();
        readUntil(line -> false);
        return output();
    }

    /**
     * Sends the signal {@code name} ({@code TERM}, {@code INT}), as a platform cancelling a sync or a person pressing
     * Ctrl-C does, then reads to the end of the run, within {@code limit}.
     */
    Output signal(String name, Duration limit) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -s %s", name).isZero();
        return await(limit);
    }

    /** Reads to the end of the run; a run still going after {@code limit} is killed, and the assertion fails. */
    Output await(Duration limit) throws IOException, InterruptedException {
        AtomicBoolean overran = new AtomicBoolean();
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> {
            if (process.isAlive()) {
                overran.set(true);
                process.toHandle().destroyForcibly();
            }
        }, CompletableFuture.delayedExecutor(Math.max(1, limit.minus(elapsed()).toMillis()), TimeUnit.MILLISECONDS));
        readUntil(line -> false);
        process.waitFor();
        watchdog.cancel(false);
        assertThat(overran).as("the connector overran %s and was killed; it wrote, records aside: %s", limit,
                lines.stream().filter(line -> !line.startsWith("{\"type\":\"RECORD\"")).toList()).isFalse();
        return output();
    }

    private Output output() throws IOException {
        return new Output(process.exitValue(), List.copyOf(lines), tail, Files.readString(stderr), elapsed());
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    static boolean isType(String line, String type) {
        try {
            return AirbyteJson.mapper().readTree(line).path("type").asText().equals(type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        stdout.close();
        Files.deleteIfExists(stderr);
    }
}
