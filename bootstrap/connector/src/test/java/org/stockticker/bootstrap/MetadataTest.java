package org.stockticker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code metadata.yaml} says what is true of the connector: its tags, the hosts it calls, its documentation. */
class MetadataTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final String REPOSITORY = "https://github.com/stockticker/source-stock-ticker";

    private final JsonNode data = yaml(ROOT.resolve("metadata.yaml")).get("data");
    private final JsonNode spec = ConnectorRun.of(Fixtures.CLOCK, "spec").messages().get(0).get("spec");

    @Test
    void tags_name_the_language_and_no_cdk_the_connector_does_not_use() {
        List<String> tags = new ArrayList<>();
        data.get("tags").forEach(tag -> tags.add(tag.asText()));

        assertThat(tags).contains("language:java").noneMatch(tag -> tag.startsWith("cdk:"));
    }

    @Test
    void allowed_hosts_are_the_hosts_of_the_live_providers_defaults_and_nothing_else() {
        List<String> hosts = new ArrayList<>();
        data.get("allowedHosts").get("hosts").forEach(host -> hosts.add(host.asText()));
        List<String> defaults = new ArrayList<>();
        for (JsonNode branch : spec.get("connectionSpecification").get("properties").get("provider").get("oneOf")) {
            JsonNode baseUrl = branch.get("properties").get("base_url");
            if (baseUrl != null && !branch.get("properties").get("name").get("const").asText().equals("iex")) {
                defaults.add(URI.create(baseUrl.get("default").asText()).getHost());
                baseUrl.path("examples").forEach(example -> defaults.add(URI.create(example.asText()).getHost()));
            }
        }

        assertThat(hosts).containsExactlyInAnyOrderElementsOf(defaults.stream().distinct().toList());
    }

    @Test
    void the_documentation_url_points_at_a_file_of_the_repository_and_equals_the_specs() {
        String url = data.get("documentationUrl").asText();
        Matcher file = Pattern.compile(Pattern.quote(REPOSITORY) + "/blob/[^/]+/(.+?)(#.*)?").matcher(url);

        assertThat(file.matches()).as("%s is a file of %s", url, REPOSITORY).isTrue();
        assertThat(ROOT.resolve(file.group(1))).isRegularFile();
        assertThat(spec.get("documentationUrl").asText()).isEqualTo(url);
    }

    @Test
    void the_docs_never_tell_an_operator_to_tag_an_image_in_the_airbyte_namespace() throws IOException {
        List<String> offending = new ArrayList<>();
        for (Path doc : List.of(ROOT.resolve("README.md"), ROOT.resolve("docs/docker.md"),
                ROOT.resolve("docs/operating-at-scale.md"))) {
            Files.readAllLines(doc).stream()
                    .filter(line -> line.matches(".*(-t|tag|push|load docker-image) +airbyte/.*"))
                    .forEach(line -> offending.add(ROOT.relativize(doc) + ": " + line));
        }
        assertThat(offending).isEmpty();
    }

    private static JsonNode yaml(Path file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
