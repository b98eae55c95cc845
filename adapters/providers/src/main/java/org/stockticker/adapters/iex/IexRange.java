package org.stockticker.adapters.iex;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * The chart ranges IEX serves, narrowest first, each with the earliest day it is sure to include.
 *
 * <p>Each range ends at the latest trading day, which is today or earlier; ending earlier only reaches further
 * back, so counting from today is safe. Five trading days always span at least five calendar days, so {@code 5d}
 * surely reaches today - 4. For the calendar ranges IEX does not pin down how it counts a month or a year
 * (calendar dates or a number of trading days), so each is trusted only up to {@link #MARGIN_DAYS} days inside its
 * nominal start. {@code max} covers everything.
 */
enum IexRange {
    FIVE_DAYS("5d"),
    ONE_MONTH("1m"),
    THREE_MONTHS("3m"),
    SIX_MONTHS("6m"),
    YEAR_TO_DATE("ytd"),
    ONE_YEAR("1y"),
    TWO_YEARS("2y"),
    FIVE_YEARS("5y"),
    MAX("max");

    /** How far inside a calendar range's nominal start a window must begin to be surely covered. */
    static final int MARGIN_DAYS = 7;

    private final String code;

    IexRange(String code) {
        this.code = code;
    }

    /** The range as IEX spells it in the path. */
    String code() {
        return code;
    }

    /** The narrowest range whose bars surely include {@code from}, counted back from {@code today}. */
    static IexRange covering(LocalDate from, LocalDate today) {
        return Arrays.stream(values())
                .filter(range -> range.covers(from, today))
                .findFirst()
                .orElseThrow();
    }

    /**
     * The narrowest range of IEX's splits and dividends endpoints whose events surely include {@code from}, counted
     * back from {@code today}; those endpoints serve {@code 1m} to {@code 5y} only, so {@link #FIVE_YEARS} when
     * none does (see {@link #covers}).
     */
    static IexRange coveringEvents(LocalDate from, LocalDate today) {
        return Arrays.stream(values())
                .filter(range -> range.servesEvents() && range.covers(from, today))
                .findFirst()
                .orElse(FIVE_YEARS);
    }

    /** Whether this range's answer, counted back from {@code today}, surely includes {@code from}. */
    boolean covers(LocalDate from, LocalDate today) {
        return !from.isBefore(earliestCovered(today));
    }

    private boolean servesEvents() {
        return this != FIVE_DAYS && this != MAX;
    }

    private LocalDate earliestCovered(LocalDate today) {
        return switch (this) {
            case FIVE_DAYS -> today.minusDays(4);
            case ONE_MONTH -> today.minusMonths(1).plusDays(MARGIN_DAYS);
            case THREE_MONTHS -> today.minusMonths(3).plusDays(MARGIN_DAYS);
            case SIX_MONTHS -> today.minusMonths(6).plusDays(MARGIN_DAYS);
            case YEAR_TO_DATE -> today.withDayOfYear(1).plusDays(MARGIN_DAYS);
            case ONE_YEAR -> today.minusYears(1).plusDays(MARGIN_DAYS);
            case TWO_YEARS -> today.minusYears(2).plusDays(MARGIN_DAYS);
            case FIVE_YEARS -> today.minusYears(5).plusDays(MARGIN_DAYS);
            case MAX -> LocalDate.MIN;
        };
    }
}
