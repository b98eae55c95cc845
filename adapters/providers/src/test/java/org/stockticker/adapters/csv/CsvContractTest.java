package org.stockticker.adapters.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.stockticker.adapters.contract.ContractBar;
import org.stockticker.adapters.contract.PriceProviderContractTest;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.domain.Symbol;

/** The CSV adapter against files in the common export layout, rows newest first as some exports write them. */
class CsvContractTest extends PriceProviderContractTest {

    @TempDir
    Path directory;

    @Override
    protected PriceProviderPort provider() {
        return new CsvPriceProvider(new CsvSettings(directory));
    }

    @Override
    protected boolean reportsAdjustedClose() {
        return true;
    }

    @Override
    protected void serve(Symbol symbol, List<ContractBar> bars) {
        List<ContractBar> newestFirst = new ArrayList<>(bars);
        java.util.Collections.reverse(newestFirst);
        String rows = newestFirst.stream()
                .map(bar -> String.join(",", bar.date().toString(), bar.open(), bar.high(), bar.low(), bar.close(),
                        bar.adjustedClose(), Long.toString(bar.volume())))
                .collect(Collectors.joining("\n"));
        try {
            Files.writeString(directory.resolve(symbol + ".csv"), "Date,Open,High,Low,Close,Adj Close,Volume\n" + rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void serveUnknown(Symbol symbol) {
        // A symbol the directory has no file for is unknown.
    }
}
