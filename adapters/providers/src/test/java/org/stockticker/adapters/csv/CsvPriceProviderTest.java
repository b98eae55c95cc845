package org.stockticker.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockticker.application.port.out.ProviderReach;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.application.port.out.UnreadableSymbolException;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

class CsvPriceProviderTest {

    private static final String HEADER = "Date,Open,High,Low,Close,Adj Close,Volume\n";
    private static final Symbol IBM = new Symbol("IBM");
    private static final DateWindow ALL = new DateWindow(LocalDate.of(2000, 1, 1), LocalDate.of(2030, 12, 31));

    @TempDir
    Path dir;

    @Test
    void reaches_one_symbol_a_file_that_may_carry_an_adjusted_close_unpaced() {
        assertThat(provider().reach()).isEqualTo(ProviderReach.perSymbol(true, ProviderReach.UNPACED));
    }

    @Test
    void is_named_csv() {
        assertThat(provider().name()).isEqualTo("csv");
    }

    @Test
    void keeps_prices_exactly_as_written_including_their_scale() throws IOException {
        write("IBM", HEADER + "2024-01-05,181.9900,182.7600,180.1700,181.1800,179.5012345678901234,62379661\n");

        DailyBar bar = read(IBM, ALL).get(0);

        assertThat(bar.symbol()).isEqualTo(IBM);
        assertThat(bar.date()).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(bar.open()).isEqualTo(new BigDecimal("181.9900"));
        assertThat(bar.open().scale()).isEqualTo(4);
        assertThat(bar.high()).isEqualTo(new BigDecimal("182.7600"));
        assertThat(bar.low()).isEqualTo(new BigDecimal("180.1700"));
        assertThat(bar.close()).isEqualTo(new BigDecimal("181.1800"));
        assertThat(bar.adjustedClose()).isEqualTo(new BigDecimal("179.5012345678901234"));
        assertThat(bar.volume()).isEqualTo(62_379_661L);
    }

    @Test
    void returns_bars_in_ascending_date_order_from_a_descending_file() throws IOException {
        write("IBM", HEADER
                + "2024-01-05,3,3,3,3,3,300\n"
                + "2024-01-04,2,2,2,2,2,200\n"
                + "2024-01-03,1,1,1,1,1,100\n");

        assertThat(read(IBM, ALL)).extracting(DailyBar::date).containsExactly(
                LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 5));
    }

    @Test
    void sorts_a_file_in_no_particular_order() throws IOException {
        write("IBM", HEADER
                + "2024-01-04,2,2,2,2,2,200\n"
                + "2024-01-05,3,3,3,3,3,300\n"
                + "2024-01-03,1,1,1,1,1,100\n");

        assertThat(read(IBM, ALL)).extracting(DailyBar::close).containsExactly(
                new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("3"));
    }

    @Test
    void returns_only_the_days_inside_the_window_both_ends_included() throws IOException {
        write("IBM", HEADER
                + "2024-01-02,1,1,1,1,1,100\n"
                + "2024-01-03,1,1,1,1,1,100\n"
                + "2024-01-04,1,1,1,1,1,100\n"
                + "2024-01-05,1,1,1,1,1,100\n"
                + "2024-01-08,1,1,1,1,1,100\n");

        List<DailyBar> bars = read(IBM, new DateWindow(LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 5)));

        assertThat(bars).extracting(DailyBar::date).containsExactly(
                LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 5));
    }

    @Test
    void leaves_the_adjusted_close_null_when_the_file_has_no_adj_close_column() throws IOException {
        write("IBM", "Date,Open,High,Low,Close,Volume\n2024-01-05,1.5,2.5,1.25,2,100\n");

        DailyBar bar = read(IBM, ALL).get(0);

        assertThat(bar.close()).isEqualTo(new BigDecimal("2"));
        assertThat(bar.volume()).isEqualTo(100L);
        assertThat(bar.adjustedClose()).isNull();
    }

    @Test
    void reads_empty_null_and_nan_cells_as_missing_values() throws IOException {
        write("IBM", HEADER
                + "2024-01-03,,,,10.5,,\n"
                + "2024-01-04,null,NULL,nan,11.5,NaN,null\n");

        List<DailyBar> bars = read(IBM, ALL);

        assertThat(bars).hasSize(2).allSatisfy(bar -> {
            assertThat(bar.open()).isNull();
            assertThat(bar.high()).isNull();
            assertThat(bar.low()).isNull();
            assertThat(bar.adjustedClose()).isNull();
            assertThat(bar.volume()).isNull();
        });
        assertThat(bars).extracting(DailyBar::close).containsExactly(new BigDecimal("10.5"), new BigDecimal("11.5"));
    }

    @Test
    void reads_a_whole_volume_written_with_a_decimal_point() throws IOException {
        write("IBM", HEADER + "2024-01-05,1,1,1,1,1,123.0\n");

        assertThat(read(IBM, ALL).get(0).volume()).isEqualTo(123L);
    }

    @Test
    void skips_rows_that_cannot_be_a_bar_and_keeps_the_others() throws IOException {
        write("IBM", HEADER
                + "2024-01-02,1,1,1,1,1,100\n"
                + "2024-01-03,1,1,1,,1,100\n"          // no close
                + "01/04/2024,1,1,1,1,1,100\n"         // not an ISO date
                + ",1,1,1,1,1,100\n"                   // no date
                + "2024-01-05,1,abc,1,1,1,100\n"       // high is not a number
                + "2024-01-08,1,1,1,1,1,12.5\n"        // fractional volume
                + "2024-01-09,1,1,2,1,1,100\n"         // high below low
                + "2024-01-10,1,1,1,-1,1,100\n"        // negative close
                + "2024-01-11,1,1,1,1,1,100,extra\n"   // more cells than the header
                + "2024-01-12,2,2,2,2,2,200\n");

        assertThat(read(IBM, ALL)).extracting(DailyBar::date).containsExactly(
                LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 12));
    }

    @Test
    void skips_rows_with_absurd_numbers_at_once_and_keeps_the_others() throws IOException {
        write("IBM", HEADER
                + "2024-01-02,1,1,1,1,1,100\n"
                + "2024-01-03,1,1,1,1e999999999,1,100\n"
                + "2024-01-04,1,1,1,1E-999999999,1,100\n"
                + "2024-01-05,-1e999999999,1,1,1,1,100\n"
                + "2024-01-08,1,1,1," + "9".repeat(500) + ",1,100\n"
                + "2024-01-09,1,1,1,1,1,1e30\n"
                + "2024-01-10,1,1,1,1,1,123456789012345678901234\n"
                + "2024-01-11,1,1,1,1,1,1e999999999\n"
                + "2024-01-12,1,1,1,1," + "1".repeat(100_000) + ",100\n"
                + "2024-01-16,2,2,2,2,2,200\n");

        List<DailyBar> bars = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> read(IBM, ALL));

        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 16));
    }

    @Test
    void keeps_the_first_row_of_a_repeated_date() throws IOException {
        write("IBM", HEADER
                + "2024-01-04,1,1,1,1,1,100\n"
                + "2024-01-03,5,5,5,5,5,500\n"
                + "2024-01-04,9,9,9,9,9,900\n");

        List<DailyBar> bars = read(IBM, ALL);

        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 4));
        assertThat(bars.get(1).close()).isEqualTo(new BigDecimal("1"));
    }

    @Test
    void finds_columns_by_name_in_any_case_and_order_ignoring_extra_columns() throws IOException {
        write("IBM", " volume ,CLOSE,Dividends, adj close ,date,LOW,high,Open\n"
                + "100,2.5,0.1,2.4,2024-01-05,2.0,3.0,2.25\n");

        DailyBar bar = read(IBM, ALL).get(0);

        assertThat(bar).isEqualTo(new DailyBar(IBM, LocalDate.of(2024, 1, 5), new BigDecimal("2.25"),
                new BigDecimal("3.0"), new BigDecimal("2.0"), new BigDecimal("2.5"), 100L, new BigDecimal("2.4")));
    }

    @Test
    void reads_a_file_that_starts_with_a_byte_order_mark() throws IOException {
        Files.write(dir.resolve("IBM.csv"),
                ("\uFEFF" + HEADER + "2024-01-05,1,1,1,1,1,100\n").getBytes(StandardCharsets.UTF_8));

        assertThat(read(IBM, ALL)).extracting(DailyBar::date).containsExactly(LocalDate.of(2024, 1, 5));
    }

    @Test
    void reads_a_symbol_with_a_dot_from_its_own_file() throws IOException {
        write("BRK.B", HEADER + "2024-01-05,1,1,1,350.25,1,100\n");

        assertThat(read(new Symbol("BRK.B"), ALL)).extracting(DailyBar::close)
                .containsExactly(new BigDecimal("350.25"));
    }

    @Test
    void reports_a_symbol_without_a_file_as_unknown() {
        Symbol missing = new Symbol("ZZZZ");

        assertThatThrownBy(() -> read(missing, ALL))
                .isInstanceOfSatisfying(UnknownSymbolException.class, e -> assertThat(e.symbol()).isEqualTo(missing))
                .hasMessageContaining("ZZZZ")
                .hasMessageContaining("csv");
        assertThatThrownBy(() -> provider().verify(missing)).isInstanceOf(UnknownSymbolException.class);
    }

    @Test
    void refuses_a_file_without_a_close_column_naming_the_file_and_the_column() throws IOException {
        Path file = write("IBM", "Date,Open,High,Low,Adj Close,Volume\n2024-01-05,1,1,1,1,100\n");

        assertThatThrownBy(() -> read(IBM, ALL))
                .isInstanceOf(UnreadableSymbolException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("no Close column");
        assertThatThrownBy(() -> provider().verify(IBM))
                .isInstanceOf(UnreadableSymbolException.class)
                .hasMessageContaining("no Close column");
    }

    @Test
    void refuses_a_file_without_a_date_column() throws IOException {
        write("IBM", "Day,Close\n2024-01-05,1\n");

        assertThatThrownBy(() -> provider().verify(IBM))
                .isInstanceOf(UnreadableSymbolException.class)
                .hasMessageContaining("no Date column");
    }

    @Test
    void refuses_an_empty_file() throws IOException {
        Path file = write("IBM", "");

        assertThatThrownBy(() -> provider().verify(IBM))
                .isInstanceOf(UnreadableSymbolException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("no header line");
    }

    @Test
    void refuses_a_file_that_names_a_column_twice() throws IOException {
        write("IBM", "Date,Close,close\n2024-01-05,1,2\n");

        assertThatThrownBy(() -> provider().verify(IBM))
                .isInstanceOf(UnreadableSymbolException.class)
                .hasMessageContaining("names column close twice");
    }

    @Test
    void refuses_a_file_whose_quotes_do_not_close() throws IOException {
        Path file = write("IBM", HEADER + "2024-01-05,1,1,1,\"1,1,100\n");

        assertThatThrownBy(() -> read(IBM, ALL))
                .isInstanceOf(UnreadableSymbolException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid CSV");
    }

    @Test
    void verifies_a_file_with_a_valid_header_and_no_rows() throws IOException {
        write("IBM", HEADER);

        assertThatCode(() -> provider().verify(IBM)).doesNotThrowAnyException();
        assertThat(read(IBM, ALL)).isEmpty();
    }

    private CsvPriceProvider provider() {
        return new CsvPriceProvider(new CsvSettings(dir));
    }

    private List<DailyBar> read(Symbol symbol, DateWindow window) {
        try (Stream<DailyBar> bars = provider().dailyBars(symbol, window)) {
            return bars.toList();
        }
    }

    private Path write(String symbol, String content) throws IOException {
        return Files.writeString(dir.resolve(symbol + ".csv"), content);
    }
}
