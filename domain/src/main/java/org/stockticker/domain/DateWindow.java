package org.stockticker.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** An inclusive range of calendar days, never empty: {@code from <= to}. */
public record DateWindow(LocalDate from, LocalDate to) {

    public DateWindow {
        Objects.requireNonNull(from, "from is required");
        Objects.requireNonNull(to, "to is required");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("window start " + from + " is after its end " + to);
        }
    }

    /** The window from {@code from} to {@code to}, or nothing when {@code from} lies after {@code to}. */
    public static Optional<DateWindow> between(LocalDate from, LocalDate to) {
        return from.isAfter(to) ? Optional.empty() : Optional.of(new DateWindow(from, to));
    }

    /** The number of calendar days in the window, both ends included. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
