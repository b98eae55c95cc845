package org.stockticker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar, run as the platform runs it: a separate process, judged by its stdout and exit status. */
class ConnectorJarIT {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path JAR = Path.of(System.getProperty("connector.jar", "target/source-stock-ticker.jar"));

    private record Result(int exitCode, List<String> stdout, String stderr) {

        List<String> recordData() {
            return ProtocolMessages.parse(stdout).stream()
                    .filter(m -> m.get("type").asText().equals("RECORD"))
                    .map(m -> m.get("record").get("data").toString())
                    .toList();
        }
    }

    private static Result run(String timeZone, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().put("TZ", timeZone);
        Path stderr = Files.createTempFile("connector", ".err");
        Process process = builder.redirectError(stderr.toFile()).start();
        List<String> stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), stdout, Files.readString(stderr));
    }

    @Test
    void spec_prints_one_protocol_message_and_exits_zero() throws Exception {
        Result result = run("UTC", "spec");

        assertThat(result.exitCode()).isZero();
        assertThat(ProtocolMessages.parse(result.stdout())).singleElement()
                .satisfies(message -> assertThat(message.get("type").asText()).isEqualTo("SPEC"));
    }

    @Test
    void no_command_exits_two_with_usage_on_stderr() throws Exception {
        Result result = run("UTC");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("Usage:");
    }

    @Test
    void the_sample_sync_gives_the_same_records_whatever_the_machines_time_zone() throws Exception {
        String[] read = {"read", "--config", "examples/config.json", "--catalog", "examples/configured_catalog.json"};

        Result utc = run("UTC", read);
        Result kiritimati = run("Pacific/Kiritimati", read);
        Result pagoPago = run("Pacific/Pago_Pago", read);

        assertThat(utc.exitCode()).isZero();
        assertThat(utc.recordData()).hasSizeGreaterThan(4000);
        assertThat(kiritimati.recordData()).isEqualTo(utc.recordData());
        assertThat(pagoPago.recordData()).isEqualTo(utc.recordData());
    }
}
