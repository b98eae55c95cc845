package org.stockticker.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.out.ProviderConfig;

class CsvSettingsTest {

    @TempDir
    Path tmp;

    @Test
    void takes_an_existing_directory() {
        CsvSettings settings = CsvSettings.from(config(tmp.toString()));

        assertThat(settings.directory()).isEqualTo(tmp.toAbsolutePath().normalize());
    }

    @Test
    void resolves_a_relative_path_against_the_working_directory() {
        Path working = Path.of("").toAbsolutePath();
        Path relative = working.relativize(tmp.toAbsolutePath());

        CsvSettings settings = CsvSettings.from(config(relative.toString()));

        assertThat(settings.directory()).isEqualTo(tmp.toAbsolutePath().normalize());
    }

    @Test
    void requires_a_path() {
        assertThatThrownBy(() -> CsvSettings.from(new ProviderConfig("csv", Map.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("provider.path is required");
    }

    @Test
    void refuses_a_missing_directory_naming_provider_path_and_the_path() {
        Path missing = tmp.resolve("no-such-dir");

        assertThatThrownBy(() -> CsvSettings.from(config(missing.toString())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("provider.path")
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void refuses_a_file_where_a_directory_is_expected() throws IOException {
        Path file = Files.writeString(tmp.resolve("AAPL.csv"), "Date,Close\n");

        assertThatThrownBy(() -> CsvSettings.from(config(file.toString())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("provider.path")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is not a directory");
    }

    private static ProviderConfig config(String path) {
        return new ProviderConfig("csv", Map.of("path", path));
    }
}
