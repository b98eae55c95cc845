package org.stockticker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StockPricesTest {

    private static final StreamDefinition STREAM = StockPrices.STREAM;

    @Test
    void is_named_stock_prices() {
        assertThat(STREAM.name()).isEqualTo("stock_prices").isEqualTo(StockPrices.STREAM_NAME);
    }

    @Test
    void is_keyed_by_symbol_and_date() {
        assertThat(STREAM.primaryKey()).containsExactly("symbol", "date");
    }

    @Test
    void uses_the_date_as_cursor() {
        assertThat(STREAM.cursorField()).isEqualTo("date");
    }

    @Test
    void supports_full_refresh_and_incremental() {
        assertThat(STREAM.supports(SyncMode.FULL_REFRESH)).isTrue();
        assertThat(STREAM.supports(SyncMode.INCREMENTAL)).isTrue();
        assertThat(STREAM.syncModes()).containsExactlyInAnyOrder(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
    }

    @Test
    void declares_the_contract_fields_in_order_with_their_types() {
        assertThat(STREAM.fields()).containsExactly(
                new StreamField("symbol", FieldType.STRING, false),
                new StreamField("date", FieldType.DATE, false),
                new StreamField("open", FieldType.NUMBER, true),
                new StreamField("high", FieldType.NUMBER, true),
                new StreamField("low", FieldType.NUMBER, true),
                new StreamField("close", FieldType.NUMBER, false),
                new StreamField("volume", FieldType.INTEGER, true),
                new StreamField("adjusted_close", FieldType.NUMBER, true),
                new StreamField("provider", FieldType.STRING, false));
    }

    @Test
    void the_catalog_offers_exactly_this_stream() {
        assertThat(StockPrices.CATALOG.streams()).containsExactly(STREAM);
        assertThat(StockPrices.CATALOG.stream("stock_prices")).contains(STREAM);
        assertThat(StockPrices.CATALOG.stream("stock_quotes")).isEmpty();
    }
}
