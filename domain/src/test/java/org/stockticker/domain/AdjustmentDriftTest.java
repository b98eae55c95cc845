package org.stockticker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AdjustmentDriftTest {

    private static final Symbol AAPL = new Symbol("AAPL");

    private static DailyBar bar(int day, String close, String adjustedClose) {
        return new DailyBar(AAPL, LocalDate.of(2024, 3, day), null, null, null, new BigDecimal(close), null,
                adjustedClose == null ? null : new BigDecimal(adjustedClose));
    }

    @Test
    void a_dividend_between_two_bars_changes_their_ratio() {
        assertThat(AdjustmentDrift.between(bar(1, "100.00", "98.02"), bar(4, "101.00", "101.00"))).isTrue();
    }

    @Test
    void a_four_to_one_split_between_two_bars_changes_their_ratio() {
        assertThat(AdjustmentDrift.between(bar(1, "499.23", "124.81"), bar(4, "129.04", "129.04"))).isTrue();
    }

    @Test
    void the_same_ratio_within_the_rounding_of_the_prices_sent_is_no_event() {
        assertThat(AdjustmentDrift.between(bar(1, "100.00", "99.00"), bar(4, "97.13", "96.16"))).isFalse();
        assertThat(AdjustmentDrift.between(bar(1, "1.01", "1.00"), bar(4, "1.02", "1.01"))).isFalse();
    }

    @Test
    void prices_padded_with_zeros_are_judged_by_their_significant_decimals() {
        assertThat(AdjustmentDrift.between(bar(1, "181.9900", "180.0200"), bar(4, "190.0100", "187.9600"))).isFalse();
    }

    @Test
    void a_bar_without_an_adjusted_close_tells_nothing() {
        assertThat(AdjustmentDrift.between(bar(1, "100.00", null), bar(4, "50.00", "50.00"))).isFalse();
        assertThat(AdjustmentDrift.between(bar(1, "100.00", "98.00"), bar(4, "50.00", null))).isFalse();
    }
}
