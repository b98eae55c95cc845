package org.stockticker.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockticker.adapters.provider.RecordingLogger;
import org.stockticker.application.port.out.UnreadableSymbolException;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

/**
 * Splits and dividends from the companion files {@code SYMBOL.splits.csv} and {@code SYMBOL.dividends.csv}, beyond
 * what {@link CsvSplitsContractTest} and {@link CsvDividendsContractTest} prove of every provider.
 */
class CsvCorporateActionsTest {

    private static final String PRICES = "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-05,1,1,1,1,1,100\n";
    private static final String SPLITS = "Date,From,To\n";
    private static final String DIVIDENDS = "Ex Date,Amount,Currency,Declaration Date,Record Date,Pay Date,Frequency,"
            + "Type\n";
    private static final Symbol AAPL = new Symbol("AAPL");
    private static final DateWindow ALL = new DateWindow(LocalDate.of(2000, 1, 1), LocalDate.of(2030, 12, 31));

    @TempDir
    Path dir;

    @TempDir
    Path elsewhere;

    private final RecordingLogger log = new RecordingLogger();

    @Test
    void keeps_ratios_and_amounts_with_many_decimals_exactly_as_written() throws IOException {
        prices("AAPL");
        write("AAPL.splits.csv", SPLITS + "2021-03-01,1.000000000000000001,3.14159265358979323\n");
        write("AAPL.dividends.csv", DIVIDENDS + "2021-03-01,0.12345678901234567890,USD,,,,,\n");

        Split split = splits(AAPL, ALL).get(0);
        Dividend dividend = dividends(AAPL, ALL).get(0);

        assertThat(split.splitFrom().toPlainString()).isEqualTo("1.000000000000000001");
        assertThat(split.splitTo().toPlainString()).isEqualTo("3.14159265358979323");
        assertThat(dividend.cashAmount().toPlainString()).isEqualTo("0.12345678901234567890");
    }

    @Test
    void reads_a_dividend_with_every_column() throws IOException {
        prices("AAPL");
        write("AAPL.dividends.csv", DIVIDENDS + "2024-11-08,0.2500,usd,2024-10-31,2024-11-11,2024-11-14,4,Regular\n");

        assertThat(dividends(AAPL, ALL)).containsExactly(new Dividend(AAPL, LocalDate.of(2024, 11, 8),
                new BigDecimal("0.2500"), "USD", LocalDate.of(2024, 10, 31), LocalDate.of(2024, 11, 11),
                LocalDate.of(2024, 11, 14), 4, "regular"));
    }

    @Test
    void reads_a_dividend_of_ex_date_and_amount_alone_as_regular_with_the_rest_unknown() throws IOException {
        prices("AAPL");
        write("AAPL.dividends.csv", "amount , ex date\n0.77,2019-02-08\n");

        assertThat(dividends(AAPL, ALL)).containsExactly(new Dividend(AAPL, LocalDate.of(2019, 2, 8),
                new BigDecimal("0.77"), null, null, null, null, null, "regular"));
    }

    @Test
    void keeps_a_special_dividend_on_the_ex_date_of_a_regular_one_both_in_file_order() throws IOException {
        prices("AAPL");
        write("AAPL.dividends.csv", DIVIDENDS
                + "2024-12-02,3.00,USD,,,,0,Special\n"
                + "2024-11-08,0.25,USD,,,,4,\n"
                + "2024-12-02,0.25,USD,,,,4,regular\n");

        List<Dividend> dividends = dividends(AAPL, ALL);

        assertThat(dividends).extracting(Dividend::exDividendDate, Dividend::distributionType, Dividend::cashAmount)
                .containsExactly(
                        tuple(LocalDate.of(2024, 11, 8), "regular", new BigDecimal("0.25")),
                        tuple(LocalDate.of(2024, 12, 2), "special", new BigDecimal("3.00")),
                        tuple(LocalDate.of(2024, 12, 2), "regular", new BigDecimal("0.25")));
        assertThat(dividends.get(1).frequency()).isZero();
        assertThat(log.lines).isEmpty();
    }

    @Test
    void answers_the_events_of_the_window_ascending_from_a_file_in_any_order() throws IOException {
        prices("AAPL");
        write("AAPL.splits.csv", SPLITS + "2020-08-31,1,4\n2005-02-28,1,2\n2014-06-09,1,7\n2000-06-21,1,2\n");
        write("AAPL.dividends.csv", DIVIDENDS + "2024-11-08,0.25,,,,,,\n2024-02-09,0.24,,,,,,\n"
                + "2024-05-10,0.25,,,,,,\n2023-11-10,0.24,,,,,,\n");
        DateWindow window = new DateWindow(LocalDate.of(2005, 2, 28), LocalDate.of(2024, 5, 10));

        assertThat(splits(AAPL, window)).extracting(Split::executionDate).containsExactly(
                LocalDate.of(2005, 2, 28), LocalDate.of(2014, 6, 9), LocalDate.of(2020, 8, 31));
        assertThat(dividends(AAPL, window)).extracting(Dividend::exDividendDate).containsExactly(
                LocalDate.of(2023, 11, 10), LocalDate.of(2024, 2, 9), LocalDate.of(2024, 5, 10));
    }

    @Test
    void answers_no_event_for_a_symbol_without_companion_files_or_with_a_header_alone() throws IOException {
        prices("AAPL");
        prices("MSFT");
        write("MSFT.splits.csv", SPLITS);
        write("MSFT.dividends.csv", DIVIDENDS);

        assertThat(splits(AAPL, ALL)).isEmpty();
        assertThat(dividends(AAPL, ALL)).isEmpty();
        assertThat(splits(new Symbol("MSFT"), ALL)).isEmpty();
        assertThat(dividends(new Symbol("MSFT"), ALL)).isEmpty();
        assertThat(log.lines).isEmpty();
    }

    @Test
    void reads_the_events_of_a_symbol_with_companion_files_but_no_prices() throws IOException {
        write("AAPL.splits.csv", SPLITS + "2020-08-31,1,4\n");

        assertThat(splits(AAPL, ALL)).hasSize(1);
    }

    @Test
    void skips_splits_that_cannot_be_one_with_a_warning_naming_file_and_line() throws IOException {
        prices("AAPL");
        Path file = write("AAPL.splits.csv", SPLITS
                + "2020-08-31,1,4\n"
                + ",1,2\n"                  // no date
                + "2021-01-04,0,2\n"        // zero
                + "2021-01-05,1,-2\n"       // negative
                + "2021-01-06,1,\n"         // no ratio
                + "2021-01-07,one,2\n"      // not a number
                + "2020-08-31,1,2\n"        // a second split that day
                + "2022-07-18,1,20\n");

        assertThat(splits(AAPL, ALL)).extracting(Split::executionDate)
                .containsExactly(LocalDate.of(2020, 8, 31), LocalDate.of(2022, 7, 18));
        assertThat(log.lines).containsExactly(
                "WARN Skipping " + file + " line 3: no date",
                "WARN Skipping " + file + " line 4: split_from 0 is not a positive split ratio",
                "WARN Skipping " + file + " line 5: split_to -2 is not a positive split ratio",
                "WARN Skipping " + file + " line 6: no to",
                "WARN Skipping " + file + " line 7: From 'one' is not a number",
                "WARN Skipping " + file + " line 8: a split on 2020-08-31 appears again; the first row of that day is"
                        + " kept");
    }

    @Test
    void skips_dividends_that_cannot_be_one_and_keeps_one_with_an_unknown_currency_without_it() throws IOException {
        prices("AAPL");
        Path file = write("AAPL.dividends.csv", DIVIDENDS
                + "2024-02-09,0.24,USD,,,,4,\n"
                + ",0.24,USD,,,,4,\n"                   // no ex date
                + "2024-05-10,0,USD,,,,4,\n"            // zero
                + "2024-05-11,-0.25,USD,,,,4,\n"        // negative
                + "2024-05-12,,USD,,,,4,\n"             // no amount
                + "2024-05-13,0.25,USD,,,,quarterly,\n" // frequency not a number
                + "2024-05-14,0.25,USD,05/01/2024,,,4,\n" // declaration date not YYYY-MM-DD
                + "2024-02-09,0.24,USD,,,,4,regular\n"  // the same dividend again
                + "2024-08-12,0.25,XYZ,,,,4,\n");       // unknown currency: kept without it

        List<Dividend> dividends = dividends(AAPL, ALL);

        assertThat(dividends).extracting(Dividend::exDividendDate)
                .containsExactly(LocalDate.of(2024, 2, 9), LocalDate.of(2024, 8, 12));
        assertThat(dividends.get(1).currency()).isNull();
        assertThat(log.lines).containsExactly(
                "WARN Skipping " + file + " line 3: no ex date",
                "WARN Skipping " + file + " line 4: cash_amount 0 is not a positive cash amount",
                "WARN Skipping " + file + " line 5: cash_amount -0.25 is not a positive cash amount",
                "WARN Skipping " + file + " line 6: no amount",
                "WARN Skipping " + file + " line 7: frequency 'quarterly' is not a whole number of payments a year",
                "WARN Skipping " + file + " line 8: declaration date '05/01/2024' is not a YYYY-MM-DD day",
                "WARN Skipping " + file + " line 9: a regular dividend on 2024-02-09 appears again; the first row of"
                        + " that dividend is kept",
                "WARN " + file + " line 10: currency 'XYZ' is not an ISO 4217 code; the dividend is kept without a"
                        + " currency");
    }

    @Test
    void refuses_a_companion_file_without_a_required_column_naming_it() throws IOException {
        prices("AAPL");
        Path file = write("AAPL.dividends.csv", "Ex Date,Currency\n2024-02-09,USD\n");

        assertThatThrownBy(() -> dividends(AAPL, ALL))
                .isInstanceOf(UnreadableSymbolException.class)
                .hasMessage(file + " has no Amount column; its header must name Ex Date,Amount,Currency,Declaration"
                        + " Date,Record Date,Pay Date,Frequency,Type (Currency, Declaration Date, Record Date, Pay"
                        + " Date, Frequency and Type may be left out)");
    }

    @Test
    void refuses_a_companion_file_that_is_a_symbolic_link_leading_outside_the_directory() throws IOException {
        prices("AAPL");
        Path secret = Files.writeString(elsewhere.resolve("secret.csv"), SPLITS + "2020-08-31,1,4\n");
        Path link = Files.createSymbolicLink(dir.resolve("AAPL.splits.csv"), secret);

        assertThatThrownBy(() -> splits(AAPL, ALL))
                .isInstanceOf(UnreadableSymbolException.class)
                .hasMessage(link + " is a symbolic link leading outside " + dir.toAbsolutePath().normalize()
                        + "; provider csv reads only regular files directly inside its path, so it was not read");
    }

    @Test
    void refuses_a_directory_named_like_a_companion_file_and_follows_a_link_to_a_file_inside() throws IOException {
        prices("AAPL");
        Files.createDirectory(dir.resolve("AAPL.dividends.csv"));
        Path inside = write("aapl-splits.txt", SPLITS + "2020-08-31,1,4\n");
        Files.createSymbolicLink(dir.resolve("AAPL.splits.csv"), inside);

        assertThatThrownBy(() -> dividends(AAPL, ALL))
                .isInstanceOf(UnreadableSymbolException.class)
                .hasMessageContaining("AAPL.dividends.csv is a directory, not a file");
        assertThat(splits(AAPL, ALL)).hasSize(1);
    }

    private List<Split> splits(Symbol symbol, DateWindow window) {
        try (Stream<Split> splits = provider().splits(symbol, window)) {
            return splits.toList();
        }
    }

    private List<Dividend> dividends(Symbol symbol, DateWindow window) {
        try (Stream<Dividend> dividends = provider().dividends(symbol, window)) {
            return dividends.toList();
        }
    }

    private CsvPriceProvider provider() {
        return new CsvPriceProvider(new CsvSettings(dir), log);
    }

    private void prices(String symbol) throws IOException {
        write(symbol + ".csv", PRICES);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
