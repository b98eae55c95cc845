package org.stockticker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockticker.adapters.airbyte.AirbyteJson;

/**
 * The launcher {@code ./source-stock-ticker}, run as a user runs it, in a copy of the repository's layout: a real
 * Maven build there would rebuild the very tree this test runs from, so a stand-in for {@code mvn} on the PATH plays
 * the build. Like a real build it rewrites the jar in place, slowly; unlike one, it fails when a second build of
 * the same tree starts beside it, and it counts its runs.
 */
class LauncherIT {

    private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    private static final Path JAR = Path.of(System.getProperty("connector.jar", "target/source-stock-ticker.jar"))
            .toAbsolutePath();

    private static final String MVN = """
            #!/usr/bin/env bash
            # Stands in for Maven: one build of the tree at a time, or it fails; the jar written in two steps.
            set -euo pipefail
            mkdir "$LAUNCHER_ROOT/build-running" 2>/dev/null \\
              || { echo "mvn: another build of this tree is running" >&2; exit 1; }
            echo build >>"$LAUNCHER_ROOT/builds"
            jar="$LAUNCHER_ROOT/bootstrap/connector/target/source-stock-ticker.jar"
            head -c 100000 "$REAL_JAR" >"$jar"
            sleep 2
            cat "$REAL_JAR" >"$jar"
            rmdir "$LAUNCHER_ROOT/build-running"
            """;

    @TempDir
    Path root;

    @Test
    void two_launchers_started_at_once_on_a_stale_jar_build_once_and_both_run() throws Exception {
        Path launcher = Files.copy(REPOSITORY.resolve("source-stock-ticker"), root.resolve("source-stock-ticker"));
        executable(launcher);
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Path jar = Files.createDirectories(root.resolve("bootstrap/connector/target")).resolve("source-stock-ticker.jar");
        Files.copy(JAR, jar);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        Path sources = Files.createDirectories(root.resolve("bootstrap/connector/src/main/java"));
        Files.writeString(sources.resolve("Touched.java"), "class Touched {}\n");
        executable(Files.writeString(Files.createDirectories(root.resolve("bin")).resolve("mvn"), MVN));

        List<Process> launchers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "spec").directory(root.toFile())
                    .redirectError(root.resolve("launcher-" + i + ".err").toFile());
            builder.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
            builder.environment().put("LAUNCHER_ROOT", root.toString());
            builder.environment().put("REAL_JAR", JAR.toString());
            launchers.add(builder.start());
        }

        for (int i = 0; i < launchers.size(); i++) {
            Process process = launchers.get(i);
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("launcher %d ends within a minute", i).isTrue();
            String stderr = Files.readString(root.resolve("launcher-" + i + ".err"));
            assertThat(process.exitValue()).as("exit status of launcher %d; stderr:%n%s", i, stderr).isZero();
            assertThat(stdout.lines().toList()).as("stdout of launcher %d", i).singleElement().satisfies(line -> {
                JsonNode message = AirbyteJson.mapper().readTree(line);
                assertThat(message.get("type").asText()).isEqualTo("SPEC");
                assertThat(message.get("spec").get("connectionSpecification").isObject()).isTrue();
            });
        }
        assertThat(Files.readAllLines(root.resolve("builds"))).as("builds of the stale jar").hasSize(1);
        assertThat(Files.mismatch(jar, JAR)).as("the jar is the build's, whole").isEqualTo(-1L);
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
