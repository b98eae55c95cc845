package org.stockticker.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockticker.adapters.provider.RecordingLogger;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.application.port.out.UnreadableSymbolException;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Symbol;

/**
 * Listings from {@code tickers.csv}, and the listing of a symbol that has prices but no row there, beyond what
 * {@link CsvListingsContractTest} proves of every provider.
 */
class CsvListingsTest {

    private static final String PRICES = "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-05,1,1,1,1,1,100\n";
    private static final String TICKERS = "Symbol,Name,Exchange,Type,Currency,Active,List Date,Delisted Date\n";
    private static final Symbol AAPL = new Symbol("AAPL");

    @TempDir
    Path dir;

    @TempDir
    Path elsewhere;

    private final RecordingLogger log = new RecordingLogger();

    @Test
    void reads_a_listing_with_every_column() throws IOException {
        write("tickers.csv", TICKERS
                + "AAPL,Apple Inc.,XNAS,CS,USD,true,1980-12-12,\n"
                + "twtr,\"Twitter, Inc.\",XNYS,CS,usd,false,2013-11-07,2022-11-08\n");
        CsvPriceProvider provider = provider();

        assertThat(provider.listing(AAPL)).isEqualTo(new Listing(AAPL, "Apple Inc.", "XNAS", "CS", "USD", true,
                LocalDate.of(1980, 12, 12), null));
        assertThat(provider.listing(new Symbol("TWTR"))).isEqualTo(new Listing(new Symbol("TWTR"), "Twitter, Inc.",
                "XNYS", "CS", "USD", false, LocalDate.of(2013, 11, 7), LocalDate.of(2022, 11, 8)));
    }

    @Test
    void reads_a_listing_of_the_symbol_alone_as_active_unless_it_names_a_delisting_date() throws IOException {
        write("tickers.csv", "symbol,delisted date\nAAPL,\nTWTR,2022-11-08\n");
        CsvPriceProvider provider = provider();

        assertThat(provider.listing(AAPL)).isEqualTo(new Listing(AAPL, null, null, null, null, true, null, null));
        assertThat(provider.listing(new Symbol("TWTR")).active()).isFalse();
    }

    @Test
    void answers_a_symbol_with_prices_but_no_row_as_the_symbol_alone_still_trading() throws IOException {
        write("MSFT.csv", PRICES);
        write("tickers.csv", TICKERS + "AAPL,Apple Inc.,XNAS,CS,USD,true,1980-12-12,\n");

        assertThat(provider().listing(new Symbol("MSFT")))
                .isEqualTo(new Listing(new Symbol("MSFT"), null, null, null, null, true, null, null));
    }

    @Test
    void answers_from_the_price_files_alone_when_there_is_no_tickers_file() throws IOException {
        write("MSFT.csv", PRICES);

        assertThat(provider().listing(new Symbol("MSFT")).active()).isTrue();
        assertThat(log.lines).isEmpty();
    }

    @Test
    void skips_rows_that_cannot_be_a_listing_with_a_warning_naming_file_and_line() throws IOException {
        Path file = write("tickers.csv", TICKERS
                + "AAPL,Apple Inc.,XNAS,CS,USD,true,1980-12-12,\n"
                + ",No Symbol,XNAS,CS,USD,true,,\n"
                + "BAD/SYM,Slash,XNAS,CS,USD,true,,\n"
                + "MSFT,Microsoft,XNAS,CS,USD,maybe,,\n"
                + "IBM,IBM,XNYS,CS,USD,false,2020-01-02,2019-01-02\n"
                + "GE,GE,XNYS,CS,USD,true,,2020-01-02\n"
                + "aapl,Apple again,XNAS,CS,USD,true,,\n"
                + "SHOP,Shopify,XNYS,CS,Dollars,true,,\n");
        CsvPriceProvider provider = provider();

        assertThat(provider.listing(AAPL).name()).isEqualTo("Apple Inc.");
        assertThat(provider.listing(new Symbol("SHOP")).currency()).isNull();
        assertThat(log.lines).containsExactly(
                "WARN Skipping " + file + " line 3: no symbol",
                "WARN Skipping " + file + " line 4: symbol 'BAD/SYM' is invalid: use 1 to 20 upper-case letters and"
                        + " digits, with single '.' or '-' between them",
                "WARN Skipping " + file + " line 5: active 'maybe' is neither true nor false",
                "WARN Skipping " + file + " line 6: delisted_date 2019-01-02 is before list_date 2020-01-02",
                "WARN Skipping " + file + " line 7: GE is active but delisted on 2020-01-02",
                "WARN Skipping " + file + " line 8: AAPL appears again; its first row is kept",
                "WARN " + file + " line 9: currency 'Dollars' is not an ISO 4217 code; the listing is kept without a"
                        + " currency");
        assertThatThrownBy(() -> provider.listing(new Symbol("MSFT"))).isInstanceOf(UnknownSymbolException.class);
    }

    @Test
    void reads_the_tickers_file_once_however_many_symbols_are_asked_for_on_however_many_threads() throws Exception {
        Path file = write("tickers.csv", TICKERS + "AAPL,Apple Inc.,XNAS,CS,USD,true,,\nMSFT,Microsoft,XNAS,CS,USD,"
                + "true,,\n,no symbol,,,,,,\n");
        CsvPriceProvider provider = provider();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Listing>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Symbol symbol = i % 2 == 0 ? AAPL : new Symbol("MSFT");
                Callable<Listing> ask = () -> {
                    start.await();
                    return provider.listing(symbol);
                };
                answers.add(pool.submit(ask));
            }
            start.countDown();
            for (Future<Listing> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS).name()).isIn("Apple Inc.", "Microsoft");
            }
        } finally {
            pool.shutdownNow();
        }
        Files.delete(file);

        // The one bad row was reported by the one reading, and the file is not read again.
        assertThat(log.lines).containsExactly("WARN Skipping " + file + " line 4: no symbol");
        assertThat(provider.listing(AAPL).name()).isEqualTo("Apple Inc.");
    }

    @Test
    void refuses_a_tickers_file_that_is_a_symbolic_link_leading_outside_the_directory() throws IOException {
        write("AAPL.csv", PRICES);
        Path secret = Files.writeString(elsewhere.resolve("tickers.csv"), TICKERS + "AAPL,Apple,XNAS,CS,USD,,,\n");
        Path link = Files.createSymbolicLink(dir.resolve("tickers.csv"), secret);

        assertThatThrownBy(() -> provider().listing(AAPL))
                .isInstanceOf(UnreadableSymbolException.class)
                .hasMessage(link + " is a symbolic link leading outside " + dir.toAbsolutePath().normalize()
                        + "; provider csv reads only regular files directly inside its path, so it was not read");
    }

    private CsvPriceProvider provider() {
        return new CsvPriceProvider(new CsvSettings(dir), log);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
