package org.stockticker.application.port.in;

import java.util.List;
import java.util.Map;
import org.stockticker.domain.AdjustedSeries;
import org.stockticker.domain.Adjustment;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

/**
 * One symbol's history for callers that want it as values rather than as a sync: each method makes its requests,
 * through the provider's retries and budget, and answers once the whole answer is read and put in order.
 *
 * <p>Failures are the provider's exceptions ({@code UnknownSymbolException}, {@code RejectedCredentialsException},
 * {@code QuotaSpentException}, {@code ProviderUnavailableException}) and {@link InvalidInputException} for what the
 * provider cannot serve.
 */
public interface HistoryUseCase {

    /** The provider's name as configured. */
    String provider();

    /** The bars of {@code symbol} within {@code window}, as the provider sends them, ascending by date, each day once. */
    List<DailyBar> dailyBars(Symbol symbol, DateWindow window);

    /**
     * Whether the bars of {@code symbols} within {@code window} take fewer requests a trading day at a time, each
     * answering every symbol of the day, than a symbol at a time: with a provider that answers whole market days,
     * when the window holds fewer trading days than there are symbols.
     */
    boolean fewerRequestsByDay(List<Symbol> symbols, DateWindow window);

    /**
     * The bars of each of {@code symbols} within {@code window}, read a trading day at a time (see
     * {@link #fewerRequestsByDay}), by symbol in their order, each ascending by date; the same bars as
     * {@link #dailyBars} gives one symbol at a time. A symbol without any bar is checked with the provider, which
     * fails for a symbol it does not know.
     */
    Map<Symbol, List<DailyBar>> dailyBarsByDay(List<Symbol> symbols, DateWindow window);

    /** The splits of {@code symbol} executed within {@code window}, ascending by date, each day once. */
    List<Split> splits(Symbol symbol, DateWindow window);

    /**
     * The cash dividends of {@code symbol} whose ex-dividend date is within {@code window}, ascending by that date;
     * two of one day are both kept where their distribution types differ.
     */
    List<Dividend> dividends(Symbol symbol, DateWindow window);

    /** The listing of {@code symbol}: its name, exchange, type and whether it still trades. */
    Listing listing(Symbol symbol);

    /**
     * The bars of {@code symbol} within {@code window}, back-adjusted as of today for the splits and, if asked, the
     * dividends after each bar (see {@link org.stockticker.domain.BackAdjustment}). The adjustment is computed from the
     * as-traded bars and the provider's splits and dividends, so it is the same for every provider.
     */
    AdjustedSeries adjustedBars(Symbol symbol, DateWindow window, Adjustment adjustment);
}
