package org.stockticker.history;

import java.util.Map;
import java.util.Set;

/**
 * The settings of the CSV provider: a directory of {@code SYMBOL.csv} files (Yahoo Finance's download layout), with
 * optional {@code SYMBOL.splits.csv}, {@code SYMBOL.dividends.csv} and {@code tickers.csv}. It makes no request, so
 * it has no budget.
 */
public final class CsvSettings extends ProviderSettings {

    static final String NAME = "csv";
    static final String PATH = "path";
    static final Set<String> SETTINGS = Set.of(PATH);

    CsvSettings(Map<String, Object> values) {
        super(NAME, values);
    }
}
