package org.stockticker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class UsTradingCalendarTest {

    private final UsTradingCalendar calendar = new UsTradingCalendar();

    /** The full-day closures of NYSE and Nasdaq on weekdays, as the exchanges published them. */
    static Stream<Arguments> published_closures() {
        return Stream.of(
                year(2000, "01-17 02-21 04-21 05-29 07-04 09-04 11-23 12-25"),
                year(2001, "01-01 01-15 02-19 04-13 05-28 07-04 09-03 09-11 09-12 09-13 09-14 11-22 12-25"),
                year(2002, "01-01 01-21 02-18 03-29 05-27 07-04 09-02 11-28 12-25"),
                year(2003, "01-01 01-20 02-17 04-18 05-26 07-04 09-01 11-27 12-25"),
                year(2004, "01-01 01-19 02-16 04-09 05-31 06-11 07-05 09-06 11-25 12-24"),
                year(2005, "01-17 02-21 03-25 05-30 07-04 09-05 11-24 12-26"),
                year(2006, "01-02 01-16 02-20 04-14 05-29 07-04 09-04 11-23 12-25"),
                year(2007, "01-01 01-02 01-15 02-19 04-06 05-28 07-04 09-03 11-22 12-25"),
                year(2008, "01-01 01-21 02-18 03-21 05-26 07-04 09-01 11-27 12-25"),
                year(2009, "01-01 01-19 02-16 04-10 05-25 07-03 09-07 11-26 12-25"),
                year(2010, "01-01 01-18 02-15 04-02 05-31 07-05 09-06 11-25 12-24"),
                year(2011, "01-17 02-21 04-22 05-30 07-04 09-05 11-24 12-26"),
                year(2012, "01-02 01-16 02-20 04-06 05-28 07-04 09-03 10-29 10-30 11-22 12-25"),
                year(2013, "01-01 01-21 02-18 03-29 05-27 07-04 09-02 11-28 12-25"),
                year(2014, "01-01 01-20 02-17 04-18 05-26 07-04 09-01 11-27 12-25"),
                year(2015, "01-01 01-19 02-16 04-03 05-25 07-03 09-07 11-26 12-25"),
                year(2016, "01-01 01-18 02-15 03-25 05-30 07-04 09-05 11-24 12-26"),
                year(2017, "01-02 01-16 02-20 04-14 05-29 07-04 09-04 11-23 12-25"),
                year(2018, "01-01 01-15 02-19 03-30 05-28 07-04 09-03 11-22 12-05 12-25"),
                year(2019, "01-01 01-21 02-18 04-19 05-27 07-04 09-02 11-28 12-25"),
                year(2020, "01-01 01-20 02-17 04-10 05-25 07-03 09-07 11-26 12-25"),
                year(2021, "01-01 01-18 02-15 04-02 05-31 07-05 09-06 11-25 12-24"),
                year(2022, "01-17 02-21 04-15 05-30 06-20 07-04 09-05 11-24 12-26"),
                year(2023, "01-02 01-16 02-20 04-07 05-29 06-19 07-04 09-04 11-23 12-25"),
                year(2024, "01-01 01-15 02-19 03-29 05-27 06-19 07-04 09-02 11-28 12-25"),
                year(2025, "01-01 01-09 01-20 02-17 04-18 05-26 06-19 07-04 09-01 11-27 12-25"),
                year(2026, "01-01 01-19 02-16 04-03 05-25 06-19 07-03 09-07 11-26 12-25"));
    }

    private static Arguments year(int year, String monthDays) {
        List<LocalDate> closures = Arrays.stream(monthDays.split(" "))
                .map(monthDay -> LocalDate.parse(year + "-" + monthDay))
                .toList();
        return Arguments.of(year, closures);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("published_closures")
    void closes_exactly_on_the_weekdays_the_exchanges_published(int year, List<LocalDate> published) {
        List<LocalDate> closedWeekdays = daysOf(year)
                .filter(day -> !isWeekend(day))
                .filter(day -> !calendar.isTradingDay(day))
                .toList();

        assertThat(closedWeekdays).containsExactlyElementsOf(published);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("published_closures")
    void names_every_closed_weekday_and_no_other_day(int year, List<LocalDate> published) {
        daysOf(year).forEach(day -> assertThat(calendar.holidayName(day).isPresent())
                .as("a closure named on %s", day)
                .isEqualTo(published.contains(day)));
    }

    @ParameterizedTest(name = "{0}: {1} trading days")
    @CsvSource({"2000, 252", "2001, 248", "2012, 250", "2022, 251", "2023, 250", "2024, 252", "2025, 250", "2026, 251"})
    void counts_the_trading_days_of_a_year(int year, long tradingDays) {
        DateWindow wholeYear = new DateWindow(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));

        assertThat(calendar.countTradingDays(wholeYear)).isEqualTo(tradingDays);
        assertThat(calendar.tradingDays(wholeYear)).hasSize((int) tradingDays);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "2024-01-01 | New Year's Day",
            "2023-01-02 | New Year's Day",
            "2024-01-15 | Martin Luther King Jr. Day",
            "2024-02-19 | Washington's Birthday",
            "2024-03-29 | Good Friday",
            "2024-05-27 | Memorial Day",
            "2022-06-20 | Juneteenth",
            "2026-07-03 | Independence Day",
            "2024-09-02 | Labor Day",
            "2024-11-28 | Thanksgiving",
            "2021-12-24 | Christmas",
            "1994-04-27 | Mourning for Richard Nixon",
            "2001-09-14 | September 11 attacks",
            "2004-06-11 | Mourning for Ronald Reagan",
            "2007-01-02 | Mourning for Gerald Ford",
            "2012-10-29 | Hurricane Sandy",
            "2012-10-30 | Hurricane Sandy",
            "2018-12-05 | Mourning for George H. W. Bush",
            "2025-01-09 | Mourning for Jimmy Carter"})
    void names_why_a_weekday_is_closed(LocalDate date, String name) {
        assertThat(calendar.holidayName(date)).contains(name);
        assertThat(calendar.isTradingDay(date)).isFalse();
    }

    @Test
    void a_weekend_is_closed_without_a_holiday_name() {
        LocalDate saturday = LocalDate.of(2024, 1, 6);

        assertThat(calendar.isTradingDay(saturday)).isFalse();
        assertThat(calendar.isTradingDay(saturday.plusDays(1))).isFalse();
        assertThat(calendar.holidayName(saturday)).isEmpty();
        assertThat(calendar.holidayName(LocalDate.of(2021, 12, 25))).isEmpty();
    }

    @Test
    void does_not_observe_new_years_day_on_a_saturday() {
        assertThat(calendar.isTradingDay(LocalDate.of(2021, 12, 31))).isTrue();
        assertThat(calendar.isTradingDay(LocalDate.of(2022, 1, 3))).isTrue();
        assertThat(calendar.isTradingDay(LocalDate.of(2010, 12, 31))).isTrue();
    }

    @Test
    void observes_martin_luther_king_jr_day_since_1998() {
        assertThat(calendar.isTradingDay(LocalDate.of(1997, 1, 20))).isTrue();
        assertThat(calendar.holidayName(LocalDate.of(1998, 1, 19))).contains("Martin Luther King Jr. Day");
    }

    @Test
    void observes_juneteenth_since_2022() {
        assertThat(calendar.isTradingDay(LocalDate.of(2021, 6, 18))).isTrue();
        assertThat(calendar.isTradingDay(LocalDate.of(2027, 6, 18))).isFalse();
    }

    @Test
    void an_early_close_is_a_trading_day() {
        assertThat(calendar.isTradingDay(LocalDate.of(2024, 7, 3))).isTrue();
        assertThat(calendar.isTradingDay(LocalDate.of(2024, 11, 29))).isTrue();
        assertThat(calendar.isTradingDay(LocalDate.of(2024, 12, 24))).isTrue();
    }

    @Test
    void a_window_of_a_weekend_holds_no_trading_day() {
        DateWindow weekend = new DateWindow(LocalDate.of(2024, 1, 6), LocalDate.of(2024, 1, 7));

        assertThat(calendar.tradingDays(weekend)).isEmpty();
        assertThat(calendar.countTradingDays(weekend)).isZero();
        assertThat(calendar.firstTradingDayIn(weekend)).isEmpty();
        assertThat(calendar.lastTradingDayIn(weekend)).isEmpty();
        assertThat(calendar.clip(weekend)).isEmpty();
    }

    @Test
    void lists_the_trading_days_of_a_window_in_order() {
        DateWindow christmasWeek = new DateWindow(LocalDate.of(2023, 12, 22), LocalDate.of(2024, 1, 2));

        assertThat(calendar.tradingDays(christmasWeek)).containsExactly(
                LocalDate.of(2023, 12, 22), LocalDate.of(2023, 12, 26), LocalDate.of(2023, 12, 27),
                LocalDate.of(2023, 12, 28), LocalDate.of(2023, 12, 29), LocalDate.of(2024, 1, 2));
    }

    @Test
    void clips_a_window_to_its_first_and_last_trading_day() {
        DateWindow window = new DateWindow(LocalDate.of(2023, 12, 23), LocalDate.of(2024, 1, 1));

        assertThat(calendar.firstTradingDayIn(window)).contains(LocalDate.of(2023, 12, 26));
        assertThat(calendar.lastTradingDayIn(window)).contains(LocalDate.of(2023, 12, 29));
        assertThat(calendar.clip(window))
                .contains(new DateWindow(LocalDate.of(2023, 12, 26), LocalDate.of(2023, 12, 29)));
    }

    @Test
    void leaves_a_window_that_starts_and_ends_on_trading_days_as_it_is() {
        DateWindow window = new DateWindow(LocalDate.of(2024, 3, 28), LocalDate.of(2024, 4, 1));

        assertThat(calendar.clip(window)).contains(window);
        assertThat(calendar.clip(new DateWindow(window.from(), window.from())))
                .contains(new DateWindow(window.from(), window.from()));
    }

    @Test
    void steps_across_a_holiday_weekend() {
        LocalDate thursdayBeforeGoodFriday = LocalDate.of(2024, 3, 28);
        LocalDate mondayAfterEaster = LocalDate.of(2024, 4, 1);

        assertThat(calendar.nextTradingDay(thursdayBeforeGoodFriday)).isEqualTo(mondayAfterEaster);
        assertThat(calendar.previousTradingDay(mondayAfterEaster)).isEqualTo(thursdayBeforeGoodFriday);
        assertThat(calendar.nextTradingDay(LocalDate.of(2001, 9, 10))).isEqualTo(LocalDate.of(2001, 9, 17));
        assertThat(calendar.previousTradingDay(LocalDate.of(2001, 9, 17))).isEqualTo(LocalDate.of(2001, 9, 10));
    }

    @Test
    void steps_from_a_closed_day_to_its_neighbouring_trading_days() {
        LocalDate christmas = LocalDate.of(2023, 12, 25);

        assertThat(calendar.previousTradingDay(christmas)).isEqualTo(LocalDate.of(2023, 12, 22));
        assertThat(calendar.nextTradingDay(christmas)).isEqualTo(LocalDate.of(2023, 12, 26));
    }

    @Test
    void requires_a_date_and_a_window() {
        assertThatThrownBy(() -> calendar.isTradingDay(null)).hasMessage("date is required");
        assertThatThrownBy(() -> calendar.holidayName(null)).hasMessage("date is required");
        assertThatThrownBy(() -> calendar.previousTradingDay(null)).hasMessage("date is required");
        assertThatThrownBy(() -> calendar.nextTradingDay(null)).hasMessage("date is required");
        assertThatThrownBy(() -> calendar.tradingDays(null)).hasMessage("window is required");
        assertThatThrownBy(() -> calendar.countTradingDays(null)).hasMessage("window is required");
        assertThatThrownBy(() -> calendar.clip(null)).hasMessage("window is required");
    }

    @Test
    void refuses_dates_outside_its_coverage() {
        assertThatThrownBy(() -> calendar.isTradingDay(LocalDate.of(1899, 12, 29)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("date 1899-12-29 is outside the calendar's 1900-01-01..9999-12-31");
        assertThatThrownBy(() -> calendar.tradingDays(
                new DateWindow(LocalDate.of(1899, 12, 1), LocalDate.of(1900, 1, 31))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window 1899-12-01..1900-01-31 is outside the calendar's 1900-01-01..9999-12-31");
    }

    @Test
    void refuses_to_step_past_the_ends_of_its_coverage() {
        assertThatThrownBy(() -> calendar.previousTradingDay(LocalDate.of(1900, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("date 1900-01-02 has no trading day before it within 1900-01-01..9999-12-31");
        assertThatThrownBy(() -> calendar.nextTradingDay(LocalDate.of(9999, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("date 9999-12-31 has no trading day after it within 1900-01-01..9999-12-31");
        assertThat(calendar.nextTradingDay(LocalDate.of(9999, 12, 30))).isEqualTo(LocalDate.of(9999, 12, 31));
    }

    private static Stream<LocalDate> daysOf(int year) {
        return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1));
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
