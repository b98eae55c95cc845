package org.stockticker.adapters.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.helpers.NOPLogger;
import org.stockticker.adapters.contract.SplitFixture;
import org.stockticker.adapters.contract.SplitsContractTest;
import org.stockticker.application.port.out.CorporateActionsPort;
import org.stockticker.domain.Symbol;

/**
 * The CSV adapter's splits from files: a symbol's prices in {@code SYMBOL.csv} and, where it has splits, those in
 * {@code SYMBOL.splits.csv} ({@code Date,From,To}); a symbol with neither file is one the directory does not know.
 */
class CsvSplitsContractTest extends SplitsContractTest {

    @TempDir
    Path directory;

    @Override
    protected CorporateActionsPort provider() {
        return new CsvPriceProvider(new CsvSettings(directory), NOPLogger.NOP_LOGGER);
    }

    @Override
    protected void serveSplits(Symbol symbol, List<SplitFixture> splits) {
        write(symbol + ".csv", CsvPriceProvider.PRICES.header() + "\n2024-01-05,1,1,1,1,1,100\n");
        if (!splits.isEmpty()) {
            write(symbol + ".splits.csv", CsvCorporateActions.SPLITS.header() + "\n" + splits.stream()
                    .map(split -> String.join(",", split.executionDate().toString(), split.splitFrom(),
                            split.splitTo()))
                    .collect(Collectors.joining("\n")));
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

    private void write(String name, String content) {
        try {
            Files.writeString(directory.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
