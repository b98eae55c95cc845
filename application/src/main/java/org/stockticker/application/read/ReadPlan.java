package org.stockticker.application.read;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * How one stream's read asks its provider for records: a request per symbol, or a request per trading day that
 * answers every symbol at once. Either way, each symbol's records are those of its window.
 */
public sealed interface ReadPlan {

    /** The requests the plan makes, pages aside. */
    long requestCount();

    /** The records the plan expects, one per symbol and trading day of its window; unknown for the whole market. */
    long expectedRecords();

    /**
     * One request per symbol, for the days it needs.
     *
     * @param requests each symbol's window as asked of the provider: its own window, clipped to its first and last
     *     trading day, and with the cursor's own day in front where the read watches for changed history
     * @param emitted each symbol's window whose records are emitted
     * @param expectedRecords the trading days of the emitted windows, summed
     */
    record BySymbol(Map<Symbol, DateWindow> requests, Map<Symbol, DateWindow> emitted, long expectedRecords)
            implements ReadPlan {

        public BySymbol {
            requests = Map.copyOf(requests);
            emitted = Map.copyOf(emitted);
        }

        @Override
        public long requestCount() {
            return requests.size();
        }
    }

    /**
     * One request per trading day, each answering every symbol of the day, of which each symbol's records within its
     * window are kept.
     *
     * @param days the trading days asked for, ascending
     * @param requests each symbol's window as in {@link BySymbol#requests()}, which its records are kept for
     * @param emitted each symbol's window whose records are emitted
     * @param expectedRecords the trading days of the emitted windows, summed
     */
    record ByDay(List<LocalDate> days, Map<Symbol, DateWindow> requests, Map<Symbol, DateWindow> emitted,
            long expectedRecords) implements ReadPlan {

        public ByDay {
            days = List.copyOf(days);
            requests = Map.copyOf(requests);
            emitted = Map.copyOf(emitted);
        }

        @Override
        public long requestCount() {
            return days.size();
        }

        /** The requests the same read would make one symbol at a time. */
        public int requestsPerSymbol() {
            return requests.size();
        }
    }

    /**
     * The whole market, one request per trading day, every symbol of each answer kept.
     *
     * @param days the trading days asked for, ascending
     * @param resumeAfter on the first day, the symbols up to and including this one were emitted by an earlier read
     *     and are skipped; {@code null} when the first day is read whole
     */
    record WholeMarket(List<LocalDate> days, Symbol resumeAfter) implements ReadPlan {

        public WholeMarket {
            days = List.copyOf(days);
            Objects.requireNonNull(days, "days is required");
        }

        @Override
        public long requestCount() {
            return days.size();
        }

        @Override
        public long expectedRecords() {
            return -1;
        }
    }
}
