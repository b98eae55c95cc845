package org.stockticker.adapters.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.helpers.NOPLogger;
import org.stockticker.adapters.contract.ListingFixture;
import org.stockticker.adapters.contract.ListingsContractTest;
import org.stockticker.application.port.out.ListingsPort;
import org.stockticker.domain.Symbol;

/**
 * The CSV adapter's listings from {@code tickers.csv}, one row a symbol with every column filled in; a symbol with
 * neither a row nor a price file is one the directory does not know.
 */
class CsvListingsContractTest extends ListingsContractTest {

    @TempDir
    Path directory;

    @Override
    protected ListingsPort provider() {
        return new CsvPriceProvider(new CsvSettings(directory), NOPLogger.NOP_LOGGER);
    }

    @Override
    protected void serveListings(List<ListingFixture> listings) {
        write(CsvListings.FILE, CsvListings.TICKERS.header() + "\n" + listings.stream()
                .map(CsvListingsContractTest::row).collect(Collectors.joining("\n")));
    }

    @Override
    protected void serveUnknown(Symbol symbol) {
        // A symbol with neither a row nor a price file is unknown.
    }

    /** The listing as a row of the tickers file, an empty cell where a value is unknown. */
    private static String row(ListingFixture listing) {
        return Stream.of(listing.symbol(), listing.name(), listing.exchange(), listing.type(), listing.currency(),
                        listing.active(), listing.listDate(), listing.delistedDate())
                .map(value -> Objects.toString(value, "")).collect(Collectors.joining(","));
    }

    private void write(String name, String content) {
        try {
            Files.writeString(directory.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
