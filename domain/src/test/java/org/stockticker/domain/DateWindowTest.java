package org.stockticker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateWindowTest {

    private static final LocalDate JAN_2 = LocalDate.of(2024, 1, 2);
    private static final LocalDate JAN_5 = LocalDate.of(2024, 1, 5);

    @Test
    void rejects_a_start_after_the_end() {
        assertThatThrownBy(() -> new DateWindow(JAN_5, JAN_2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window start 2024-01-05 is after its end 2024-01-02");
    }

    @Test
    void requires_both_ends() {
        assertThatThrownBy(() -> new DateWindow(null, JAN_2)).hasMessage("from is required");
        assertThatThrownBy(() -> new DateWindow(JAN_2, null)).hasMessage("to is required");
    }

    @Test
    void a_single_day_window_has_one_day() {
        assertThat(new DateWindow(JAN_2, JAN_2).days()).isEqualTo(1);
    }

    @Test
    void counts_both_ends() {
        assertThat(new DateWindow(JAN_2, JAN_5).days()).isEqualTo(4);
    }

    @Test
    void counts_a_leap_day() {
        assertThat(new DateWindow(LocalDate.of(2024, 2, 28), LocalDate.of(2024, 3, 1)).days()).isEqualTo(3);
    }

    @Test
    void contains_both_ends_and_nothing_outside() {
        DateWindow window = new DateWindow(JAN_2, JAN_5);

        assertThat(window.contains(JAN_2)).isTrue();
        assertThat(window.contains(JAN_5)).isTrue();
        assertThat(window.contains(LocalDate.of(2024, 1, 3))).isTrue();
        assertThat(window.contains(JAN_2.minusDays(1))).isFalse();
        assertThat(window.contains(JAN_5.plusDays(1))).isFalse();
    }

    @Test
    void between_gives_a_window_when_the_start_is_not_after_the_end() {
        assertThat(DateWindow.between(JAN_2, JAN_5)).contains(new DateWindow(JAN_2, JAN_5));
        assertThat(DateWindow.between(JAN_5, JAN_5)).contains(new DateWindow(JAN_5, JAN_5));
    }

    @Test
    void between_gives_nothing_when_the_start_is_after_the_end() {
        assertThat(DateWindow.between(JAN_5.plusDays(1), JAN_5)).isEmpty();
    }

    @Test
    void prints_as_a_range() {
        assertThat(new DateWindow(JAN_2, JAN_5)).hasToString("2024-01-02..2024-01-05");
    }
}
