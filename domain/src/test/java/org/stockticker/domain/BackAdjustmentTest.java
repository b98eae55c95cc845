package org.stockticker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockticker.domain.AdjustedSeries.SkippedDividend;
import org.stockticker.domain.AdjustedSeries.SkippedDividend.Reason;

class BackAdjustmentTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final Symbol MSFT = new Symbol("MSFT");
    private static final BigDecimal TOLERANCE = new BigDecimal("1E-12");

    /** AAPL as traded around its 4-for-1 split of 2020-08-31, with its dividends ex 2020-08-07 and 2020-11-06. */
    private static final List<DailyBar> AAPL_2020 = List.of(bar("2020-08-06", "455.61"), bar("2020-08-07", "444.45"),
            bar("2020-08-28", "499.23"), bar("2020-08-31", "129.04"), bar("2020-11-05", "119.03"),
            bar("2020-11-06", "118.69"));
    private static final List<Split> AAPL_SPLITS = List.of(split("2020-08-31", "1", "4"));
    private static final List<Dividend> AAPL_DIVIDENDS = List.of(dividend("2020-08-07", "0.82"),
            dividend("2020-11-06", "0.205"));

    private static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    private static DailyBar bar(String date, String open, String high, String low, String close, Long volume) {
        return new DailyBar(AAPL, LocalDate.parse(date), open == null ? null : d(open), high == null ? null : d(high),
                low == null ? null : d(low), d(close), volume, null);
    }

    private static DailyBar bar(String date, String close) {
        return bar(date, null, null, null, close, null);
    }

    private static DailyBar bar(String date, String close, long volume) {
        return bar(date, null, null, null, close, volume);
    }

    private static Split split(String date, String from, String to) {
        return new Split(AAPL, LocalDate.parse(date), d(from), d(to));
    }

    private static Dividend dividend(String date, String amount, String type) {
        return new Dividend(AAPL, LocalDate.parse(date), d(amount), "USD", null, null, null, null, type);
    }

    private static Dividend dividend(String date, String amount) {
        return dividend(date, amount, Dividend.REGULAR);
    }

    private static AdjustedSeries withDividends(List<DailyBar> bars, List<Split> splits, List<Dividend> dividends) {
        return BackAdjustment.adjust(bars, splits, dividends, Adjustment.SPLITS_AND_DIVIDENDS);
    }

    private static void assertValues(List<BigDecimal> actual, String... expected) {
        assertThat(actual).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(Arrays.stream(expected).map(BigDecimal::new).toArray(BigDecimal[]::new));
    }

    private static void assertCloses(AdjustedSeries series, String... expected) {
        assertValues(series.bars().stream().map(DailyBar::close).toList(), expected);
    }

    @Test
    void a_four_for_one_split_quarters_the_prices_before_it_and_quadruples_their_volume() {
        DailyBar before = new DailyBar(AAPL, LocalDate.parse("2024-03-01"), d("400.00"), d("404.00"), d("396.00"),
                d("400.00"), 1_000L, d("99.00"));
        List<DailyBar> bars = List.of(before, bar("2024-03-04", "101.00", 4_100L));

        AdjustedSeries series = BackAdjustment.adjust(bars, List.of(split("2024-03-04", "1", "4")), List.of(),
                Adjustment.SPLITS);

        DailyBar first = series.bars().get(0);
        assertThat(first.open()).isEqualByComparingTo("100");
        assertThat(first.high()).isEqualByComparingTo("101");
        assertThat(first.low()).isEqualByComparingTo("99");
        assertThat(first.close()).isEqualByComparingTo("100");
        assertThat(first.adjustedClose()).as("the computed adjusted close, not the provider's")
                .isEqualByComparingTo("100");
        assertThat(first.volume()).isEqualTo(4_000L);
        assertThat(series.bars().get(1)).isEqualTo(new DailyBar(AAPL, LocalDate.parse("2024-03-04"), null, null, null,
                d("101.00"), 4_100L, d("101.00")));
        assertValues(series.splitFactors(), "0.25", "1");
        assertValues(series.priceFactors(), "0.25", "1");
    }

    @Test
    void a_one_for_ten_reverse_split_multiplies_the_prices_before_it_by_ten_and_divides_their_volume() {
        List<DailyBar> bars = List.of(bar("2024-03-01", "1.23", 12_345L), bar("2024-03-04", "1.25", 12_355L),
                bar("2024-03-05", "12.40", 1_300L));

        AdjustedSeries series = BackAdjustment.adjust(bars, List.of(split("2024-03-05", "10", "1")), List.of(),
                Adjustment.SPLITS);

        assertCloses(series, "12.3", "12.5", "12.40");
        // 12,345 / 10 = 1,234.5 and 12,355 / 10 = 1,235.5: halves go to the even neighbour.
        assertThat(series.bars()).extracting(DailyBar::volume).containsExactly(1_234L, 1_236L, 1_300L);
    }

    @Test
    void a_dividend_scales_the_prices_before_its_ex_date_by_one_less_its_share_of_the_previous_close() {
        // 1 - 0.25 / 25.00 = 0.99
        List<DailyBar> bars = List.of(bar("2024-03-01", "24.00"), bar("2024-03-04", "25.00"),
                bar("2024-03-05", "24.80"));

        AdjustedSeries series = withDividends(bars, List.of(), List.of(dividend("2024-03-05", "0.25")));

        assertCloses(series, "23.76", "24.75", "24.80");
        assertValues(series.priceFactors(), "0.99", "0.99", "1");
        assertValues(series.splitFactors(), "1", "1", "1");
        assertThat(series.skippedDividends()).isEmpty();
    }

    @Test
    void two_dividends_on_one_ex_date_both_apply_each_measured_against_the_same_close() {
        // Regular 0.40 / 40.00 = 1%, special 2.00 / 40.00 = 5%: 0.99 * 0.95 = 0.9405, and 40.00 * 0.9405 = 37.62.
        List<DailyBar> bars = List.of(bar("2024-03-01", "40.00"), bar("2024-03-04", "37.50"));

        AdjustedSeries series = withDividends(bars, List.of(),
                List.of(dividend("2024-03-04", "0.40"), dividend("2024-03-04", "2.00", "special")));

        assertCloses(series, "37.62", "37.50");
    }

    @Test
    void a_dividend_on_or_before_the_first_bar_has_no_previous_close_and_is_skipped_and_reported() {
        Dividend onFirstBar = dividend("2024-03-04", "0.50");
        Dividend beforeFirstBar = dividend("2024-02-15", "0.50");
        List<DailyBar> bars = List.of(bar("2024-03-04", "50.00"), bar("2024-03-05", "51.00"));

        AdjustedSeries series = withDividends(bars, List.of(), List.of(onFirstBar, beforeFirstBar));

        assertCloses(series, "50.00", "51.00");
        assertThat(series.skippedDividends()).containsExactly(
                new SkippedDividend(beforeFirstBar, Reason.NO_EARLIER_BAR),
                new SkippedDividend(onFirstBar, Reason.NO_EARLIER_BAR));
    }

    @Test
    void a_dividend_not_below_the_previous_close_is_skipped_and_reported_while_the_others_apply() {
        // C_prev of 2024-03-04 is 10.00: 10.00 and 12.00 would make factors of 0 and -0.2; 0.10 gives 0.99.
        Dividend equal = dividend("2024-03-04", "10.00");
        Dividend above = dividend("2024-03-04", "12.00", "special");
        List<DailyBar> bars = List.of(bar("2024-03-01", "10.00"), bar("2024-03-04", "9.90"));

        AdjustedSeries series = withDividends(bars, List.of(),
                List.of(equal, above, dividend("2024-03-04", "0.10", "supplemental")));

        assertCloses(series, "9.90", "9.90");
        assertThat(series.skippedDividends()).containsExactlyInAnyOrder(
                new SkippedDividend(equal, Reason.AMOUNT_NOT_BELOW_CLOSE),
                new SkippedDividend(above, Reason.AMOUNT_NOT_BELOW_CLOSE));
    }

    @Test
    void a_split_on_a_weekend_adjusts_the_bars_before_it_and_not_the_monday_after() {
        List<DailyBar> bars = List.of(bar("2024-02-29", "196.00"), bar("2024-03-01", "200.00"),
                bar("2024-03-04", "101.00"));

        AdjustedSeries series = BackAdjustment.adjust(bars, List.of(split("2024-03-02", "1", "2")), List.of(),
                Adjustment.SPLITS);

        assertCloses(series, "98", "100", "101.00");
    }

    @Test
    void a_split_on_or_before_the_first_bar_adjusts_nothing() {
        List<DailyBar> bars = List.of(bar("2024-03-04", "50.00", 100L), bar("2024-03-05", "51.00", 100L));

        AdjustedSeries series = BackAdjustment.adjust(bars,
                List.of(split("2024-03-04", "1", "2"), split("2024-01-02", "1", "3")), List.of(), Adjustment.SPLITS);

        assertThat(series.bars()).isEqualTo(List.of(
                new DailyBar(AAPL, LocalDate.parse("2024-03-04"), null, null, null, d("50.00"), 100L, d("50.00")),
                new DailyBar(AAPL, LocalDate.parse("2024-03-05"), null, null, null, d("51.00"), 100L, d("51.00"))));
    }

    @Test
    void events_after_the_last_bar_adjust_every_bar_the_dividend_against_the_last_close() {
        // Dividend 0.82 / 82.00 = 1%, then a 4-for-1 split: every bar * 0.99 * 0.25 = 0.2475.
        // 80.00 * 0.2475 = 19.8 and 82.00 * 0.2475 = 20.295.
        List<DailyBar> bars = List.of(bar("2024-03-04", "80.00"), bar("2024-03-05", "82.00"));

        AdjustedSeries series = withDividends(bars, List.of(split("2024-03-11", "1", "4")),
                List.of(dividend("2024-03-08", "0.82")));

        assertCloses(series, "19.8", "20.295");
        assertValues(series.priceFactors(), "0.2475", "0.2475");
        assertThat(series.skippedDividends()).isEmpty();
    }

    @Test
    void a_split_between_the_previous_close_and_the_ex_date_puts_the_dividend_in_that_close_share_basis() {
        // A 4-for-1 split and a dividend of 1.00 a new share both on Monday: 4.00 an old share, 4.00 / 400.00 = 1%.
        // Friday: 400.00 * 0.25 * 0.99 = 99.00 (measured in the wrong basis it would be 400.00 * 0.25 * 0.9975).
        List<DailyBar> bars = List.of(bar("2024-03-01", "400.00"), bar("2024-03-04", "99.00"));

        AdjustedSeries series = withDividends(bars, List.of(split("2024-03-04", "1", "4")),
                List.of(dividend("2024-03-04", "1.00")));

        assertCloses(series, "99.00", "99.00");
    }

    @Test
    void a_split_after_the_ex_date_leaves_the_dividend_in_the_previous_close_share_basis() {
        // No bar on Monday: the dividend of 4.00 an old share goes ex on Monday, the 4-for-1 split executes on
        // Tuesday. 4.00 / 400.00 = 1%, so Friday is 400.00 * 0.99 * 0.25 = 99.00 (with the split's basis, 0.96).
        List<DailyBar> bars = List.of(bar("2024-03-01", "400.00"), bar("2024-03-05", "99.00"));

        AdjustedSeries series = withDividends(bars, List.of(split("2024-03-05", "1", "4")),
                List.of(dividend("2024-03-04", "4.00")));

        assertCloses(series, "99.00", "99.00");
    }

    @Test
    void volume_is_divided_by_the_split_factor_only_to_a_whole_number_half_to_even() {
        // A 3-for-2 split multiplies volume by 1.5: 1,001 -> 1,501.5 -> 1,502; 1,003 -> 1,504.5 -> 1,504;
        // 1,000 -> 1,500. The dividend changes prices only.
        List<DailyBar> bars = List.of(bar("2024-03-01", "30.00", 1_001L), bar("2024-03-04", "30.00", 1_003L),
                bar("2024-03-05", "30.00", 1_000L), bar("2024-03-06", "20.00", 900L));

        AdjustedSeries series = withDividends(bars, List.of(split("2024-03-06", "2", "3")),
                List.of(dividend("2024-03-04", "0.30")));

        assertThat(series.bars()).extracting(DailyBar::volume).containsExactly(1_502L, 1_504L, 1_500L, 900L);
    }

    @Test
    void missing_open_high_low_and_volume_stay_missing() {
        List<DailyBar> bars = List.of(bar("2024-03-01", "50.00"), bar("2024-03-04", "24.50"));

        AdjustedSeries series = withDividends(bars, List.of(split("2024-03-04", "1", "2")),
                List.of(dividend("2024-03-04", "0.25")));

        DailyBar first = series.bars().get(0);
        assertThat(first.open()).isNull();
        assertThat(first.high()).isNull();
        assertThat(first.low()).isNull();
        assertThat(first.volume()).isNull();
        // 0.25 a new share is 0.50 an old one, 1% of 50.00: 50.00 * 0.5 * 0.99 = 24.75.
        assertThat(first.close()).isEqualByComparingTo("24.75");
    }

    @Test
    void a_worked_example_a_reader_can_check_by_hand() {
        // Bars (open, high, low, close, volume), a 2-for-1 split executed on 03-05, a dividend of 0.50 ex 03-07:
        //   03-04  99.00 101.00 98.00 100.00 1,000
        //   03-05                      50.50 2,001   split 2-for-1: S = 1/2 for the bars before 03-05
        //   03-06                      50.00 3,000   C_prev of the dividend
        //   03-07                      49.60 2,500   ex-date: V = 1 - 0.50 / 50.00 = 0.99 for the bars before 03-07
        //   03-08                      49.80 1,500
        // Factors F = S * V: 03-04 0.5 * 0.99 = 0.495; 03-05 and 03-06 0.99; 03-07 and 03-08 1.
        // 03-04: open 99.00 * 0.495 = 49.005, high 101.00 * 0.495 = 49.995, low 98.00 * 0.495 = 48.51,
        //        close 100.00 * 0.495 = 49.5, volume 1,000 / 0.5 = 2,000.
        // 03-05: 50.50 * 0.99 = 49.995; 03-06: 50.00 * 0.99 = 49.5; volumes unchanged from 03-05 on.
        List<DailyBar> bars = List.of(bar("2024-03-04", "99.00", "101.00", "98.00", "100.00", 1_000L),
                bar("2024-03-05", "50.50", 2_001L), bar("2024-03-06", "50.00", 3_000L),
                bar("2024-03-07", "49.60", 2_500L), bar("2024-03-08", "49.80", 1_500L));

        AdjustedSeries series = withDividends(bars, List.of(split("2024-03-05", "1", "2")),
                List.of(dividend("2024-03-07", "0.50")));

        DailyBar first = series.bars().get(0);
        assertThat(first.open()).isEqualByComparingTo("49.005");
        assertThat(first.high()).isEqualByComparingTo("49.995");
        assertThat(first.low()).isEqualByComparingTo("48.51");
        assertCloses(series, "49.5", "49.995", "49.5", "49.60", "49.80");
        assertThat(series.bars()).extracting(DailyBar::volume).containsExactly(2_000L, 2_001L, 3_000L, 2_500L, 1_500L);
        assertValues(series.priceFactors(), "0.495", "0.99", "0.99", "1", "1");
        assertValues(series.splitFactors(), "0.5", "1", "1", "1", "1");
        assertValues(series.bars().stream().map(DailyBar::adjustedClose).toList(),
                "49.5", "49.995", "49.5", "49.60", "49.80");
    }

    @Test
    void apple_2020_split_adjusted_divides_the_closes_before_the_split_by_four() {
        // 455.61 / 4 = 113.9025, 444.45 / 4 = 111.1125, 499.23 / 4 = 124.8075.
        AdjustedSeries series = BackAdjustment.adjust(AAPL_2020, AAPL_SPLITS, AAPL_DIVIDENDS, Adjustment.SPLITS);

        assertCloses(series, "113.9025", "111.1125", "124.8075", "129.04", "119.03", "118.69");
        assertThat(series.skippedDividends()).isEmpty();
    }

    @Test
    void apple_2020_split_and_dividend_adjusted() {
        // V for the November dividend: 1 - 0.205 / 119.03 = 118.825 / 119.03 = 0.99827774510627572880786...
        // 2020-11-05: 119.03 * 118.825 / 119.03 = 118.825.
        // 2020-08-31: 129.04 * 0.998277745106275728807... = 128.817760228513820045...
        // 2020-08-28: 499.23 / 4 * 0.998277745... = 124.8075 * 0.998277745... = 124.592549672351508023...
        // 2020-08-07: 444.45 / 4 * 0.998277745... = 111.1125 * 0.998277745... = 110.921135953121061917...
        // 2020-08-06, before the August dividend too, 1 - 0.82 / 455.61 = 454.79 / 455.61:
        //   455.61 / 4 * 454.79 / 455.61 * 0.998277745... = 113.6975 * 0.998277745... = 113.501683924220784676...
        AdjustedSeries series = withDividends(AAPL_2020, AAPL_SPLITS, AAPL_DIVIDENDS);

        List<BigDecimal> closes = series.bars().stream().map(DailyBar::close).toList();
        assertThat(closes.get(0)).isCloseTo(d("113.501683924220784676"), within(TOLERANCE));
        assertThat(closes.get(1)).isCloseTo(d("110.921135953121061917"), within(TOLERANCE));
        assertThat(closes.get(2)).isCloseTo(d("124.592549672351508023"), within(TOLERANCE));
        assertThat(closes.get(3)).isCloseTo(d("128.817760228513820045"), within(TOLERANCE));
        assertThat(closes.get(4)).isEqualByComparingTo("118.825");
        assertThat(closes.get(5)).isEqualByComparingTo("118.69");
        assertValues(series.splitFactors(), "0.25", "0.25", "0.25", "1", "1", "1");
    }

    @Test
    void split_only_adjustment_leaves_dividends_out_and_reports_none() {
        List<DailyBar> bars = List.of(bar("2024-03-01", "25.00"), bar("2024-03-04", "24.75"));

        AdjustedSeries series = BackAdjustment.adjust(bars, List.of(),
                List.of(dividend("2024-03-04", "0.25"), dividend("2024-03-01", "0.25")), Adjustment.SPLITS);

        assertCloses(series, "25.00", "24.75");
        assertThat(series.adjustment()).isEqualTo(Adjustment.SPLITS);
        assertThat(series.skippedDividends()).isEmpty();
    }

    @Test
    void takes_splits_and_dividends_in_any_order() {
        // 2-for-1 on 03-05, 3-for-1 on 03-07, dividend 0.30 / 30.00 = 1% ex 03-06: 03-04 gets 1/2 * 1/3 * 0.99.
        List<DailyBar> bars = List.of(bar("2024-03-04", "60.00"), bar("2024-03-05", "30.00"),
                bar("2024-03-06", "30.00"), bar("2024-03-07", "10.00"));

        AdjustedSeries series = withDividends(bars,
                List.of(split("2024-03-07", "1", "3"), split("2024-03-05", "1", "2")),
                List.of(dividend("2024-03-06", "0.30")));

        assertCloses(series, "9.9", "9.9", "10", "10.00");
    }

    @Test
    void refuses_a_split_or_dividend_of_another_symbol() {
        List<DailyBar> bars = List.of(bar("2024-03-01", "25.00"));
        Split msftSplit = new Split(MSFT, LocalDate.parse("2024-03-04"), d("1"), d("2"));
        Dividend msftDividend = new Dividend(MSFT, LocalDate.parse("2024-03-04"), d("0.75"), null, null, null, null,
                null, Dividend.REGULAR);

        assertThatThrownBy(() -> withDividends(bars, List.of(msftSplit), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a split of MSFT on 2024-03-04 is among AAPL's: adjust one symbol at a time");
        assertThatThrownBy(() -> BackAdjustment.adjust(bars, List.of(), List.of(msftDividend), Adjustment.SPLITS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a dividend of MSFT on 2024-03-04 is among AAPL's: adjust one symbol at a time");
    }

    @Test
    void refuses_bars_of_two_symbols() {
        DailyBar msft = new DailyBar(MSFT, LocalDate.parse("2024-03-04"), null, null, null, d("400"), null, null);

        assertThatThrownBy(() -> withDividends(List.of(bar("2024-03-01", "25.00"), msft), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bar of MSFT on 2024-03-04");
    }

    @Test
    void refuses_bars_out_of_date_order_or_two_on_one_day() {
        assertThatThrownBy(() -> withDividends(List.of(bar("2024-03-04", "25.00"), bar("2024-03-01", "25.00")),
                List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bars must ascend by date, one a day: 2024-03-01 follows 2024-03-04");
        assertThatThrownBy(() -> withDividends(List.of(bar("2024-03-04", "25.00"), bar("2024-03-04", "25.10")),
                List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void no_bars_give_an_empty_series_that_reports_every_dividend_as_without_an_earlier_bar() {
        Dividend dividend = dividend("2024-03-04", "0.25");

        AdjustedSeries series = withDividends(List.of(), List.of(split("2024-03-05", "1", "2")), List.of(dividend));

        assertThat(series.bars()).isEmpty();
        assertThat(series.priceFactors()).isEmpty();
        assertThat(series.skippedDividends()).containsExactly(new SkippedDividend(dividend, Reason.NO_EARLIER_BAR));
    }

    @Test
    void adjusted_prices_keep_sixteen_significant_digits_and_unadjusted_ones_their_scale() {
        // 1 - 0.10 / 30.00 = 0.99666..., so 30.00 becomes 29.90; a factor of 34 digits leaves 29.9000...0001,
        // rounded to 16 significant digits.
        List<DailyBar> bars = List.of(bar("2024-03-01", "30.00"), bar("2024-03-04", "181.9900"));

        AdjustedSeries series = withDividends(bars, List.of(), List.of(dividend("2024-03-04", "0.10")));

        assertThat(series.bars().get(0).close().toPlainString()).isEqualTo("29.90000000000000");
        assertThat(series.bars().get(1).close().toPlainString()).isEqualTo("181.9900");
    }

    @Test
    void a_tiny_adjusted_price_is_rounded_to_twenty_decimals() {
        // 0.0001 / 300,000,000,000 = 0.000000000000000333333...: 20 decimals leave 33333.
        List<DailyBar> bars = List.of(bar("2024-03-01", "0.0001"), bar("2024-03-04", "0.0001"));

        AdjustedSeries series = BackAdjustment.adjust(bars, List.of(split("2024-03-04", "1", "300000000000")),
                List.of(), Adjustment.SPLITS);

        assertThat(series.bars().get(0).close().toPlainString()).isEqualTo("0.00000000000000033333");
    }

    @Test
    void an_adjusted_price_a_daily_bar_cannot_hold_is_refused_naming_the_day() {
        // 99,999,999.00 * 100,000 is about 10^13, beyond a trillion.
        List<DailyBar> bars = List.of(bar("2024-03-01", "99999999.00"), bar("2024-03-04", "1"));

        assertThatThrownBy(() -> BackAdjustment.adjust(bars, List.of(split("2024-03-04", "100000", "1")), List.of(),
                Adjustment.SPLITS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the bar of AAPL on 2024-03-01 cannot be adjusted: ")
                .hasMessageContaining("out of range for a price");
    }
}
