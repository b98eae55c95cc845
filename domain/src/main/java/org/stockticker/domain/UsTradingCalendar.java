package org.stockticker.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Which days the US stock market (NYSE and Nasdaq) was or will be open for a full or shortened session, computed by
 * rule, so that no provider is asked for a day without trading and a day missing from an answer can be noticed.
 *
 * <p>A day is closed on a Saturday or Sunday, on one of these holidays, or on an unscheduled closure:
 * <ul>
 *   <li>New Year's Day, January 1; on a Sunday the Monday after; on a Saturday not observed (the Friday before,
 *       December 31, is a trading day);</li>
 *   <li>Martin Luther King Jr. Day, the third Monday of January, since 1998;</li>
 *   <li>Washington's Birthday, the third Monday of February;</li>
 *   <li>Good Friday, two days before Easter Sunday (Gregorian, by the anonymous algorithm);</li>
 *   <li>Memorial Day, the last Monday of May;</li>
 *   <li>Juneteenth, June 19, since 2022;</li>
 *   <li>Independence Day, July 4;</li>
 *   <li>Labor Day, the first Monday of September;</li>
 *   <li>Thanksgiving, the fourth Thursday of November;</li>
 *   <li>Christmas, December 25;</li>
 *   <li>Juneteenth, Independence Day and Christmas on a Saturday are observed the Friday before, on a Sunday the
 *       Monday after;</li>
 *   <li>the unscheduled closures since 1990: 1994-04-27 (Richard Nixon), 2001-09-11 to 2001-09-14 (the September 11
 *       attacks), 2004-06-11 (Ronald Reagan), 2007-01-02 (Gerald Ford), 2012-10-29 and 2012-10-30 (Hurricane
 *       Sandy), 2018-12-05 (George H. W. Bush), 2025-01-09 (Jimmy Carter).</li>
 * </ul>
 * Early closes (13:00) are trading days: they have a daily bar.
 *
 * <p>The calendar is exact from 1990 on, as far as the closures announced so far go; a closure announced later is
 * added to the list above. Before 1990 it applies the same rules, which are not the rules of those years: it knows
 * none of their unscheduled closures (such as Hurricane Gloria in 1985) and puts Washington's Birthday and Memorial
 * Day on Mondays even before 1971, so it can call a closed day open or an open day closed. It answers for {@link #COVERAGE}, 1900 through 9999.
 */
public final class UsTradingCalendar {

    /** The exchanges' time zone, in which every trading day and "today" are told. */
    public static final ZoneId ZONE = ZoneId.of("America/New_York");

    /** The days the calendar answers for; a date outside is refused. */
    public static final DateWindow COVERAGE = new DateWindow(LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31));

    /** The scheduled holidays of each year asked about so far, by year: a dozen dates each, computed once. */
    private static final Map<Integer, Map<LocalDate, String>> HOLIDAYS = new ConcurrentHashMap<>();

    private static final Map<LocalDate, String> UNSCHEDULED = Map.ofEntries(
            Map.entry(LocalDate.of(1994, 4, 27), "Mourning for Richard Nixon"),
            Map.entry(LocalDate.of(2001, 9, 11), "September 11 attacks"),
            Map.entry(LocalDate.of(2001, 9, 12), "September 11 attacks"),
            Map.entry(LocalDate.of(2001, 9, 13), "September 11 attacks"),
            Map.entry(LocalDate.of(2001, 9, 14), "September 11 attacks"),
            Map.entry(LocalDate.of(2004, 6, 11), "Mourning for Ronald Reagan"),
            Map.entry(LocalDate.of(2007, 1, 2), "Mourning for Gerald Ford"),
            Map.entry(LocalDate.of(2012, 10, 29), "Hurricane Sandy"),
            Map.entry(LocalDate.of(2012, 10, 30), "Hurricane Sandy"),
            Map.entry(LocalDate.of(2018, 12, 5), "Mourning for George H. W. Bush"),
            Map.entry(LocalDate.of(2025, 1, 9), "Mourning for Jimmy Carter"));

    /** Whether the market holds a session on {@code date}: a weekday that is neither a holiday nor a closure. */
    public boolean isTradingDay(LocalDate date) {
        return !isWeekend(covered(date, "date")) && holidayName(date).isEmpty();
    }

    /**
     * Why the market is closed on the weekday {@code date}: the holiday ("Good Friday", "Christmas") or the
     * unscheduled closure ("Hurricane Sandy"); empty on a trading day and on a Saturday or Sunday.
     */
    public Optional<String> holidayName(LocalDate date) {
        covered(date, "date");
        if (isWeekend(date)) {
            return Optional.empty();
        }
        String unscheduled = UNSCHEDULED.get(date);
        return Optional.ofNullable(unscheduled != null ? unscheduled
                : HOLIDAYS.computeIfAbsent(date.getYear(), UsTradingCalendar::holidaysOf).get(date));
    }

    /** The trading days of {@code window}, in ascending order; empty when it holds none. */
    public List<LocalDate> tradingDays(DateWindow window) {
        return tradingDaysOf(window).toList();
    }

    /** The number of trading days in {@code window}, both ends included. */
    public long countTradingDays(DateWindow window) {
        return tradingDaysOf(window).count();
    }

    /** The first trading day of {@code window}, or nothing when it holds none. */
    public Optional<LocalDate> firstTradingDayIn(DateWindow window) {
        covered(window);
        LocalDate day = window.from();
        while (!isTradingDay(day) && day.isBefore(window.to())) {
            day = day.plusDays(1);
        }
        return isTradingDay(day) ? Optional.of(day) : Optional.empty();
    }

    /** The last trading day of {@code window}, or nothing when it holds none. */
    public Optional<LocalDate> lastTradingDayIn(DateWindow window) {
        covered(window);
        LocalDate day = window.to();
        while (!isTradingDay(day) && day.isAfter(window.from())) {
            day = day.minusDays(1);
        }
        return isTradingDay(day) ? Optional.of(day) : Optional.empty();
    }

    /** {@code window} narrowed to its first and last trading day, or nothing when it holds none. */
    public Optional<DateWindow> clip(DateWindow window) {
        return firstTradingDayIn(window).map(first -> new DateWindow(first, lastTradingDayIn(window).orElseThrow()));
    }

    /** The last trading day before {@code date}; refused when it would lie before {@link #COVERAGE}. */
    public LocalDate previousTradingDay(LocalDate date) {
        LocalDate day = covered(date, "date");
        do {
            if (day.equals(COVERAGE.from())) {
                throw new IllegalArgumentException("date " + date + " has no trading day before it within " + COVERAGE);
            }
            day = day.minusDays(1);
        } while (!isTradingDay(day));
        return day;
    }

    /** The first trading day after {@code date}; refused when it would lie after {@link #COVERAGE}. */
    public LocalDate nextTradingDay(LocalDate date) {
        LocalDate day = covered(date, "date");
        do {
            if (day.equals(COVERAGE.to())) {
                throw new IllegalArgumentException("date " + date + " has no trading day after it within " + COVERAGE);
            }
            day = day.plusDays(1);
        } while (!isTradingDay(day));
        return day;
    }

    private Stream<LocalDate> tradingDaysOf(DateWindow window) {
        covered(window);
        return window.from().datesUntil(window.to().plusDays(1)).filter(this::isTradingDay);
    }

    /** The holidays of {@code year} on weekdays, by date: each rule applied to each weekday of the year, once. */
    private static Map<LocalDate, String> holidaysOf(int year) {
        Map<LocalDate, String> holidays = new HashMap<>();
        LocalDate end = LocalDate.of(year, 12, 31);
        for (LocalDate day = LocalDate.of(year, 1, 1); !day.isAfter(end); day = day.plusDays(1)) {
            String holiday = isWeekend(day) ? null : scheduledHoliday(day);
            if (holiday != null) {
                holidays.put(day, holiday);
            }
        }
        return Map.copyOf(holidays);
    }

    private static String scheduledHoliday(LocalDate date) {
        int year = date.getYear();
        Month month = date.getMonth();
        DayOfWeek weekday = date.getDayOfWeek();
        int day = date.getDayOfMonth();
        if (date.equals(observedNewYear(year))) {
            return "New Year's Day";
        }
        if (month == Month.JANUARY && weekday == DayOfWeek.MONDAY && day >= 15 && day <= 21 && year >= 1998) {
            return "Martin Luther King Jr. Day";
        }
        if (month == Month.FEBRUARY && weekday == DayOfWeek.MONDAY && day >= 15 && day <= 21) {
            return "Washington's Birthday";
        }
        if (date.equals(easterSunday(year).minusDays(2))) {
            return "Good Friday";
        }
        if (month == Month.MAY && weekday == DayOfWeek.MONDAY && day >= 25) {
            return "Memorial Day";
        }
        if (year >= 2022 && date.equals(observed(LocalDate.of(year, 6, 19)))) {
            return "Juneteenth";
        }
        if (date.equals(observed(LocalDate.of(year, 7, 4)))) {
            return "Independence Day";
        }
        if (month == Month.SEPTEMBER && weekday == DayOfWeek.MONDAY && day <= 7) {
            return "Labor Day";
        }
        if (month == Month.NOVEMBER && weekday == DayOfWeek.THURSDAY && day >= 22 && day <= 28) {
            return "Thanksgiving";
        }
        if (date.equals(observed(LocalDate.of(year, 12, 25)))) {
            return "Christmas";
        }
        return null;
    }

    /** January 1, or the Monday after when it falls on a Sunday; on a Saturday it is not observed at all. */
    private static LocalDate observedNewYear(int year) {
        LocalDate newYear = LocalDate.of(year, 1, 1);
        return newYear.getDayOfWeek() == DayOfWeek.SUNDAY ? newYear.plusDays(1) : newYear;
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    /** Easter Sunday of a Gregorian year, by the anonymous (Meeus/Jones/Butcher) algorithm. */
    private static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static LocalDate covered(LocalDate date, String field) {
        if (date == null) {
            throw new NullPointerException(field + " is required");
        }
        if (!COVERAGE.contains(date)) {
            throw new IllegalArgumentException(field + " " + date + " is outside the calendar's " + COVERAGE);
        }
        return date;
    }

    private static void covered(DateWindow window) {
        Objects.requireNonNull(window, "window is required");
        if (!COVERAGE.contains(window.from()) || !COVERAGE.contains(window.to())) {
            throw new IllegalArgumentException("window " + window + " is outside the calendar's " + COVERAGE);
        }
    }
}
