package org.stockticker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncStateTest {

    @Test
    void gives_each_stream_its_own_state() {
        StreamState prices = StreamState.forEverySymbol(LocalDate.of(2024, 1, 2));

        SyncState state = new SyncState(Map.of("stock_prices", prices));

        assertThat(state.of("stock_prices")).isEqualTo(prices);
    }

    @Test
    void gives_a_stream_without_state_an_empty_one() {
        assertThat(SyncState.none().of("stock_prices")).isEqualTo(StreamState.empty());
    }
}
