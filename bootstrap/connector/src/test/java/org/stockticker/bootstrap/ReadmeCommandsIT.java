package org.stockticker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockticker.adapters.airbyte.AirbyteJson;

/**
 * The README's commands, taken from the README itself and run as a newcomer runs them: with the launcher, in a copy
 * of the repository's layout holding the packaged jar, the launcher, {@code scripts/configured-catalog},
 * {@code scripts/last-states} and {@code examples/}. A stand-in for {@code mvn} on the PATH fails, so that nothing is built here: the jar is fresh.
 * The live provider of "Your first real sync" is replaced by the bundled CSV sample, read through the relative path
 * {@code examples/data}, which the launcher resolves against the directory it is run from.
 */
class ReadmeCommandsIT {

    private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    private static final Path JAR = Path.of(System.getProperty("connector.jar", "target/source-stock-ticker.jar"))
            .toAbsolutePath();
    private static final String FIRST_SYNC_MARKER = "<!-- ReadmeCommandsIT runs this block as written -->";

    @TempDir
    Path root;

    @BeforeEach
    void copyTheRepositoryLayout() throws IOException {
        executable(Files.copy(REPOSITORY.resolve("source-stock-ticker"), root.resolve("source-stock-ticker")));
        Path target = Files.createDirectories(root.resolve("bootstrap/connector/target"));
        Files.copy(JAR, target.resolve("source-stock-ticker.jar"));
        // No class-data-sharing training here: the launcher runs the jar without an archive, as it may.
        Files.writeString(target.resolve("source-stock-ticker.jsa.failed"), "");
        Files.createDirectories(root.resolve("scripts"));
        executable(Files.copy(REPOSITORY.resolve("scripts/configured-catalog"),
                root.resolve("scripts/configured-catalog")));
        executable(Files.copy(REPOSITORY.resolve("scripts/last-states"), root.resolve("scripts/last-states")));
        copyTree(REPOSITORY.resolve("examples"), root.resolve("examples"));
        executable(Files.writeString(Files.createDirectories(root.resolve("bin")).resolve("mvn"),
                "#!/bin/sh\necho 'mvn: the README commands must not build' >&2\nexit 1\n"));
    }

    @Test
    void the_quick_start_read_syncs_the_bundled_sample() throws Exception {
        List<String> commands = block(readme().indexOf("```sh")).stream()
                .filter(line -> line.startsWith("./source-stock-ticker")).toList();

        Result result = bash(String.join("\n", commands));

        assertThat(commands).singleElement().asString().contains("read --config examples/config.json");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().lines()).hasSize(3);
        JsonNode last = AirbyteJson.mapper().readTree(result.stdout().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(last.at("/trace/stream_status/status").asText()).isEqualTo("COMPLETE");
    }

    @Test
    void version_prints_the_version_as_the_readme_shows() throws Exception {
        String readme = readme();
        int section = readme.indexOf("### --version");
        List<String> command = block(section);
        int commandEnd = readme.indexOf("\n```", readme.indexOf("```sh", section) + 5) + 4;
        List<String> shown = block(commandEnd);

        Result result = bash(String.join("\n", command));

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().strip()).isEqualTo(String.join("\n", shown).strip());
    }

    @Test
    void the_first_real_sync_checks_makes_a_configured_catalog_syncs_and_resumes() throws Exception {
        String readme = readme();
        assertThat(readme).contains(FIRST_SYNC_MARKER);
        List<String> commands = block(readme.indexOf(FIRST_SYNC_MARKER));
        Files.createDirectories(root.resolve("secrets"));
        Files.writeString(root.resolve("secrets/config.json"), """
                {"tickers": ["AAPL", "MSFT"], "start_date": "2024-12-02", "end_date": "2024-12-31",
                 "provider": {"name": "csv", "path": "examples/data"}}
                """);

        Result result = bash("set -euo pipefail\n" + String.join("\n", commands));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().lines().map(this::json)
                .filter(m -> m.get("type").asText().equals("CONNECTION_STATUS")).toList())
                .singleElement()
                .satisfies(status -> assertThat(status.at("/connectionStatus/status").asText()).isEqualTo("SUCCEEDED"));

        JsonNode catalog = AirbyteJson.mapper().readTree(root.resolve("secrets/catalog.json").toFile());
        assertThat(catalog.get("streams")).extracting(stream -> stream.at("/stream/name").asText())
                .containsExactly("stock_prices", "splits", "dividends", "tickers");
        JsonNode prices = catalog.get("streams").get(0);
        assertThat(prices.get("sync_mode").asText()).isEqualTo("incremental");
        assertThat(prices.get("destination_sync_mode").asText()).isEqualTo("append_dedup");
        assertThat(prices.get("cursor_field").toString()).isEqualTo("[\"date\"]");
        assertThat(prices.get("primary_key").toString()).isEqualTo("[[\"symbol\"],[\"date\"]]");
        JsonNode tickers = catalog.get("streams").get(3);
        assertThat(tickers.get("sync_mode").asText()).isEqualTo("full_refresh");
        assertThat(tickers.get("destination_sync_mode").asText()).isEqualTo("overwrite");

        List<JsonNode> first = messages(root.resolve("secrets/sync-1.jsonl"));
        assertThat(recordsOf(first, "stock_prices")).isEqualTo(2 * 21);
        assertThat(recordsOf(first, "tickers")).isEqualTo(2);
        JsonNode state = AirbyteJson.mapper().readTree(root.resolve("secrets/state.json").toFile());
        assertThat(state).extracting(s -> s.at("/stream/stream_descriptor/name").asText())
                .containsExactlyInAnyOrder("stock_prices", "splits", "dividends", "tickers");
        List<JsonNode> second = messages(root.resolve("secrets/sync-2.jsonl"));
        assertThat(recordsOf(second, "stock_prices") + recordsOf(second, "splits") + recordsOf(second, "dividends"))
                .as("records of the incremental streams after the first sync's states").isZero();
        assertThat(recordsOf(second, "tickers")).as("the listings, read in full every time").isEqualTo(2);
        assertThat(second).anyMatch(m -> m.get("type").asText().equals("STATE"));
    }

    private static long recordsOf(List<JsonNode> messages, String stream) {
        return messages.stream().filter(m -> m.get("type").asText().equals("RECORD")
                && m.at("/record/stream").asText().equals(stream)).count();
    }

    @Test
    void configured_catalog_narrows_to_full_refresh_and_refuses_what_is_not_discover_output() throws Exception {
        Result full = bash("./source-stock-ticker discover --config examples/config.json"
                + " | scripts/configured-catalog --full-refresh --streams stock_prices");
        Result garbage = bash("echo 'not json' | scripts/configured-catalog");
        Result unknown = bash("./source-stock-ticker discover --config examples/config.json"
                + " | scripts/configured-catalog --streams no_such_stream");

        assertThat(full.exitCode()).as(full.stderr()).isZero();
        JsonNode stream = AirbyteJson.mapper().readTree(full.stdout()).get("streams").get(0);
        assertThat(stream.get("sync_mode").asText()).isEqualTo("full_refresh");
        assertThat(stream.get("destination_sync_mode").asText()).isEqualTo("overwrite");
        assertThat(stream.has("cursor_field")).isFalse();
        assertThat(garbage.exitCode()).isNotZero();
        assertThat(garbage.stderr()).contains("not the output of discover");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.stderr()).contains("no stream no_such_stream", "stock_prices", "dividends");
    }

    /** The lines of the first fenced block that opens after {@code from} in the README. */
    private static List<String> block(int from) throws IOException {
        String readme = readme();
        assertThat(from).as("a place in the README").isNotNegative();
        int open = readme.indexOf("```", from);
        int start = readme.indexOf('\n', open) + 1;
        int end = readme.indexOf("\n```", start);
        return readme.substring(start, end).lines().toList();
    }

    private static String readme() throws IOException {
        return Files.readString(REPOSITORY.resolve("README.md"));
    }

    private List<JsonNode> messages(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(this::json).toList();
    }

    private JsonNode json(String line) {
        try {
            return AirbyteJson.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + line, e);
        }
    }

    private Result bash(String script) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(root.toFile());
        builder.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
        Path err = root.resolve("stderr.txt");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(path -> {
                try {
                    Path copy = to.resolve(from.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(path, copy);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
