package org.stockticker.application.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.UsTradingCalendar;

/**
 * Notices trading days missing from otherwise complete answers: a symbol's days between its first and its last
 * record that the market was open but that no record came for. Each symbol is told once, in one WARN that counts
 * its missing days and names the first few; a day whose whole answer was empty is told apart, not per symbol.
 */
final class DayGaps {

    /** The missing days named in one warning; the others are counted. */
    static final int DAYS_NAMED = 5;

    /** The symbols given a warning of their own in one read; the others are counted in a last one. */
    static final int SYMBOLS_TOLD = 20;

    private DayGaps() {
    }

    /** The warning for {@code symbol}, whose records came for {@code days} (ascending), if any trading day is missing. */
    static Optional<String> of(Symbol symbol, List<LocalDate> days, UsTradingCalendar calendar) {
        List<LocalDate> missing = new ArrayList<>();
        int count = 0;
        // Only the days between two records a day or more apart can be missing: mostly weekends, quickly told.
        for (int i = 1; i < days.size(); i++) {
            LocalDate previous = days.get(i - 1);
            LocalDate next = days.get(i);
            if (next.isAfter(previous.plusDays(1))) {
                for (LocalDate day : calendar.tradingDays(new DateWindow(previous.plusDays(1), next.minusDays(1)))) {
                    count++;
                    if (missing.size() < DAYS_NAMED) {
                        missing.add(day);
                    }
                }
            }
        }
        return count == 0 ? Optional.empty()
                : Optional.of(sentence(symbol, missing, count, days.get(0), days.get(days.size() - 1)));
    }

    private static String sentence(Symbol symbol, List<LocalDate> named, int missing, LocalDate first, LocalDate last) {
        StringBuilder text = new StringBuilder("The provider's answer for ").append(symbol).append(" lacks ")
                .append(missing).append(missing == 1 ? " trading day" : " trading days").append(" between ")
                .append(first).append(" and ").append(last).append(": ");
        for (int i = 0; i < Math.min(DAYS_NAMED, named.size()); i++) {
            text.append(i == 0 ? "" : ", ").append(named.get(i));
        }
        if (missing > DAYS_NAMED) {
            text.append(" and ").append(missing - DAYS_NAMED).append(" more");
        }
        return text.toString();
    }

    /** The days each symbol had a record on, over a read of {@code days} a day at a time. */
    static final class Tracker {

        private final List<LocalDate> days;
        private final Map<Symbol, BitSet> seen = new TreeMap<>();
        private final BitSet unanswered = new BitSet();

        Tracker(List<LocalDate> days) {
            this.days = days;
        }

        /** {@code symbol} had a record on the day at {@code index}. */
        void saw(Symbol symbol, int index) {
            seen.computeIfAbsent(symbol, s -> new BitSet()).set(index);
        }

        /** The day at {@code index} was answered without a single record. */
        void unanswered(int index) {
            unanswered.set(index);
        }

        /** Whether the day at {@code index} was answered without a single record. */
        boolean isUnanswered(int index) {
            return unanswered.get(index);
        }

        /** Whether {@code symbol} had a record on any day. */
        boolean sawAny(Symbol symbol) {
            return seen.containsKey(symbol);
        }

        /** The trading days answered empty, ascending. */
        List<LocalDate> unansweredDays() {
            return unanswered.stream().mapToObj(days::get).toList();
        }

        /** Tells {@code warn} of each symbol's missing days, up to {@value #SYMBOLS_TOLD} symbols, then a count. */
        void warnings(Consumer<String> warn) {
            int told = 0;
            int untold = 0;
            for (Map.Entry<Symbol, BitSet> entry : seen.entrySet()) {
                BitSet had = entry.getValue();
                int first = had.nextSetBit(0);
                int last = had.length() - 1;
                List<LocalDate> missing = new ArrayList<>();
                int count = 0;
                for (int i = had.nextClearBit(first); i < last; i = had.nextClearBit(i + 1)) {
                    if (!unanswered.get(i)) {
                        count++;
                        if (missing.size() < DAYS_NAMED) {
                            missing.add(days.get(i));
                        }
                    }
                }
                if (count == 0) {
                    continue;
                }
                if (told < SYMBOLS_TOLD) {
                    warn.accept(sentence(entry.getKey(), missing, count, days.get(first), days.get(last)));
                    told++;
                } else {
                    untold++;
                }
            }
            if (untold > 0) {
                warn.accept(untold + " more " + (untold == 1 ? "symbol lacks" : "symbols lack")
                        + " trading days between their first and last records in the provider's answers");
            }
        }
    }
}
