package org.stockticker.domain;

import java.util.List;
import java.util.Set;

/** The daily price stream: one record per symbol and trading day. */
public final class StockPrices {

    public static final String STREAM_NAME = "stock_prices";

    public static final StreamDefinition<DailyBar> STREAM = new StreamDefinition<>(
            STREAM_NAME,
            List.of(
                    StreamField.of("symbol", FieldType.STRING, false, DailyBar::symbol),
                    StreamField.of("date", FieldType.DATE, false, DailyBar::date),
                    StreamField.of("open", FieldType.NUMBER, true, DailyBar::open),
                    StreamField.of("high", FieldType.NUMBER, true, DailyBar::high),
                    StreamField.of("low", FieldType.NUMBER, true, DailyBar::low),
                    StreamField.of("close", FieldType.NUMBER, false, DailyBar::close),
                    StreamField.of("volume", FieldType.INTEGER, true, DailyBar::volume),
                    StreamField.of("adjusted_close", FieldType.NUMBER, true, DailyBar::adjustedClose),
                    StreamField.providerName()),
            List.of("symbol", "date"),
            "date",
            Partitioning.BY_SYMBOL,
            Set.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL));

    private StockPrices() {
    }
}
