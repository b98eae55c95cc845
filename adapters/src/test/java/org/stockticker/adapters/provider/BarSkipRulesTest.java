package org.stockticker.adapters.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
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

    private static DailyBar bar(LocalDate date, String close, Long volume) {
        return new DailyBar(AAPL, date, null, null, null, new BigDecimal(close), volume, null);
    }
}
