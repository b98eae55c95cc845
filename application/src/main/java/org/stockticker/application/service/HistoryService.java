package org.stockticker.application.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.stockticker.application.port.in.HistoryUseCase;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.out.CorporateActionsPort;
import org.stockticker.application.port.out.ListingsPort;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.read.CursorOrder;
import org.stockticker.application.read.ReadPlan;
import org.stockticker.application.read.ReadPlanner;
import org.stockticker.domain.AdjustedSeries;
import org.stockticker.domain.AdjustedSeries.SkippedDividend;
import org.stockticker.domain.Adjustment;
import org.stockticker.domain.BackAdjustment;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.UsTradingCalendar;

/**
 * Serves a symbol's history straight from the provider, in window and in order, with what had to be put in order
 * or left out told to {@code warnings}.
 *
 * <p>Windows end today in New York at the latest: a provider may list splits and dividends announced for later
 * days, which have not happened yet, and a window wholly after today asks for nothing.
 *
 * <p>Adjusted bars cost the provider's requests for the bars, the splits and (for dividends) the dividends of the
 * symbol: the events are read up to today, since every event after a bar changes its adjusted prices, and the bars
 * up to the last dividend, whose close before it measures it. A dividend on or before the first bar's day adjusts
 * none of the bars asked for, and is left out.
 */
public final class HistoryService implements HistoryUseCase {

    private static final UsTradingCalendar CALENDAR = new UsTradingCalendar();

    private final PriceProviderPort prices;
    private final Clock clock;
    private final Consumer<String> warnings;

    public HistoryService(PriceProviderPort prices, Clock clock, Consumer<String> warnings) {
        this.prices = Objects.requireNonNull(prices, "prices are required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.warnings = Objects.requireNonNull(warnings, "warnings are required");
    }

    @Override
    public String provider() {
        return prices.name();
    }

    @Override
    public List<DailyBar> dailyBars(Symbol symbol, DateWindow window) {
        return inOrder(symbol, window, prices::dailyBars, DailyBar::date, DailyBar::date);
    }

    @Override
    public boolean fewerRequestsByDay(List<Symbol> symbols, DateWindow window) {
        return planByDay(symbols, window).isPresent();
    }

    @Override
    public Map<Symbol, List<DailyBar>> dailyBarsByDay(List<Symbol> symbols, DateWindow window) {
        Map<Symbol, CursorOrder<DailyBar>> orders = new LinkedHashMap<>();
        Optional<DateWindow> untilToday = untilToday(window);
        untilToday.ifPresent(days -> symbols.forEach(symbol -> orders.put(symbol,
                new CursorOrder<>(days, DailyBar::date))));
        List<LocalDate> days = planByDay(symbols, window).map(ReadPlan.ByDay::days).orElse(List.of());
        for (LocalDate day : days) {
            try (Stream<DailyBar> bars = prices.marketDay(day)) {
                bars.forEach(bar -> {
                    CursorOrder<DailyBar> order = orders.get(bar.symbol());
                    if (order != null) {
                        order.add(bar);
                    }
                });
            }
        }
        Map<Symbol, List<DailyBar>> bars = new LinkedHashMap<>();
        for (Symbol symbol : symbols) {
            List<DailyBar> symbolBars = orders.containsKey(symbol)
                    ? orders.get(symbol).ascending(symbol, warnings) : List.of();
            if (symbolBars.isEmpty() && !days.isEmpty()) {
                // No day had it: an unknown symbol fails as it does a symbol at a time.
                prices.verify(symbol);
            }
            bars.put(symbol, symbolBars);
        }
        return bars;
    }

    /** The trading days to ask for, when asking a day at a time takes fewer requests than a symbol at a time. */
    private Optional<ReadPlan.ByDay> planByDay(List<Symbol> symbols, DateWindow window) {
        Optional<DateWindow> untilToday = untilToday(window);
        if (untilToday.isEmpty() || symbols.isEmpty() || !prices.reach().marketDays()) {
            return Optional.empty();
        }
        Map<Symbol, DateWindow> windows = new LinkedHashMap<>();
        symbols.forEach(symbol -> windows.put(symbol, untilToday.get()));
        ReadPlan plan = new ReadPlanner(prices.reach(), CALENDAR, clock).plan(windows, Map.of(), true);
        return plan instanceof ReadPlan.ByDay byDay ? Optional.of(byDay) : Optional.empty();
    }

    @Override
    public List<Split> splits(Symbol symbol, DateWindow window) {
        return inOrder(symbol, window, actions()::splits, Split::executionDate, Split::executionDate);
    }

    @Override
    public List<Dividend> dividends(Symbol symbol, DateWindow window) {
        return inOrder(symbol, window, actions()::dividends, Dividend::exDividendDate,
                dividend -> List.of(dividend.exDividendDate(), dividend.distributionType()));
    }

    @Override
    public Listing listing(Symbol symbol) {
        if (!(prices instanceof ListingsPort listings)) {
            throw new InvalidInputException("provider " + prices.name() + " has no listings");
        }
        return listings.listing(symbol);
    }

    @Override
    public AdjustedSeries adjustedBars(Symbol symbol, DateWindow window, Adjustment adjustment) {
        Objects.requireNonNull(adjustment, "adjustment is required");
        if (prices.reach().splitAdjustedPrices()) {
            throw new InvalidInputException("provider " + prices.name() + " is set to send split-adjusted prices"
                    + " (adjusted: true), and adjusted bars are computed from as-traded ones: leave adjusted unset");
        }
        Optional<DateWindow> untilToday = untilToday(window);
        if (untilToday.isEmpty()) {
            return new AdjustedSeries(adjustment, List.of(), List.of(), List.of(), List.of());
        }
        DateWindow asked = untilToday.get();
        DateWindow events = new DateWindow(asked.from(), today());
        List<Split> splits = splits(symbol, events);
        List<Dividend> dividends = adjustment == Adjustment.SPLITS ? List.of() : dividends(symbol, events);
        LocalDate barsTo = dividends.stream().map(Dividend::exDividendDate).reduce(asked.to(), HistoryService::later);
        List<DailyBar> bars = dailyBars(symbol, new DateWindow(asked.from(), barsTo));
        List<Dividend> adjusting = bars.isEmpty() ? List.of() : dividends.stream()
                .filter(dividend -> dividend.exDividendDate().isAfter(bars.get(0).date())).toList();

        AdjustedSeries series = BackAdjustment.adjust(bars, splits, adjusting, adjustment);
        series.skippedDividends().forEach(skipped -> warnings.accept(skipped(symbol, skipped)));
        return series.within(asked);
    }

    /** {@code window} up to today in New York; empty when it starts after today. */
    private Optional<DateWindow> untilToday(DateWindow window) {
        LocalDate today = today();
        if (window.from().isAfter(today)) {
            return Optional.empty();
        }
        return Optional.of(window.to().isAfter(today) ? new DateWindow(window.from(), today) : window);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(UsTradingCalendar.ZONE));
    }

    private CorporateActionsPort actions() {
        if (!(prices instanceof CorporateActionsPort actions)) {
            throw new InvalidInputException("provider " + prices.name() + " has no splits or dividends");
        }
        return actions;
    }

    private <R> List<R> inOrder(Symbol symbol, DateWindow window, Reader<R> read, Function<R, LocalDate> dayOf,
            Function<R, ?> keyOf) {
        Optional<DateWindow> untilToday = untilToday(window);
        if (untilToday.isEmpty()) {
            return List.of();
        }
        CursorOrder<R> order = new CursorOrder<>(untilToday.get(), dayOf, keyOf);
        try (Stream<R> records = read.read(symbol, untilToday.get())) {
            records.forEach(order::add);
        }
        return order.ascending(symbol, warnings);
    }

    private static String skipped(Symbol symbol, SkippedDividend skipped) {
        Dividend dividend = skipped.dividend();
        String why = switch (skipped.reason()) {
            case NO_EARLIER_BAR -> "no bar before its ex-dividend date was read to measure it against";
            case AMOUNT_NOT_BELOW_CLOSE -> "its amount is not below the close before its ex-dividend date";
        };
        return "Adjusted bars of " + symbol.value() + " leave out the dividend of " + dividend.cashAmount()
                .toPlainString() + " with ex-dividend date " + dividend.exDividendDate() + ": " + why;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** One of the provider's reads of a symbol over a window. */
    @FunctionalInterface
    private interface Reader<R> {
        Stream<R> read(Symbol symbol, DateWindow window);
    }
}
