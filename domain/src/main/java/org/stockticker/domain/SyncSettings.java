package org.stockticker.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to sync: which symbols (or the whole market: every US stock the provider lists), over which days, how many days before each cursor an incremental read re-reads to
 * pick up the provider's late corrections, and whether a split or dividend seen in an incremental read makes it
 * re-read the symbol's whole history, so that earlier adjusted closes downstream are corrected.
 */
public record SyncSettings(List<Symbol> tickers, boolean wholeMarket, LocalDate startDate, LocalDate endDate,
        int lookbackDays, boolean rereadOnAdjustment) {

    /** The most symbols one sync may ask for. */
    public static final int MAX_TICKERS = 500;

    public SyncSettings {
        Objects.requireNonNull(tickers, "tickers is required");
        tickers = List.copyOf(tickers);
        Objects.requireNonNull(startDate, "start_date is required");
        Objects.requireNonNull(endDate, "end_date is required");
        if (wholeMarket && !tickers.isEmpty()) {
            throw new IllegalArgumentException("tickers names the whole market and symbols besides it");
        }
        if (!wholeMarket && tickers.isEmpty()) {
            throw new IllegalArgumentException("tickers must name at least one symbol");
        }
        if (tickers.size() > MAX_TICKERS) {
            throw new IllegalArgumentException("tickers names " + tickers.size() + " symbols; at most "
                    + MAX_TICKERS + " are allowed");
        }
        Set<Symbol> seen = new HashSet<>();
        for (Symbol ticker : tickers) {
            if (!seen.add(ticker)) {
                throw new IllegalArgumentException("tickers names " + ticker + " more than once");
            }
        }
        if (startDate.isAfter(endDate)) {
            throw new IllegalArgumentException("start_date " + startDate + " is after end_date " + endDate);
        }
        if (lookbackDays < 0) {
            throw new IllegalArgumentException("lookback_days " + lookbackDays + " is negative");
        }
    }

    /** Settings for {@code tickers}, each named. */
    public SyncSettings(
            List<Symbol> tickers, LocalDate startDate, LocalDate endDate, int lookbackDays, boolean rereadOnAdjustment) {
        this(tickers, false, startDate, endDate, lookbackDays, rereadOnAdjustment);
    }

    /** Settings for every US stock the provider lists, whichever symbols they are. */
    public static SyncSettings wholeMarket(
            LocalDate startDate, LocalDate endDate, int lookbackDays, boolean rereadOnAdjustment) {
        return new SyncSettings(List.of(), true, startDate, endDate, lookbackDays, rereadOnAdjustment);
    }

    /** Settings that re-read a symbol's history when its adjusted prices changed, as the connector does by default. */
    public SyncSettings(List<Symbol> tickers, LocalDate startDate, LocalDate endDate, int lookbackDays) {
        this(tickers, startDate, endDate, lookbackDays, true);
    }

    /** The whole configured window. */
    public DateWindow window() {
        return new DateWindow(startDate, endDate);
    }
}
