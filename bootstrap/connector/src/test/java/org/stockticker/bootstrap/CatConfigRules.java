package org.stockticker.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stockticker.adapters.airbyte.AirbyteJson;

/**
 * What Airbyte's Connector Acceptance Test 3.x demands of {@code acceptance-test-config.yml}, so that a file it would
 * refuse fails this build: the keys its configuration models accept (pydantic models with {@code extra = "forbid"},
 * {@code connector_acceptance_test/config.py}), and what {@code test_strictness_level: high} adds ({@code plugin.py},
 * {@code conftest.py}, {@code tests/test_core.py}, {@code tests/test_incremental.py}).
 */
final class CatConfigRules {

    /** What the rules read besides the file itself: the files it names, and what discover offers for a config. */
    interface Inputs {

        /** The JSON file at {@code path}, relative to the file's directory; an AssertionError if it is missing. */
        JsonNode json(String path);

        /** The lines of the file at {@code path}. */
        List<String> lines(String path);

        /** The catalog discover answers for the config at {@code path}. */
        JsonNode discover(String configPath);
    }

    private static final Set<String> TOP = Set.of("connector_image", "acceptance_tests", "base_path",
            "test_strictness_level", "custom_environment_variables");
    private static final Map<String, Set<String>> TEST = Map.of(
            "spec", Set.of("spec_path", "config_path", "timeout_seconds", "deployment_mode",
                    "backward_compatibility_tests_config", "auth_default_method"),
            "connection", Set.of("config_path", "status", "timeout_seconds", "deployment_mode"),
            "discovery", Set.of("config_path", "timeout_seconds", "deployment_mode",
                    "backward_compatibility_tests_config", "validate_primary_keys_data_type"),
            "basic_read", Set.of("config_path", "deployment_mode", "configured_catalog_path", "empty_streams",
                    "expect_records", "validate_schema", "validate_stream_statuses", "validate_state_messages",
                    "validate_primary_keys_data_type", "fail_on_extra_columns", "validate_data_points",
                    "expect_trace_message_on_failure", "timeout_seconds", "file_types", "client_container_config"),
            "full_refresh", Set.of("config_path", "configured_catalog_path", "timeout_seconds", "deployment_mode",
                    "ignored_fields", "client_container_config"),
            "incremental", Set.of("config_path", "configured_catalog_path", "future_state", "timeout_seconds",
                    "deployment_mode", "skip_comprehensive_incremental_tests", "client_container_config"),
            "connector_attributes", Set.of("timeout_seconds", "config_path", "streams_without_primary_key",
                    "allowed_hosts", "suggested_streams"),
            "connector_documentation", Set.of("timeout_seconds", "config_path"));
    private static final Set<String> SECTION = Set.of("tests", "bypass_reason");
    private static final Set<String> EXPECT_RECORDS = Set.of("path", "bypass_reason", "exact_order");
    private static final Set<String> FUTURE_STATE = Set.of("future_state_path", "missing_streams", "bypass_reason",
            "cursor_format");
    private static final Set<String> NAMED = Set.of("name", "bypass_reason");
    private static final List<String> MANDATORY_AT_HIGH = List.of("spec", "connection", "discovery", "basic_read",
            "full_refresh", "incremental");
    private static final Set<String> PATHS = Set.of("config_path", "spec_path", "configured_catalog_path");

    private final Inputs inputs;
    private final List<String> problems = new ArrayList<>();

    private CatConfigRules(Inputs inputs) {
        this.inputs = inputs;
    }

    /** Every problem CAT 3.x would have with {@code config}, each naming its place; empty when it would run it. */
    static List<String> problems(JsonNode config, Inputs inputs) {
        CatConfigRules rules = new CatConfigRules(inputs);
        rules.check(config);
        return List.copyOf(rules.problems);
    }

    private void check(JsonNode config) {
        keys(config, "", TOP);
        for (String required : List.of("connector_image", "acceptance_tests")) {
            if (!config.hasNonNull(required)) {
                problems.add(required + " is required");
            }
        }
        String level = config.path("test_strictness_level").asText("low");
        if (!Set.of("high", "low").contains(level)) {
            problems.add("test_strictness_level: " + level + " is neither high nor low");
        }
        JsonNode sections = config.path("acceptance_tests");
        keys(sections, "acceptance_tests", TEST.keySet());
        for (String kind : TEST.keySet()) {
            JsonNode section = sections.path(kind);
            String where = "acceptance_tests." + kind;
            keys(section, where, SECTION);
            if (section.hasNonNull("tests") && section.hasNonNull("bypass_reason")) {
                problems.add(where + ": tests and bypass_reason are both set");
            }
            if (level.equals("high") && MANDATORY_AT_HIGH.contains(kind)
                    && !section.hasNonNull("tests") && !section.hasNonNull("bypass_reason")) {
                problems.add(where + " is required at high strictness (tests, or a bypass_reason)");
            }
            int index = 0;
            for (JsonNode test : section.path("tests")) {
                test(kind, test, where + ".tests[" + index++ + "]", level.equals("high"));
            }
        }
    }

    private void test(String kind, JsonNode test, String where, boolean high) {
        keys(test, where, TEST.get(kind));
        PATHS.stream().filter(test::hasNonNull).forEach(key -> inputs.json(test.get(key).asText()));
        switch (kind) {
            case "connection" -> {
                if (!Set.of("succeed", "failed", "exception").contains(test.path("status").asText("succeed"))) {
                    problems.add(where + ".status: " + test.get("status") + " is not succeed, failed or exception");
                }
            }
            case "basic_read" -> basicRead(test, where, high);
            case "incremental" -> incremental(test, where, high);
            case "full_refresh" -> test.path("ignored_fields").forEach(fields -> fields.forEach(
                    field -> named(field, where + ".ignored_fields", high)));
            default -> {
            }
        }
    }

    private void basicRead(JsonNode test, String where, boolean high) {
        Set<String> empty = new HashSet<>();
        for (JsonNode stream : test.path("empty_streams")) {
            named(stream, where + ".empty_streams", high);
            empty.add(stream.path("name").asText());
        }
        JsonNode expect = test.path("expect_records");
        keys(expect, where + ".expect_records", EXPECT_RECORDS);
        if (!expect.isMissingNode() && expect.hasNonNull("path") == expect.hasNonNull("bypass_reason")) {
            problems.add(where + ".expect_records: exactly one of path and bypass_reason must be set");
        }
        if (!high) {
            return;
        }
        if (test.hasNonNull("configured_catalog_path")) {
            problems.add(where + ": a custom configured_catalog_path is not allowed on basic_read at high strictness"
                    + " (it reads the discovered catalog)");
        }
        if (test.path("validate_schema").isBoolean() && !test.get("validate_schema").asBoolean()) {
            problems.add(where + ".validate_schema must be true at high strictness");
        }
        if (expect.isMissingNode()) {
            problems.add(where + ".expect_records is required at high strictness");
        } else if (expect.hasNonNull("path")) {
            Set<String> seeded = new HashSet<>();
            for (String line : inputs.lines(expect.get("path").asText())) {
                if (!line.isBlank()) {
                    JsonNode record = readLine(line);
                    if (!record.hasNonNull("stream") || !record.path("data").isObject() || !record.hasNonNull("emitted_at")) {
                        problems.add(where + ".expect_records.path: a line is not a record with stream, data and"
                                + " emitted_at: " + line);
                    }
                    seeded.add(record.path("stream").asText());
                }
            }
            for (JsonNode stream : inputs.discover(test.path("config_path").asText()).get("streams")) {
                String name = stream.get("name").asText();
                if (!seeded.contains(name) && !empty.contains(name)) {
                    problems.add(where + ": the discovered stream " + name + " has no expected record and is not"
                            + " declared in empty_streams");
                }
            }
        }
    }

    private void incremental(JsonNode test, String where, boolean high) {
        JsonNode future = test.path("future_state");
        keys(future, where + ".future_state", FUTURE_STATE);
        Set<String> missing = new HashSet<>();
        for (JsonNode stream : future.path("missing_streams")) {
            named(stream, where + ".future_state.missing_streams", high);
            missing.add(stream.path("name").asText());
        }
        if (!high || future.hasNonNull("bypass_reason")) {
            return;
        }
        if (!future.hasNonNull("future_state_path")) {
            problems.add(where + ".future_state.future_state_path is required at high strictness (or a bypass_reason)");
            return;
        }
        Set<String> stated = new HashSet<>();
        for (JsonNode state : inputs.json(future.get("future_state_path").asText())) {
            JsonNode name = state.path("stream").path("stream_descriptor").path("name");
            if (!name.isTextual()) {
                problems.add(where + ".future_state: a state without stream.stream_descriptor.name: " + state);
            }
            stated.add(name.asText());
        }
        JsonNode discovered = inputs.discover(test.path("config_path").asText());
        JsonNode catalog = test.hasNonNull("configured_catalog_path")
                ? CatCatalogs.fromCustom(inputs.json(test.get("configured_catalog_path").asText()), discovered)
                : CatCatalogs.fromDiscovered(discovered);
        for (JsonNode configured : catalog.get("streams")) {
            JsonNode stream = configured.get("stream");
            String name = stream.get("name").asText();
            if (CatCatalogs.contains(stream.get("supported_sync_modes"), "incremental")
                    && !stated.contains(name) && !missing.contains(name)) {
                problems.add(where + ".future_state: no state for the incremental stream " + name);
            }
        }
    }

    /** An entry of empty_streams, missing_streams or ignored_fields: a name, and a bypass_reason at high. */
    private void named(JsonNode entry, String where, boolean high) {
        keys(entry, where, NAMED);
        if (!entry.path("name").isTextual()) {
            problems.add(where + ": an entry without a name: " + entry);
        } else if (high && !entry.hasNonNull("bypass_reason")) {
            problems.add(where + ": " + entry.get("name").asText() + " needs a bypass_reason at high strictness");
        }
    }

    private static JsonNode readLine(String line) {
        try {
            return AirbyteJson.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError("an expected record is not JSON: " + line, e);
        }
    }

    private void keys(JsonNode node, String where, Set<String> allowed) {
        node.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                problems.add((where.isEmpty() ? "" : where + ".") + key + " is not a key CAT 3.x accepts here");
            }
        });
    }
}
