package org.stockticker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stockticker.adapters.airbyte.AirbyteJson;

/**
 * {@code acceptance-test-config.yml} and {@code integration_tests/} as Airbyte's Connector Acceptance Test 3.x takes
 * them at {@code test_strictness_level: high} (see {@link CatConfigRules}), and each rule proven able to fail.
 */
class AcceptanceTestConfigTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path WORK = ROOT.resolve("bootstrap/connector/target/cat-config");
    private static final ObjectMapper JSON = AirbyteJson.mapper();

    private final Map<String, JsonNode> discovered = new HashMap<>();
    private final CatConfigRules.Inputs inputs = new CatConfigRules.Inputs() {
        @Override
        public JsonNode json(String path) {
            Path file = ROOT.resolve(path);
            assertThat(file).as("a file acceptance-test-config.yml names").isRegularFile();
            try {
                return JSON.readTree(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public List<String> lines(String path) {
            try {
                return Files.readAllLines(ROOT.resolve(path), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public JsonNode discover(String configPath) {
            return discovered.computeIfAbsent(configPath, path -> {
                // The acceptance test runs the connector in the repository's root (the image's /app), where a csv
                // config's relative path leads; this test runs elsewhere, so the path is made absolute first.
                ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "discover", "--config", fromRoot(path).toString());
                assertThat(run.exitCode()).as("exit status of discover with %s", path).isZero();
                return run.ofType("CATALOG").findFirst().orElseThrow().get("catalog");
            });
        }
    };

    /** The config at {@code path}, with a csv provider's relative {@code path} resolved against the repository. */
    private static Path fromRoot(String path) {
        try {
            ObjectNode config = (ObjectNode) JSON.readTree(ROOT.resolve(path).toFile());
            JsonNode provider = config.path("provider");
            if (provider.path("name").asText().equals("csv") && provider.hasNonNull("path")) {
                ((ObjectNode) provider).put("path", ROOT.resolve(provider.get("path").asText()).toString());
            }
            Files.createDirectories(WORK);
            Path resolved = WORK.resolve(Path.of(path).getFileName());
            JSON.writeValue(resolved.toFile(), config);
            return resolved;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void the_file_is_valid_for_cat_3_at_high_strictness() {
        JsonNode config = config();

        assertThat(config.path("test_strictness_level").asText()).isEqualTo("high");
        assertThat(CatConfigRules.problems(config, inputs)).isEmpty();
    }

    @Test
    void the_custom_catalogs_are_written_as_cat_writes_them_with_every_field_and_nulls() {
        JsonNode sections = config().get("acceptance_tests");
        List<JsonNode> tests = new ArrayList<>();
        for (String kind : List.of("full_refresh", "incremental")) {
            sections.get(kind).get("tests").forEach(test -> {
                if (test.hasNonNull("configured_catalog_path")) {
                    tests.add(test);
                }
            });
        }

        assertThat(tests).isNotEmpty().allSatisfy(test -> {
            JsonNode catalog = inputs.json(test.get("configured_catalog_path").asText());
            assertThat(catalog).as(test.get("configured_catalog_path").asText()).isEqualTo(CatCatalogs.asWritten(catalog));
            assertThat(catalog.get("streams")).allSatisfy(stream -> {
                assertThat(stream.get("stream").get("namespace").isNull()).as("namespace: null").isTrue();
                assertThat(stream.get("generation_id").isNull()).as("generation_id: null").isTrue();
            });
        });
    }

    static Stream<Arguments> each_rule_fails_on_a_violation() {
        return Stream.of(
                arguments("a key of an older CAT under expect_records", "extra_fields is not a key CAT 3.x accepts",
                        edit("/acceptance_tests/basic_read/tests/0/expect_records", n -> n.put("extra_fields", false))),
                arguments("extra_records", "extra_records is not a key CAT 3.x accepts",
                        edit("/acceptance_tests/basic_read/tests/0/expect_records", n -> n.put("extra_records", false))),
                arguments("an unknown top-level key", "cached_discovered_catalog is not a key",
                        edit("", n -> n.put("cached_discovered_catalog", false))),
                arguments("a custom catalog on basic_read", "configured_catalog_path is not allowed on basic_read",
                        edit("/acceptance_tests/basic_read/tests/0",
                                n -> n.put("configured_catalog_path", "integration_tests/configured_catalog.json"))),
                arguments("no expect_records", "expect_records is required",
                        edit("/acceptance_tests/basic_read/tests/0", n -> n.remove("expect_records"))),
                arguments("expected records that miss a discovered stream", "stock_prices has no expected record",
                        edit("/acceptance_tests/basic_read/tests/0/expect_records",
                                n -> n.put("path", written("empty.jsonl", "")))),
                arguments("an empty stream without a reason", "needs a bypass_reason",
                        edit("/acceptance_tests/basic_read/tests/0",
                                n -> n.putArray("empty_streams").addObject().put("name", "stock_prices"))),
                arguments("schema validation off", "validate_schema must be true",
                        edit("/acceptance_tests/basic_read/tests/0", n -> n.put("validate_schema", false))),
                arguments("no future_state", "future_state_path is required",
                        edit("/acceptance_tests/incremental/tests/0", n -> n.remove("future_state"))),
                arguments("a future state that misses a stream", "no state for the incremental stream stock_prices",
                        edit("/acceptance_tests/incremental/tests/0/future_state",
                                n -> n.put("future_state_path", written("no_state.json", "[]")))),
                arguments("a missing mandatory section", "acceptance_tests.full_refresh is required",
                        edit("/acceptance_tests", n -> n.remove("full_refresh"))),
                arguments("tests and a bypass_reason", "tests and bypass_reason are both set",
                        edit("/acceptance_tests/discovery", n -> n.put("bypass_reason", "none"))),
                arguments("an unknown connection status", "is not succeed, failed or exception",
                        edit("/acceptance_tests/connection/tests/0", n -> n.put("status", "ok"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void each_rule_fails_on_a_violation(String violation, String problem, Consumer<ObjectNode> edit) {
        ObjectNode config = (ObjectNode) config();
        edit.accept(config);

        assertThat(CatConfigRules.problems(config, inputs)).anySatisfy(p -> assertThat(p).contains(problem));
    }

    private static Consumer<ObjectNode> edit(String pointer, Consumer<ObjectNode> change) {
        return config -> change.accept((ObjectNode) config.at(pointer));
    }

    /** A file under bootstrap/connector/target, as a path relative to the repository root. */
    private static String written(String name, String content) {
        try {
            Files.createDirectories(WORK);
            return ROOT.relativize(Files.writeString(WORK.resolve(name), content)).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode config() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("acceptance-test-config.yml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
