package org.stockticker.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockticker.adapters.provider.RecordingLogger;
import org.stockticker.application.port.out.UnreadableSymbolException;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/** Which files csv reads (regular files directly inside its directory) and how its warnings quote a bad cell. */
class CsvFilesTest {

    private static final String HEADER = "Date,Open,High,Low,Close,Adj Close,Volume\n";
    private static final String ROW = "2024-01-05,181.99,182.76,180.17,181.18,181.18,62379661\n";
    private static final Symbol IBM = new Symbol("IBM");
    private static final DateWindow ALL = new DateWindow(LocalDate.of(2000, 1, 1), LocalDate.of(2030, 12, 31));

    @TempDir
    Path dir;

    @TempDir
    Path elsewhere;

    private final RecordingLogger log = new RecordingLogger();

    @Test
    void follows_a_symbolic_link_to_a_regular_file_inside_the_directory() throws IOException {
        Path inside = Files.writeString(dir.resolve("ibm-prices.txt"), HEADER + ROW);
        Files.createSymbolicLink(dir.resolve("IBM.csv"), inside);

        assertThat(read()).extracting(DailyBar::date).containsExactly(LocalDate.of(2024, 1, 5));
    }

    @Test
    void refuses_a_symbolic_link_leading_outside_the_directory_naming_the_file_without_reading_it() throws IOException {
        Path secret = Files.writeString(elsewhere.resolve("secret.csv"), HEADER + ROW);
        Path link = Files.createSymbolicLink(dir.resolve("IBM.csv"), secret);

        assertThatThrownBy(this::read)
                .isInstanceOf(UnreadableSymbolException.class)
                .hasMessage(link + " is a symbolic link leading outside " + dir.toAbsolutePath().normalize()
                        + "; provider csv reads only regular files directly inside its path, so it was not read");
        assertThatThrownBy(() -> provider().verify(IBM)).isInstanceOf(UnreadableSymbolException.class);
    }

    @Test
    void refuses_a_relative_symbolic_link_climbing_out_of_the_directory() throws IOException {
        Files.writeString(elsewhere.resolve("secret.csv"), HEADER + ROW);
        Files.createSymbolicLink(dir.resolve("IBM.csv"),
                dir.relativize(elsewhere.resolve("secret.csv")));

        assertThatThrownBy(this::read).isInstanceOf(UnreadableSymbolException.class)
                .hasMessageContaining("is a symbolic link leading outside");
    }

    @Test
    void refuses_a_symbolic_link_to_a_file_in_a_subdirectory() throws IOException {
        Path nested = Files.createDirectory(dir.resolve("nested"));
        Files.createSymbolicLink(dir.resolve("IBM.csv"), Files.writeString(nested.resolve("IBM.csv"), HEADER + ROW));

        assertThatThrownBy(this::read).isInstanceOf(UnreadableSymbolException.class)
                .hasMessageContaining("is a symbolic link leading outside");
    }

    @Test
    void refuses_a_symbolic_link_to_a_directory_or_to_nothing() throws IOException {
        Files.createSymbolicLink(dir.resolve("IBM.csv"), Files.createDirectory(dir.resolve("sub")));
        Files.createSymbolicLink(dir.resolve("MSFT.csv"), dir.resolve("missing.csv"));

        assertThatThrownBy(this::read).isInstanceOf(UnreadableSymbolException.class)
                .hasMessageContaining("IBM.csv is a directory, not a file");
        assertThatThrownBy(() -> provider().dailyBars(new Symbol("MSFT"), ALL))
                .isInstanceOf(UnreadableSymbolException.class)
                .hasMessageContaining("MSFT.csv is a symbolic link to nothing");
    }

    @Test
    void refuses_a_directory_named_like_a_symbols_file() throws IOException {
        Files.createDirectory(dir.resolve("IBM.csv"));

        assertThatThrownBy(this::read).isInstanceOf(UnreadableSymbolException.class)
                .hasMessageContaining("IBM.csv is a directory, not a file");
    }

    @Test
    void refuses_a_fifo_at_once_rather_than_wait_for_a_writer() throws Exception {
        Path fifo = dir.resolve("IBM.csv");
        assertThat(mkfifo(fifo)).as("mkfifo (coreutils) made the FIFO").isTrue();

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(this::read)
                .isInstanceOf(UnreadableSymbolException.class)
                .hasMessageContaining("IBM.csv is not a regular file"));
    }

    @Test
    void quotes_at_most_twenty_characters_of_a_bad_cell_with_control_characters_replaced() throws IOException {
        Files.writeString(dir.resolve("IBM.csv"), HEADER
                + "2024-01-04,1,1,1,\"12\u001b[31mred\r\nWARN forged line and a long tail\",1,100\n"
                + "2024-01-05,1,1,1,1,1,\"5\u0000" + "x".repeat(10_000) + "\"\n"
                + ROW.replace("2024-01-05", "2024-01-08"));

        assertThat(read()).extracting(DailyBar::date).containsExactly(LocalDate.of(2024, 1, 8));
        assertThat(log.lines).containsExactly(
                "WARN Skipping " + dir.resolve("IBM.csv") + " line 3: Close '12?[31mred??WARN for...' is not a"
                        + " number",
                "WARN Skipping " + dir.resolve("IBM.csv") + " line 4: Volume '5?xxxxxxxxxxxxxxxxxx...' is not a whole"
                        + " number");
    }

    @Test
    void sums_up_the_skipped_rows_of_a_file_past_the_first_ten() throws IOException {
        StringBuilder rows = new StringBuilder(HEADER);
        for (int day = 0; day < 1000; day++) {
            rows.append(LocalDate.of(2020, 1, 1).plusDays(day)).append(",1,1,1,,1,100\n");
        }
        Files.writeString(dir.resolve("IBM.csv"), rows.append(ROW));

        assertThat(read()).hasSize(1);
        assertThat(log.lines).hasSize(11).last().isEqualTo("WARN Skipped 990 more rows of " + dir.resolve("IBM.csv")
                + ": 990 that cannot be a bar");
    }

    private List<DailyBar> read() {
        try (Stream<DailyBar> bars = provider().dailyBars(IBM, ALL)) {
            return bars.toList();
        }
    }

    private CsvPriceProvider provider() {
        return new CsvPriceProvider(new CsvSettings(dir), log);
    }

    private static boolean mkfifo(Path path) throws InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
