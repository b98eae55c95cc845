package org.stockticker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StockPricesTest {

    private static final StreamDefinition<DailyBar> STREAM = StockPrices.STREAM;

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
        assertThat(STREAM.fields()).extracting(StreamField::name, StreamField::type, StreamField::nullable)
                .containsExactly(
                        tuple("symbol", FieldType.STRING, false),
                        tuple("date", FieldType.DATE, false),
                        tuple("open", FieldType.NUMBER, true),
                        tuple("high", FieldType.NUMBER, true),
                        tuple("low", FieldType.NUMBER, true),
                        tuple("close", FieldType.NUMBER, false),
                        tuple("volume", FieldType.INTEGER, true),
                        tuple("adjusted_close", FieldType.NUMBER, true),
                        tuple("provider", FieldType.STRING, false));
    }

    @Test
    void takes_each_value_from_the_bar_and_the_provider_from_the_read() {
        DailyBar bar = new DailyBar(Symbol.parse("aapl"), LocalDate.of(2024, 3, 28), new BigDecimal("171.19"),
                new BigDecimal("172.23"), new BigDecimal("170.51"), new BigDecimal("171.48"), 65_672_690L, null);

        assertThat(STREAM.fields()).extracting(field -> field.valueOf(bar, "iex")).containsExactly(
                Symbol.parse("AAPL"), LocalDate.of(2024, 3, 28), new BigDecimal("171.19"), new BigDecimal("172.23"),
                new BigDecimal("170.51"), new BigDecimal("171.48"), 65_672_690L, null, "iex");
        assertThat(STREAM.cursor().valueOf(bar, "iex")).isEqualTo(LocalDate.of(2024, 3, 28));
    }

    @Test
    void is_read_symbol_by_symbol() {
        assertThat(STREAM.partitioning()).isEqualTo(Partitioning.BY_SYMBOL);
    }
}
