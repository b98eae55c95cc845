package org.stockticker.domain;

import java.util.List;
import java.util.Set;

/** The daily price stream: one record per symbol and trading day. */
public final class StockPrices {

    public static final String STREAM_NAME = "stock_prices";

    public static final StreamDefinition STREAM = new StreamDefinition(
            STREAM_NAME,
            List.of(
                    new StreamField("symbol", FieldType.STRING, false),
                    new StreamField("date", FieldType.DATE, false),
                    new StreamField("open", FieldType.NUMBER, true),
                    new StreamField("high", FieldType.NUMBER, true),
                    new StreamField("low", FieldType.NUMBER, true),
                    new StreamField("close", FieldType.NUMBER, false),
                    new StreamField("volume", FieldType.INTEGER, true),
                    new StreamField("adjusted_close", FieldType.NUMBER, true),
                    new StreamField("provider", FieldType.STRING, false)),
            List.of("symbol", "date"),
            "date",
            Set.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL));

    public static final Catalog CATALOG = new Catalog(List.of(STREAM));

    private StockPrices() {
    }
}
