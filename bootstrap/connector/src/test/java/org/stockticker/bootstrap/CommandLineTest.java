package org.stockticker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class CommandLineTest {

    @Test
    void help_prints_usage_for_a_person_on_stdout_and_exits_zero() {
        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(String.join("\n", run.lines())).contains("Usage: source-stock-ticker", "discover --config");
    }

    @Test
    void version_prints_the_name_and_the_project_version_on_stdout_and_exits_zero() throws Exception {
        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("source-stock-ticker " + pomVersion());
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void help_names_the_version_option_and_the_version() throws Exception {
        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "--help");

        assertThat(String.join("\n", run.lines())).contains("--version", "source-stock-ticker " + pomVersion());
    }

    /** The version in the parent pom, which every module inherits. */
    private static String pomVersion() throws Exception {
        Path pom = Path.of("../..", "pom.xml");
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        return XPathFactory.newInstance().newXPath().evaluate("/project/version", document).strip();
    }

    @Test
    void no_command_prints_usage_on_stderr_only_and_exits_two() {
        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lines()).isEmpty();
        assertThat(run.stderr()).contains("Usage: source-stock-ticker");
    }

    @Test
    void an_unknown_command_is_a_config_error_trace_with_usage_on_stderr_and_exit_two() {
        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "fetch", "--config", "x.json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errors()).singleElement().satisfies(error -> {
            assertThat(error.get("failure_type").asText()).isEqualTo("config_error");
            assertThat(error.get("message").asText()).contains("Unknown command 'fetch'");
        });
        assertThat(run.stderr()).contains("Usage:");
    }

    @Test
    void a_missing_required_option_exits_two_naming_it() {
        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "read", "--config", "config.json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errors()).singleElement()
                .satisfies(error -> assertThat(error.get("message").asText()).contains("--catalog"));
    }

    @Test
    void an_option_without_its_file_exits_two() {
        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "check", "--config");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errors()).singleElement()
                .satisfies(error -> assertThat(error.get("message").asText()).contains("--config needs a file"));
    }

    @Test
    void an_unknown_option_exits_two() {
        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "discover", "--config", "c.json", "--verbose");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errors()).singleElement()
                .satisfies(error -> assertThat(error.get("message").asText()).contains("--verbose"));
    }
}
