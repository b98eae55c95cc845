package org.stockticker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DailyBarTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final LocalDate DAY = LocalDate.of(2024, 3, 28);

    private static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    @Test
    void keeps_every_price_exactly_as_given_including_its_scale() {
        DailyBar bar = new DailyBar(AAPL, DAY, d("171.7500"), d("172.2300"), d("170.5100"), d("181.9900"),
                65_672_690L, d("171.48000"));

        assertThat(bar.close().toPlainString()).isEqualTo("181.9900");
        assertThat(bar.close().scale()).isEqualTo(4);
        assertThat(bar.open().toPlainString()).isEqualTo("171.7500");
        assertThat(bar.adjustedClose().toPlainString()).isEqualTo("171.48000");
        assertThat(bar.volume()).isEqualTo(65_672_690L);
    }

    @Test
    void accepts_a_bar_with_only_a_close() {
        DailyBar bar = new DailyBar(AAPL, DAY, null, null, null, d("1"), null, null);

        assertThat(bar.open()).isNull();
        assertThat(bar.high()).isNull();
        assertThat(bar.low()).isNull();
        assertThat(bar.volume()).isNull();
        assertThat(bar.adjustedClose()).isNull();
    }

    @Test
    void accepts_high_equal_to_low() {
        DailyBar bar = new DailyBar(AAPL, DAY, null, d("10.00"), d("10.0"), d("10"), null, null);

        assertThat(bar.high()).isEqualByComparingTo(bar.low());
    }

    @Test
    void requires_a_close() {
        assertThatThrownBy(() -> new DailyBar(AAPL, DAY, d("1"), d("2"), d("1"), null, 10L, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("close is required");
    }

    @Test
    void requires_a_symbol_and_a_date() {
        assertThatThrownBy(() -> new DailyBar(null, DAY, null, null, null, d("1"), null, null))
                .hasMessage("symbol is required");
        assertThatThrownBy(() -> new DailyBar(AAPL, null, null, null, null, d("1"), null, null))
                .hasMessage("date is required");
    }

    @Test
    void rejects_a_negative_open_naming_the_field() {
        assertThatThrownBy(() -> new DailyBar(AAPL, DAY, d("-0.01"), null, null, d("1"), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("open -0.01 is not a positive price");
    }

    @Test
    void rejects_a_negative_high_naming_the_field() {
        assertThatThrownBy(() -> new DailyBar(AAPL, DAY, null, d("-1"), null, d("1"), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("high ");
    }

    @Test
    void rejects_a_negative_low_naming_the_field() {
        assertThatThrownBy(() -> new DailyBar(AAPL, DAY, null, null, d("-1"), d("1"), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("low ");
    }

    @Test
    void rejects_a_negative_close_naming_the_field() {
        assertThatThrownBy(() -> new DailyBar(AAPL, DAY, null, null, null, d("-181.9900"), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("close -181.9900 is not a positive price");
    }

    @Test
    void rejects_a_negative_adjusted_close_naming_the_field() {
        assertThatThrownBy(() -> new DailyBar(AAPL, DAY, null, null, null, d("1"), null, d("-2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("adjusted_close ");
    }

    @Test
    void rejects_a_zero_price_as_a_placeholder_rather_than_a_price() {
        assertThatThrownBy(() -> new DailyBar(AAPL, DAY, d("0.00"), null, null, d("1"), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("open 0.00 is not a positive price");
        assertThatThrownBy(() -> new DailyBar(AAPL, DAY, null, null, null, d("0"), null, null))
                .hasMessage("close 0 is not a positive price");
    }

    @Test
    void accepts_a_day_without_trades() {
        assertThat(new DailyBar(AAPL, DAY, null, null, null, d("1"), 0L, null).volume()).isZero();
    }

    @Test
    void rejects_a_negative_volume_naming_the_field() {
        assertThatThrownBy(() -> new DailyBar(AAPL, DAY, null, null, null, d("1"), -5L, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("volume -5 is negative");
    }

    @Test
    void rejects_a_high_below_the_low() {
        assertThatThrownBy(() -> new DailyBar(AAPL, DAY, null, d("9.99"), d("10.00"), d("10"), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("high 9.99 is below low 10.00");
    }

    @Test
    void prints_prices_in_plain_notation_in_messages() {
        assertThatThrownBy(() -> new DailyBar(AAPL, DAY, null, null, null, d("-1E+3"), null, null))
                .hasMessage("close -1000 is not a positive price");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E+999999999", "1E-999999999", "1000000000000", "123456789012345678901",
            "0.000000000000000000001", "1e12"})
    void refuses_a_price_beyond_the_limits_quickly_and_without_printing_it_whole(String price) {
        assertThatThrownBy(() -> new DailyBar(AAPL, DAY, null, null, null, d(price), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("close ")
                .hasMessageContaining("out of range for a price")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999999999.99", "171.48000000000002", "0.00000000000000000001", "600000.5"})
    void accepts_prices_up_to_the_limits_as_providers_send_them(String price) {
        assertThat(new DailyBar(AAPL, DAY, null, null, null, d(price), null, null).close()).isEqualByComparingTo(price);
    }
}
