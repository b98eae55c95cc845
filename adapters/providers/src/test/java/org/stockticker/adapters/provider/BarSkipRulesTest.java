package org.stockticker.adapters.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/** Skipping the bars that cannot be daily bars: which, and the one WARN line each skip gets. */
class BarSkipRulesTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final LocalDate MONDAY = LocalDate.parse("2024-05-06");
    private static final DateWindow WEEK = new DateWindow(MONDAY, MONDAY.plusDays(4));

    private final RecordingLogger log = new RecordingLogger();
    private final BarSkipRules rules = new BarSkipRules("acme", log);

    @Test
    void keeps_a_sound_bar_without_a_word() {
        Optional<DailyBar> bar = rules.bar(AAPL, MONDAY, WEEK, () -> bar(MONDAY, "181.99", 1000L));

        assertThat(bar).hasValueSatisfying(kept -> assertThat(kept.close()).isEqualByComparingTo("181.99"));
        assertThat(log.lines).isEmpty();
    }

    @Test
    void drops_a_bar_outside_the_window_silently_without_building_it() {
        Optional<DailyBar> bar = rules.bar(AAPL, MONDAY.minusDays(3), WEEK, () -> {
            throw new AssertionError("a bar outside the window is never built");
        });

        assertThat(bar).isEmpty();
        assertThat(log.lines).isEmpty();
    }

    @Test
    void skips_a_bar_the_domain_refuses_naming_symbol_date_and_the_domains_reason() {
        Optional<DailyBar> bar = rules.bar(AAPL, MONDAY, WEEK, () -> bar(MONDAY, "-1.5", 1000L));

        assertThat(bar).isEmpty();
        assertThat(log.lines).containsExactly(
                "WARN Skipping the bar of AAPL on 2024-05-06 from provider acme: close -1.5 is not a positive price");
    }

    @Test
    void skips_a_bar_without_a_close() {
        Optional<DailyBar> bar = rules.bar(AAPL, MONDAY, WEEK,
                () -> new DailyBar(AAPL, MONDAY, null, null, null, BarSkipRules.close(null), null, null));

        assertThat(bar).isEmpty();
        assertThat(log.lines).containsExactly(
                "WARN Skipping the bar of AAPL on 2024-05-06 from provider acme: it has no close");
    }

    @Test
    void skips_a_bar_whose_volume_is_no_whole_number_of_shares_naming_the_volume() {
        Optional<DailyBar> bar = rules.bar(AAPL, MONDAY, WEEK, () -> new DailyBar(AAPL, MONDAY, null, null, null,
                new BigDecimal("10"), BarSkipRules.wholeShares(new BigDecimal("2345875.5")), null));

        assertThat(bar).isEmpty();
        assertThat(log.lines).containsExactly("WARN Skipping the bar of AAPL on 2024-05-06 from provider acme:"
                + " volume 2345875.5 is not a whole number of shares");
    }

    @Test
    void skips_a_bar_for_a_reason_of_the_providers_own() {
        Optional<DailyBar> bar = rules.bar(AAPL, MONDAY, WEEK, () -> {
            throw BarSkipRules.refused("1. open is not a number");
        });

        assertThat(bar).isEmpty();
        assertThat(log.lines).containsExactly(
                "WARN Skipping the bar of AAPL on 2024-05-06 from provider acme: 1. open is not a number");
    }

    @Test
    void skips_a_bar_without_a_readable_date_naming_the_symbol_and_the_reason() {
        Optional<DailyBar> bar = rules.skipUndated(AAPL, "its date is missing or not YYYY-MM-DD");

        assertThat(bar).isEmpty();
        assertThat(log.lines).containsExactly(
                "WARN Skipping a bar of AAPL from provider acme: its date is missing or not YYYY-MM-DD");
    }

    @Test
    void skips_an_element_that_is_not_an_object() {
        Optional<DailyBar> bar = rules.skipNonObject(AAPL);

        assertThat(bar).isEmpty();
        assertThat(log.lines)
                .containsExactly("WARN Skipping an element of the acme answer for AAPL: it is not an object");
    }

    @Test
    void counts_whole_volumes_of_any_scale_as_shares_and_no_volume_as_none() {
        assertThat(BarSkipRules.wholeShares(new BigDecimal("1200.00"))).isEqualTo(1200L);
        assertThat(BarSkipRules.wholeShares(null)).isNull();
        assertThatThrownBy(() -> BarSkipRules.wholeShares(new BigDecimal("1e30")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("volume 1000000000000000000000000000000 is not a whole number of shares");
    }

    @Test
    void takes_prices_up_to_the_limits_of_digits_scale_and_magnitude() {
        assertThat(BarSkipRules.price("close", new BigDecimal("12345678.901234567890"))).isNotNull();
        assertThat(BarSkipRules.price("close", new BigDecimal("0.00000000000000000001"))).isNotNull();
        assertThat(BarSkipRules.price("close", new BigDecimal("999999999999.99"))).isNotNull();
        assertThat(BarSkipRules.price("close", new BigDecimal("1E+11"))).isNotNull();
        assertThat(BarSkipRules.price("close", null)).isNull();
        assertThat(DailyBar.MAX_PRICE).isEqualByComparingTo("1000000000000");
    }

    @ParameterizedTest
    @CsvSource({
        "123456789.012345678901, 123456789.012345678901",
        "0.000000000000000000001, 0.000000000000000000001",
        "1000000000000, 1000000000000",
        "-1000000000000.5, -1000000000000.5",
        "1e999999999, 1E+999999999",
        "1E-999999999, 1E-999999999",
        "-1e999999999, -1E+999999999",
    })
    void refuses_a_price_beyond_the_limits_quoting_it_short(String sent, String shown) {
        assertThatThrownBy(() -> BarSkipRules.price("close", new BigDecimal(sent)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("close price " + shown + " out of range");
    }

    @Test
    void quotes_a_price_of_hundreds_of_digits_by_its_first_few() {
        BigDecimal digits = new BigDecimal("9".repeat(500) + ".5");

        assertThatThrownBy(() -> BarSkipRules.price("open", digits))
                .hasMessage("open price 99999999999999999999... (501 digits, scale 1) out of range");
    }

    @Test
    void skips_a_bar_with_an_absurd_price_before_the_domain_writes_it_out() {
        Optional<DailyBar> bar = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> rules.bar(AAPL, MONDAY, WEEK,
                () -> BarSkipRules.dailyBar(AAPL, MONDAY, new BigDecimal("-1e999999999"), new BigDecimal("1e999999999"),
                        null, new BigDecimal("10"), 1000L, null)));

        assertThat(bar).isEmpty();
        assertThat(log.lines).containsExactly(
                "WARN Skipping the bar of AAPL on 2024-05-06 from provider acme: open price -1E+999999999 out of range");
    }

    @Test
    void refuses_a_volume_beyond_a_long_or_with_an_absurd_exponent_at_once() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThatThrownBy(() -> BarSkipRules.wholeShares(new BigDecimal("123456789012345678901234")))
                    .hasMessage("volume 123456789012345678901234 is not a whole number of shares");
            assertThatThrownBy(() -> BarSkipRules.wholeShares(new BigDecimal("1e999999999")))
                    .hasMessage("volume 1E+999999999 is not a whole number of shares");
            assertThatThrownBy(() -> BarSkipRules.wholeShares(new BigDecimal("1E-999999999")))
                    .hasMessage("volume 1E-999999999 is not a whole number of shares");
            assertThatThrownBy(() -> BarSkipRules.roundedShares(new BigDecimal("1e999999999")))
                    .hasMessage("volume 1E+999999999 out of range");
            assertThatThrownBy(() -> BarSkipRules.roundedShares(new BigDecimal("1E-999999999")))
                    .hasMessage("volume 1E-999999999 out of range");
            assertThatThrownBy(() -> BarSkipRules.roundedShares(new BigDecimal("9223372036854775807.5")))
                    .hasMessage("volume 9223372036854775807.5 out of range");
        });
        assertThat(BarSkipRules.roundedShares(new BigDecimal("2345875.5"))).isEqualTo(2345876L);
        assertThat(BarSkipRules.roundedShares(null)).isNull();
    }

    @Test
    void logs_the_first_ten_skips_of_an_answer_one_by_one_and_sums_up_the_rest_in_one_line() {
        for (int day = 0; day < 200_000; day++) {
            LocalDate date = MONDAY.plusDays(day % 3);
            if (day % 4 == 0) {
                rules.bar(AAPL, date, WEEK, () -> BarSkipRules.dailyBar(AAPL, date, null, null, null,
                        new BigDecimal("1e999999999"), null, null));
            } else {
                rules.bar(AAPL, date, WEEK, () -> BarSkipRules.dailyBar(AAPL, date, null, null, null, null, null, null));
            }
        }
        rules.skipUndated(AAPL, "its date is missing or not YYYY-MM-DD");
        rules.bar(AAPL, MONDAY.minusDays(7), WEEK, () -> {
            throw new AssertionError("a bar outside the window is never built");
        });

        rules.finish(AAPL);

        assertThat(log.lines).hasSize(11);
        assertThat(log.lines.subList(0, 2)).containsExactly(
                "WARN Skipping the bar of AAPL on 2024-05-06 from provider acme: close price 1E+999999999 out of range",
                "WARN Skipping the bar of AAPL on 2024-05-07 from provider acme: it has no close");
        assertThat(log.lines.get(10)).isEqualTo("WARN Skipped 199991 more bars of AAPL from provider acme:"
                + " 149993 without a close, 49997 out of range, 1 without a readable date");
    }

    @Test
    void says_nothing_more_at_the_end_of_an_answer_with_few_skips() {
        rules.skipUndated(AAPL, "its date is missing or not YYYY-MM-DD");

        rules.finish(AAPL);

        assertThat(log.lines).hasSize(1);
    }

    private static DailyBar bar(LocalDate date, String close, Long volume) {
        return new DailyBar(AAPL, date, null, null, null, new BigDecimal(close), volume, null);
    }
}
