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
import org.stockticker.adapters.contract.DividendFixture;
import org.stockticker.adapters.contract.DividendsContractTest;
import org.stockticker.application.port.out.CorporateActionsPort;
import org.stockticker.domain.Symbol;

/**
 * The CSV adapter's dividends from files: a symbol's prices in {@code SYMBOL.csv} and, where it has dividends, those
 * in {@code SYMBOL.dividends.csv} with every column filled in; a symbol with neither file is one the directory does
 * not know.
 */
class CsvDividendsContractTest extends DividendsContractTest {

    @TempDir
    Path directory;

    @Override
    protected CorporateActionsPort provider() {
        return new CsvPriceProvider(new CsvSettings(directory), NOPLogger.NOP_LOGGER);
    }

    @Override
    protected void serveDividends(Symbol symbol, List<DividendFixture> dividends) {
        write(symbol + ".csv", CsvPriceProvider.PRICES.header() + "\n2024-01-05,1,1,1,1,1,100\n");
        if (!dividends.isEmpty()) {
            write(symbol + ".dividends.csv", CsvCorporateActions.DIVIDENDS.header() + "\n" + dividends.stream()
                    .map(CsvDividendsContractTest::row).collect(Collectors.joining("\n")));
        }
    }

    @Override
    protected void serveUnknown(Symbol symbol) {
        // A symbol the directory has no file for is unknown.
    }

    @Override
    protected boolean tellsUnknownSymbols() {
        return true;
    }

    /** The dividend as a row of the dividends file, an empty cell where a value is unknown. */
    private static String row(DividendFixture dividend) {
        return Stream.of(dividend.exDividendDate(), dividend.cashAmount(), dividend.currency(),
                        dividend.declarationDate(), dividend.recordDate(), dividend.payDate(), dividend.frequency(),
                        dividend.distributionType())
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
