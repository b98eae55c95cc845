package org.stockticker.history;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * The calls of a {@link StockHistory}, answered as {@link CompletableFuture}s completed on its threads: get it from
 * {@link StockHistory#async()}. Invalid arguments throw {@link InvalidRequestException} at the call; the provider's
 * failures complete the future exceptionally with the exception the synchronous call would throw (wrapped in a
 * {@link java.util.concurrent.CompletionException} by {@link CompletableFuture#join()}). A call for several symbols
 * completes once all of them are read, or fails as soon as one of them fails, with its failure (of those that failed
 * together, the first in the order given); the symbols not yet read are then not asked for. Cancelling a future, or
 * its timing out ({@link CompletableFuture#orTimeout}), stops its reads: a read waiting for a thread or for the
 * request budget never sends its request.
 */
public final class AsyncStockHistory {

    private final StockHistory history;

    AsyncStockHistory(StockHistory history) {
        this.history = history;
    }

    /**
     * {@link StockHistory#dailyBars(String, LocalDate, LocalDate)}, later.
     *
     * @param symbol a ticker symbol, in any case
     * @param from the first day
     * @param to the last day
     * @return the bars, ascending by date
     * @throws InvalidRequestException if the symbol or a date is invalid
     * @throws IllegalStateException if the history is closed
     */
    public CompletableFuture<List<Bar>> dailyBars(String symbol, LocalDate from, LocalDate to) {
        DateWindow window = StockHistory.window(from, to);
        Symbol parsed = StockHistory.symbol(symbol);
        return history.later(() -> history.bars(parsed, window));
    }

    /**
     * {@link StockHistory#dailyBars(Collection, LocalDate, LocalDate)}, later.
     *
     * @param symbols ticker symbols, in any case; repeats are read once
     * @param from the first day
     * @param to the last day
     * @return each symbol's bars, by upper-case symbol, in the order given
     * @throws InvalidRequestException if a symbol or a date is invalid
     * @throws IllegalStateException if the history is closed
     */
    public CompletableFuture<Map<String, List<Bar>>> dailyBars(Collection<String> symbols, LocalDate from,
            LocalDate to) {
        DateWindow window = StockHistory.window(from, to);
        List<Symbol> parsed = StockHistory.symbols(symbols);
        // A request a trading day, each answering every symbol, where that is fewer than one a symbol.
        return history.barsByDay(parsed, window).map(history::later)
                .orElseGet(() -> history.each(symbols, symbol -> history.bars(symbol, window)));
    }

    /**
     * {@link StockHistory#adjustedBars(String, LocalDate, LocalDate, Adjustment)}, later.
     *
     * @param symbol a ticker symbol, in any case
     * @param from the first day
     * @param to the last day
     * @param adjustment what to adjust for
     * @return the adjusted bars, ascending by date
     * @throws InvalidRequestException if the symbol or a date is invalid
     * @throws IllegalStateException if the history is closed
     */
    public CompletableFuture<List<Bar>> adjustedBars(String symbol, LocalDate from, LocalDate to,
            Adjustment adjustment) {
        DateWindow window = StockHistory.window(from, to);
        Symbol parsed = StockHistory.symbol(symbol);
        org.stockticker.domain.Adjustment kind = StockHistory.adjustment(adjustment);
        return history.later(() -> history.adjusted(parsed, window, kind));
    }

    /**
     * {@link StockHistory#adjustedBars(Collection, LocalDate, LocalDate, Adjustment)}, later.
     *
     * @param symbols ticker symbols, in any case; repeats are read once
     * @param from the first day
     * @param to the last day
     * @param adjustment what to adjust for
     * @return each symbol's adjusted bars, by upper-case symbol, in the order given
     * @throws InvalidRequestException if a symbol or a date is invalid
     * @throws IllegalStateException if the history is closed
     */
    public CompletableFuture<Map<String, List<Bar>>> adjustedBars(Collection<String> symbols, LocalDate from,
            LocalDate to, Adjustment adjustment) {
        DateWindow window = StockHistory.window(from, to);
        org.stockticker.domain.Adjustment kind = StockHistory.adjustment(adjustment);
        return history.each(symbols, symbol -> history.adjusted(symbol, window, kind));
    }

    /**
     * {@link StockHistory#splits(String, LocalDate, LocalDate)}, later.
     *
     * @param symbol a ticker symbol, in any case
     * @param from the first day
     * @param to the last day
     * @return the splits, ascending by date
     * @throws InvalidRequestException if the symbol or a date is invalid
     * @throws IllegalStateException if the history is closed
     */
    public CompletableFuture<List<Split>> splits(String symbol, LocalDate from, LocalDate to) {
        DateWindow window = StockHistory.window(from, to);
        Symbol parsed = StockHistory.symbol(symbol);
        return history.later(() -> history.splitsOf(parsed, window));
    }

    /**
     * {@link StockHistory#splits(Collection, LocalDate, LocalDate)}, later.
     *
     * @param symbols ticker symbols, in any case; repeats are read once
     * @param from the first day
     * @param to the last day
     * @return each symbol's splits, by upper-case symbol, in the order given
     * @throws InvalidRequestException if a symbol or a date is invalid
     * @throws IllegalStateException if the history is closed
     */
    public CompletableFuture<Map<String, List<Split>>> splits(Collection<String> symbols, LocalDate from,
            LocalDate to) {
        DateWindow window = StockHistory.window(from, to);
        return history.each(symbols, symbol -> history.splitsOf(symbol, window));
    }

    /**
     * {@link StockHistory#dividends(String, LocalDate, LocalDate)}, later.
     *
     * @param symbol a ticker symbol, in any case
     * @param from the first day
     * @param to the last day
     * @return the dividends, ascending by ex-dividend date
     * @throws InvalidRequestException if the symbol or a date is invalid
     * @throws IllegalStateException if the history is closed
     */
    public CompletableFuture<List<Dividend>> dividends(String symbol, LocalDate from, LocalDate to) {
        DateWindow window = StockHistory.window(from, to);
        Symbol parsed = StockHistory.symbol(symbol);
        return history.later(() -> history.dividendsOf(parsed, window));
    }

    /**
     * {@link StockHistory#dividends(Collection, LocalDate, LocalDate)}, later.
     *
     * @param symbols ticker symbols, in any case; repeats are read once
     * @param from the first day
     * @param to the last day
     * @return each symbol's dividends, by upper-case symbol, in the order given
     * @throws InvalidRequestException if a symbol or a date is invalid
     * @throws IllegalStateException if the history is closed
     */
    public CompletableFuture<Map<String, List<Dividend>>> dividends(Collection<String> symbols, LocalDate from,
            LocalDate to) {
        DateWindow window = StockHistory.window(from, to);
        return history.each(symbols, symbol -> history.dividendsOf(symbol, window));
    }

    /**
     * {@link StockHistory#listing(String)}, later.
     *
     * @param symbol a ticker symbol, in any case
     * @return the listing
     * @throws InvalidRequestException if the symbol is invalid
     * @throws IllegalStateException if the history is closed
     */
    public CompletableFuture<Listing> listing(String symbol) {
        Symbol parsed = StockHistory.symbol(symbol);
        return history.later(() -> history.listingOf(parsed));
    }

    /**
     * {@link StockHistory#listings(Collection)}, later.
     *
     * @param symbols ticker symbols, in any case; repeats are read once
     * @return each symbol's listing, by upper-case symbol, in the order given
     * @throws InvalidRequestException if a symbol is invalid
     * @throws IllegalStateException if the history is closed
     */
    public CompletableFuture<Map<String, Listing>> listings(Collection<String> symbols) {
        return history.each(symbols, history::listingOf);
    }
}
