package org.stockticker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stockticker.adapters.airbyte.AirbyteJson;

class SpecCommandTest {

    private final ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "spec");
    private final JsonNode schema = run.messages().get(0).get("spec").get("connectionSpecification");

    @Test
    void answers_exactly_one_spec_message_and_exits_zero() {
        assertThat(run.exitCode()).isZero();
        assertThat(run.messages()).singleElement()
                .satisfies(message -> assertThat(message.get("type").asText()).isEqualTo("SPEC"));
        assertThat(run.messages().get(0).get("spec").get("supportsIncremental").asBoolean()).isTrue();
    }

    @Test
    void the_config_schema_is_draft_07_and_requires_tickers_start_date_and_provider() {
        assertThat(schema.get("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");
        assertThat(schema.get("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("tickers", "start_date", "provider");
    }

    @Test
    void every_property_has_a_title_a_description_and_an_order() {
        List<String> missing = new ArrayList<>();
        walkProperties(schema, "", (path, property) -> {
            for (String keyword : List.of("title", "description", "order")) {
                if (!property.has(keyword)) {
                    missing.add(path + " lacks " + keyword);
                }
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void uses_no_forbidden_keyword_and_allows_additional_properties_wherever_it_speaks_of_them() {
        List<String> problems = new ArrayList<>();
        walkAll(schema, "", (path, node) -> {
            for (String forbidden : List.of("$ref", "anyOf", "allOf", "not")) {
                if (node.has(forbidden)) {
                    problems.add(path + " uses " + forbidden);
                }
            }
            if (node.has("additionalProperties") && !node.get("additionalProperties").asBoolean(false)) {
                problems.add(path + " forbids additional properties");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void provider_branches_share_the_const_name_and_mark_keys_secret() {
        JsonNode branches = schema.get("properties").get("provider").get("oneOf");
        List<String> names = new ArrayList<>();
        for (JsonNode branch : branches) {
            names.add(branch.get("properties").get("name").get("const").asText());
            assertThat(branch.get("required")).extracting(JsonNode::asText).contains("name");
            JsonNode apiKey = branch.get("properties").get("api_key");
            if (apiKey != null) {
                assertThat(apiKey.get("airbyte_secret").asBoolean()).as("api_key of %s", names).isTrue();
            }
        }
        assertThat(names).contains("iex", "csv").doesNotHaveDuplicates();
    }

    @Test
    void dates_carry_format_date_and_a_pattern() {
        for (String field : List.of("start_date", "end_date")) {
            JsonNode date = schema.get("properties").get(field);
            assertThat(date.get("format").asText()).isEqualTo("date");
            assertThat(date.get("pattern").asText()).isNotBlank();
        }
    }

    @Test
    void every_date_carries_a_pattern_descriptor_for_airbytes_form() {
        List<String> dates = new ArrayList<>();
        walkProperties(schema, "", (path, property) -> {
            if ("date".equals(property.path("format").asText())) {
                dates.add(path);
                assertThat(property.path("pattern_descriptor").asText()).as(path).isEqualTo("YYYY-MM-DD");
                assertThat(property.path("pattern").asText()).as(path).isNotBlank();
            }
        });
        assertThat(dates).contains(".start_date", ".end_date");
    }

    @Test
    void every_description_is_one_sentence_and_every_number_names_its_unit() {
        List<String> problems = new ArrayList<>();
        walkAll(schema, "", (path, node) -> {
            String description = node.path("description").asText(null);
            if (description == null) {
                return;
            }
            String body = description.substring(0, description.length() - 1);
            if (!description.endsWith(".") || body.matches("(?s).*[.!?] [A-Z].*")) {
                problems.add(path + " is not one sentence: " + description);
            }
            if ("integer".equals(node.path("type").asText())
                    && !description.matches("(?s).*\\b(days?|minutes?|hours?|seconds?|requests?)\\b.*")) {
                problems.add(path + " names no unit: " + description);
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void live_providers_come_first_and_csv_last_titled_and_described_for_local_trials_only() {
        JsonNode branches = schema.get("properties").get("provider").get("oneOf");
        List<String> names = new ArrayList<>();
        branches.forEach(branch -> names.add(branch.get("properties").get("name").get("const").asText()));

        assertThat(names).containsExactly("massive", "polygon", "alpha_vantage", "tiingo", "iex", "csv");
        JsonNode csv = branches.get(names.indexOf("csv"));
        assertThat(csv.get("title").asText()).contains("local trials only");
        assertThat(csv.get("description").asText()).contains("local trials only", "mounted into the container");
        assertThat(csv.get("properties").get("path").get("description").asText())
                .contains("relative to the connector's working directory");
    }

    @Test
    void massive_leads_polygon_stays_as_its_former_name_and_iex_has_no_dead_default_host() {
        JsonNode branches = schema.get("properties").get("provider").get("oneOf");
        JsonNode massive = branches.get(0);
        JsonNode polygon = branches.get(1);

        assertThat(massive.get("title").asText()).isEqualTo("Massive (formerly Polygon.io)");
        assertThat(massive.at("/properties/base_url/default").asText()).isEqualTo("https://api.massive.com");
        assertThat(polygon.at("/properties/name/const").asText()).isEqualTo("polygon");
        assertThat(polygon.at("/properties/base_url/default").asText()).isEqualTo("https://api.massive.com");
        assertThat(polygon.get("description").asText()).contains("Massive", "https://api.massive.com");
        List<String> massiveKeys = new ArrayList<>();
        List<String> polygonKeys = new ArrayList<>();
        massive.get("properties").fieldNames().forEachRemaining(massiveKeys::add);
        polygon.get("properties").fieldNames().forEachRemaining(polygonKeys::add);
        assertThat(massiveKeys).isEqualTo(polygonKeys);
        JsonNode iex = branches.get(4);
        assertThat(iex.at("/properties/name/const").asText()).isEqualTo("iex");
        assertThat(iex.get("required")).extracting(JsonNode::asText).contains("base_url");
        assertThat(iex.at("/properties/base_url").has("default")).isFalse();
        assertThat(run.messages().get(0).toString()).doesNotContain("iexapis");
    }

    @Test
    void the_spec_the_acceptance_tests_compare_is_the_spec() throws Exception {
        JsonNode expected = AirbyteJson.mapper().readTree(Path.of("../..", "integration_tests", "spec.json").toFile());

        assertThat(run.messages().get(0).get("spec")).isEqualTo(expected);
    }

    private static void walkProperties(JsonNode schema, String path, java.util.function.BiConsumer<String, JsonNode> visit) {
        walkAll(schema, path, (at, node) -> {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                for (Map.Entry<String, JsonNode> entry : iterable(properties)) {
                    visit.accept(at + "." + entry.getKey(), entry.getValue());
                }
            }
        });
    }

    private static void walkAll(JsonNode node, String path, java.util.function.BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            visit.accept(path, node);
            for (Map.Entry<String, JsonNode> entry : iterable(node)) {
                if (!entry.getKey().equals("examples") && !entry.getKey().equals("default")) {
                    walkAll(entry.getValue(), path + "/" + entry.getKey(), visit);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walkAll(node.get(i), path + "[" + i + "]", visit);
            }
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
