package org.stockticker.adapters.alphavantage;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The two sizes of a daily time series: {@code compact}, the latest 100 trading days, and {@code full}, 20 years
 * and more, far larger to send and to read.
 *
 * <p>A compact answer ends at the latest trading day, which is today or earlier. Every trading day is a weekday,
 * so its 100 bars reach back at least to the 100th weekday counted back from today (today included when it is a
 * weekday): a holiday, or a latest day before today, only pushes the first bar further back. Of those 100
 * weekdays, {@link #MARGIN_WEEKDAYS} are kept as a margin against an answer shorter than documented, for instance
 * a day left out of a symbol's series. So {@code compact} is asked for when the window's first weekday is among
 * the latest {@code 100 - MARGIN_WEEKDAYS} weekdays, and {@code full} otherwise.
 */
enum AlphaVantageOutputSize {
    COMPACT("compact"),
    FULL("full");

    /** How many trading days a compact answer holds. */
    static final int COMPACT_TRADING_DAYS = 100;

    /** How many of those the choice of {@code compact} does not rely on. */
    static final int MARGIN_WEEKDAYS = 10;

    private final String code;

    AlphaVantageOutputSize(String code) {
        this.code = code;
    }

    /** The size as Alpha Vantage spells it in the {@code outputsize} parameter. */
    String code() {
        return code;
    }

    /** The smaller size whose bars surely include every trading day from {@code from}, as of {@code today}. */
    static AlphaVantageOutputSize covering(LocalDate from, LocalDate today) {
        LocalDate firstWeekday = from;
        while (isWeekend(firstWeekday)) {
            firstWeekday = firstWeekday.plusDays(1);
        }
        return firstWeekday.isBefore(earliestCompactDay(today)) ? FULL : COMPACT;
    }

    /** The earliest day a compact answer is trusted to hold, counted back from {@code today}. */
    static LocalDate earliestCompactDay(LocalDate today) {
        int trusted = COMPACT_TRADING_DAYS - MARGIN_WEEKDAYS;
        LocalDate day = today;
        int weekdays = isWeekend(day) ? 0 : 1;
        while (weekdays < trusted) {
            day = day.minusDays(1);
            if (!isWeekend(day)) {
                weekdays++;
            }
        }
        return day;
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
