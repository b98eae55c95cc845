package org.stockticker.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every file a user can get wrong, from {@code bad-input/cases.json}: each must be refused with a message naming
 * the field and the problem, before a single request reaches the provider.
 *
 * <p>Each case replaces one role (config, catalog or state) with a bad file; the other roles get the known-good
 * files of the manifest, whose config points at a stub of IEX on loopback that answers real data. A bad file that
 * slipped through would therefore reach the stub, which every case checks it did not.
 */
class BadInputCorpusTest {

    private static final String CORPUS = "/bad-input/";
    private static final String MANIFEST = "cases.json";
    private static final List<String> ROLES = List.of("config", "catalog", "state");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String AAPL_BODY = """
            [{"date":"2024-01-02","open":185.64,"high":188.44,"low":183.885,"close":185.64,"volume":82488674,
              "uOpen":187.15,"uHigh":188.44,"uLow":183.885,"uClose":185.64,"uVolume":82488700,"fClose":184.93,
              "symbol":"AAPL","id":"HISTORICAL_PRICES","key":"AAPL","subkey":"","updated":1704240000000},
             {"date":"2024-01-04","open":182.15,"high":183.0872,"low":180.88,"close":181.91,"volume":71983600,
              "symbol":"AAPL","id":"HISTORICAL_PRICES","key":"AAPL","subkey":"","updated":1704412800000}]
            """;

    private static final WireMockServer IEX = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    @TempDir
    Path dir;

    @BeforeAll
    static void start_the_stub() {
        IEX.start();
        IEX.stubFor(get(urlPathMatching("/stable/stock/.*")).willReturn(okJson(AAPL_BODY)));
    }

    @AfterAll
    static void stop_the_stub() {
        IEX.stop();
    }

    @BeforeEach
    void forget_earlier_requests() {
        IEX.resetRequests();
    }

    /** One line of the manifest. */
    record Case(String name, String command, String role, String file, List<String> fragments) {

        @Override
        public String toString() {
            return command + ": " + name;
        }
    }

    static Stream<Arguments> cases() {
        return manifestCases().stream().map(c -> Arguments.of(c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a_bad_input_is_refused_with_a_message_naming_the_field_and_the_problem_before_any_request(Case bad) {
        ConnectorRun run = run(bad);

        String message;
        if (bad.command().equals("check")) {
            assertThat(run.exitCode()).as("exit status").isZero();
            List<JsonNode> statuses = run.ofType("CONNECTION_STATUS").map(m -> m.get("connectionStatus")).toList();
            assertThat(statuses).as("CONNECTION_STATUS messages").hasSize(1);
            assertThat(statuses.get(0).get("status").asText()).isEqualTo("FAILED");
            message = statuses.get(0).path("message").asText();
        } else {
            assertThat(run.exitCode()).as("exit status").isEqualTo(1);
            assertThat(run.records()).as("records").isEmpty();
            assertThat(run.errors()).as("TRACE ERROR messages").hasSize(1);
            JsonNode error = run.errors().get(0);
            assertThat(error.get("failure_type").asText()).isEqualTo("config_error");
            message = error.path("message").asText();
        }
        assertThat(message).as("the message").contains(bad.fragments());
        assertThat(message).as("the message holds no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(IEX.getAllServeEvents()).as("requests that reached the provider").isEmpty();
    }

    @Test
    void the_corpus_has_at_least_45_bad_files_and_each_is_used_by_a_case() throws IOException {
        Path root = corpusRoot();
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.equals(MANIFEST) && !f.startsWith("known-good/"))
                    .forEach(onDisk::add);
        }
        Set<String> used = new TreeSet<>();
        manifestCases().stream().map(Case::file).filter(f -> f != null).forEach(used::add);

        assertThat(onDisk).hasSizeGreaterThanOrEqualTo(45);
        assertThat(used).as("files named by the manifest").isEqualTo(onDisk);
    }

    @Test
    void the_known_good_files_read_through_the_stub() {
        ConnectorRun run = run(new Case("known good", "read", "", null, List.of()), manifest().get("known_good"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.errors()).isEmpty();
        assertThat(run.records()).isNotEmpty();
        assertThat(IEX.getAllServeEvents()).isNotEmpty();
    }

    @Test
    void the_known_good_config_passes_the_check_against_the_stub() {
        JsonNode good = manifest().get("known_good");
        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "check", "--config",
                materialize(good.get("config").asText(), "config").toString());

        assertThat(run.ofType("CONNECTION_STATUS")).singleElement()
                .satisfies(s -> assertThat(s.get("connectionStatus").get("status").asText()).isEqualTo("SUCCEEDED"));
    }

    @Test
    void a_config_of_5_mb_is_refused_before_parsing_with_a_message_naming_the_size_limit() throws IOException {
        Fixtures fixtures = new Fixtures(dir);
        String padding = "x".repeat(5 * 1024 * 1024);
        // Valid in every other way: only its size is wrong.
        Path config = fixtures.file("huge-config.json", """
                {"tickers": ["AAA"], "start_date": "2024-01-02", "end_date": "2024-01-31",
                 "provider": {"name": "csv", "path": "%s"}, "padding": "%s"}
                """.formatted(jsonPath(fixtures.dataDir()), padding));

        ConnectorRun check = ConnectorRun.of(Fixtures.CLOCK, "check", "--config", config.toString());
        ConnectorRun read = ConnectorRun.of(Fixtures.CLOCK, "read", "--config", config.toString(),
                "--catalog", fixtures.catalog("incremental").toString());

        assertThat(check.exitCode()).isZero();
        assertThat(check.ofType("CONNECTION_STATUS")).singleElement().satisfies(s -> {
            assertThat(s.get("connectionStatus").get("status").asText()).isEqualTo("FAILED");
            assertThat(s.get("connectionStatus").get("message").asText())
                    .contains("--config", String.valueOf(4 * 1024 * 1024));
        });
        assertThat(read.exitCode()).isEqualTo(1);
        assertThat(read.records()).isEmpty();
        assertThat(read.errors()).singleElement().satisfies(error -> {
            assertThat(error.get("failure_type").asText()).isEqualTo("config_error");
            assertThat(error.get("message").asText()).contains("--config", String.valueOf(4 * 1024 * 1024));
        });
    }

    @Test
    void a_state_of_5_mb_is_refused_before_parsing_with_a_message_naming_the_size_limit() {
        Fixtures fixtures = new Fixtures(dir);
        String padding = "x".repeat(5 * 1024 * 1024);
        Path state = fixtures.file("huge-state.json", """
                [{"type": "STREAM", "stream": {"stream_descriptor": {"name": "stock_prices"},
                  "stream_state": {"states": [{"partition": {"symbol": "AAA"}, "cursor": {"date": "2024-01-03"}}],
                                   "padding": "%s"}}}]
                """.formatted(padding));

        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "read", "--config", fixtures.csvConfig().toString(),
                "--catalog", fixtures.catalog("incremental").toString(), "--state", state.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.records()).isEmpty();
        assertThat(run.errors()).singleElement().satisfies(error -> {
            assertThat(error.get("failure_type").asText()).isEqualTo("config_error");
            assertThat(error.get("message").asText()).contains("--state", String.valueOf(4 * 1024 * 1024));
        });
    }

    @Test
    void unknown_extra_config_properties_are_accepted() {
        Fixtures fixtures = new Fixtures(dir);
        Path config = fixtures.file("config-with-extras.json", """
                {"tickers": ["AAA", "BBB"], "start_date": "2024-01-02", "end_date": "2024-01-31",
                 "comment": "kept by a newer platform", "options": {"nested": [1, 2, 3]},
                 "provider": {"name": "csv", "path": "%s", "encoding": "UTF-8"}}
                """.formatted(jsonPath(fixtures.dataDir())));

        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "check", "--config", config.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.ofType("CONNECTION_STATUS")).singleElement()
                .satisfies(s -> assertThat(s.get("connectionStatus").get("status").asText()).isEqualTo("SUCCEEDED"));
    }

    @Test
    void lower_case_tickers_are_accepted_and_emitted_upper_case() {
        Fixtures fixtures = new Fixtures(dir);

        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "read",
                "--config", fixtures.csvConfig("[\"aaa\", \"bBb\"]").toString(),
                "--catalog", fixtures.catalog("full_refresh").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.records()).hasSize(Fixtures.AAA_ROWS + Fixtures.BBB_ROWS);
        assertThat(run.records()).extracting(r -> r.get("data").get("symbol").asText())
                .containsOnly("AAA", "BBB");
        assertThat(run.lastState().toString()).contains("\"symbol\":\"AAA\"", "\"symbol\":\"BBB\"")
                .doesNotContain("aaa", "bBb");
    }

    @ParameterizedTest(name = "requests_per_minute {0}")
    @ValueSource(strings = {"3000000000", "120.0"})
    void a_whole_requests_per_minute_of_any_size_is_accepted(String requestsPerMinute) {
        // The contract: an integer of at least 1 with no upper bound. JSON Schema counts 120.0 as an integer.
        Path config = new Fixtures(dir).file("config.json", """
                {"tickers": ["AAPL"], "start_date": "2024-01-02", "end_date": "2024-01-31",
                 "provider": {"name": "iex", "api_key": "sk_CORPUS_0000", "base_url": "http://127.0.0.1:%d/stable",
                              "requests_per_minute": %s}}
                """.formatted(IEX.port(), requestsPerMinute));

        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "check", "--config", config.toString());

        assertThat(run.ofType("CONNECTION_STATUS")).singleElement().satisfies(s -> assertThat(
                s.get("connectionStatus").get("status").asText()).as(s.toString()).isEqualTo("SUCCEEDED"));
    }

    @Test
    void every_problem_of_a_config_is_reported_at_once() {
        Path config = new Fixtures(dir).file("config.json", """
                {"tickers": ["AAPL", "aapl"], "start_date": "2023-02-30", "end_date": "2024-01-31",
                 "provider": {"name": "iex", "api_key": "sk_CORPUS_0000", "base_url": "http://127.0.0.1:%d/stable"}}
                """.formatted(IEX.port()));

        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "discover", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).singleElement().satisfies(error -> assertThat(error.get("message").asText())
                .contains("start_date", "2023-02-30", "tickers", "AAPL", "more than once"));
    }

    private ConnectorRun run(Case bad) {
        return run(bad, manifest().get("known_good"));
    }

    private ConnectorRun run(Case bad, JsonNode knownGood) {
        List<String> args = new ArrayList<>(List.of(bad.command()));
        List<String> roles = switch (bad.command()) {
            case "check", "discover" -> List.of("config");
            case "read" -> ROLES;
            default -> throw new IllegalArgumentException("unknown command in the manifest: " + bad.command());
        };
        for (String role : roles) {
            Path file;
            if (!role.equals(bad.role())) {
                file = materialize(knownGood.get(role).asText(), "good-" + role);
            } else if (bad.file() == null) {
                file = dir.resolve("no-such-" + role + ".json");
            } else {
                file = materialize(bad.file(), "bad-" + role);
            }
            args.add("--" + role);
            args.add(file.toString());
        }
        return ConnectorRun.of(Fixtures.CLOCK, args.toArray(String[]::new));
    }

    /** Copies a corpus file into the temporary directory, with its placeholders filled in. */
    private Path materialize(String corpusFile, String name) {
        try {
            String text = Files.readString(corpusRoot().resolve(corpusFile), StandardCharsets.UTF_8);
            String filled = text.replace("{{port}}", String.valueOf(IEX.port()));
            if (filled.contains("{{data}}")) {
                filled = filled.replace("{{data}}", jsonPath(new Fixtures(dir).dataDir()));
            }
            Path target = dir.resolve(name + ".json");
            Files.writeString(target, filled, StandardCharsets.UTF_8);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jsonPath(Path path) {
        return path.toString().replace("\\", "\\\\");
    }

    private static List<Case> manifestCases() {
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : manifest().get("cases")) {
            String role;
            String file;
            if (c.has("missing")) {
                role = c.get("missing").asText();
                file = null;
            } else {
                role = ROLES.stream().filter(c::has).findFirst()
                        .orElseThrow(() -> new IllegalStateException("case without a bad file: " + c));
                file = c.get(role).asText();
                if (!Files.isRegularFile(corpusRoot().resolve(file))) {
                    throw new IllegalStateException("the manifest names a file that is not in the corpus: " + file);
                }
            }
            List<String> fragments = new ArrayList<>();
            c.get("message_contains").forEach(f -> fragments.add(f.asText()));
            if (fragments.isEmpty()) {
                throw new IllegalStateException("case without expected message fragments: " + c);
            }
            cases.add(new Case(c.get("name").asText(), c.get("command").asText(), role, file, List.copyOf(fragments)));
        }
        return cases;
    }

    private static JsonNode manifest() {
        try {
            return JSON.readTree(corpusRoot().resolve(MANIFEST).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path corpusRoot() {
        try {
            return Path.of(BadInputCorpusTest.class.getResource(CORPUS + MANIFEST).toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
