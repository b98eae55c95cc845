package org.stockticker.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.out.CorporateActionsPort;
import org.stockticker.application.port.out.ListingsPort;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.ProviderReach;
import org.stockticker.domain.AdjustedSeries;
import org.stockticker.domain.Adjustment;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

class HistoryServiceTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final DateWindow MARCH = new DateWindow(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));
    /** Monday 2024-06-03, 10:00 in New York. */
    private static final Clock JUNE = Clock.fixed(Instant.parse("2024-06-03T14:00:00Z"), ZoneOffset.UTC);

    private final Provider provider = new Provider();
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final HistoryService service = new HistoryService(provider, JUNE, warnings::add);

    private static DailyBar bar(String day, String close) {
        return new DailyBar(AAPL, LocalDate.parse(day), null, null, null, new BigDecimal(close), 1000L, null);
    }

    private static Split split(String day, String from, String to) {
        return new Split(AAPL, LocalDate.parse(day), new BigDecimal(from), new BigDecimal(to));
    }

    private static Dividend dividend(String day, String amount, String type) {
        return new Dividend(AAPL, LocalDate.parse(day), new BigDecimal(amount), "USD", null, null, null, 4, type);
    }

    @Test
    void daily_bars_are_the_providers_for_the_symbol_and_window_in_order_each_day_once_with_a_warning() {
        provider.bars.addAll(List.of(bar("2024-02-29", "1"), bar("2024-03-05", "2"), bar("2024-03-04", "3"),
                bar("2024-03-05", "4"), bar("2024-04-01", "5")));

        List<DailyBar> bars = service.dailyBars(AAPL, MARCH);

        assertThat(bars).extracting(bar -> bar.date() + " " + bar.close())
                .containsExactly("2024-03-04 3", "2024-03-05 2");
        assertThat(provider.asked).containsExactly("bars AAPL " + MARCH);
        assertThat(warnings).singleElement().asString().contains("AAPL");
    }

    @Test
    void splits_and_dividends_come_in_order_and_two_dividends_of_one_day_are_both_kept() {
        provider.splits.addAll(List.of(split("2024-03-20", "1", "2"), split("2024-03-04", "1", "3")));
        provider.dividends.addAll(List.of(dividend("2024-03-10", "0.25", "special"),
                dividend("2024-03-08", "0.24", "regular"), dividend("2024-03-10", "0.25", "regular")));

        assertThat(service.splits(AAPL, MARCH)).extracting(Split::executionDate)
                .containsExactly(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 20));
        assertThat(service.dividends(AAPL, MARCH)).extracting(d -> d.exDividendDate() + " " + d.distributionType())
                .containsExactly("2024-03-08 regular", "2024-03-10 special", "2024-03-10 regular");
    }

    @Test
    void a_listing_is_the_providers_and_a_provider_without_listings_is_named() {
        assertThat(service.listing(AAPL).name()).isEqualTo("Apple Inc.");

        HistoryService pricesOnly = new HistoryService(new FakePriceProvider("prices"), JUNE, warnings::add);
        assertThatThrownBy(() -> pricesOnly.listing(AAPL)).isInstanceOf(InvalidInputException.class)
                .hasMessage("provider prices has no listings");
        assertThatThrownBy(() -> pricesOnly.splits(AAPL, MARCH)).isInstanceOf(InvalidInputException.class)
                .hasMessage("provider prices has no splits or dividends");
    }

    @Test
    void adjusted_bars_read_events_to_today_and_bars_to_the_last_dividend_then_keep_the_window() {
        // As traded: 100 before the window, 110 and 120 in it, 60 on 2024-04-02 after a 2-for-1 split on April 1st,
        // and 62 on the day before a dividend of 0.62 that goes ex on 2024-04-10, after the window.
        provider.bars.addAll(List.of(bar("2024-02-28", "100"), bar("2024-03-01", "110"), bar("2024-03-28", "120"),
                bar("2024-04-02", "60"), bar("2024-04-09", "62"), bar("2024-04-10", "61.38")));
        provider.splits.add(split("2024-04-01", "1", "2"));
        provider.dividends.add(dividend("2024-04-10", "0.62", "regular"));

        AdjustedSeries series = service.adjustedBars(AAPL, MARCH, Adjustment.SPLITS_AND_DIVIDENDS);

        DateWindow events = new DateWindow(MARCH.from(), LocalDate.of(2024, 6, 3));
        assertThat(provider.asked).containsExactly("splits AAPL " + events, "dividends AAPL " + events,
                "bars AAPL " + new DateWindow(MARCH.from(), LocalDate.of(2024, 4, 10)));
        // Each bar of the window: half for the split, times 1 - 0.62 / 62 = 0.99 for the dividend.
        assertThat(series.bars()).extracting(bar -> bar.date() + " " + bar.close().stripTrailingZeros().toPlainString())
                .containsExactly("2024-03-01 54.45", "2024-03-28 59.4");
        assertThat(series.bars()).extracting(DailyBar::volume).containsExactly(2000L, 2000L);
        assertThat(warnings).isEmpty();
    }

    @Test
    void split_adjusted_bars_ask_for_no_dividends_and_no_bar_outside_the_window() {
        provider.bars.addAll(List.of(bar("2024-03-01", "110"), bar("2024-03-28", "120")));
        provider.splits.add(split("2024-04-01", "1", "4"));

        AdjustedSeries series = service.adjustedBars(AAPL, MARCH, Adjustment.SPLITS);

        assertThat(provider.asked).containsExactly("splits AAPL " + new DateWindow(MARCH.from(),
                LocalDate.of(2024, 6, 3)), "bars AAPL " + MARCH);
        assertThat(series.bars()).extracting(bar -> bar.close().stripTrailingZeros().toPlainString())
                .containsExactly("27.5", "30");
    }

    @Test
    void a_dividend_that_cannot_be_applied_is_left_out_with_a_warning_naming_it() {
        provider.bars.addAll(List.of(bar("2024-03-01", "1.00"), bar("2024-03-04", "0.40")));
        provider.dividends.add(dividend("2024-03-04", "1.50", "special"));

        AdjustedSeries series = service.adjustedBars(AAPL, MARCH, Adjustment.SPLITS_AND_DIVIDENDS);

        assertThat(series.bars()).extracting(DailyBar::close).containsExactly(new BigDecimal("1.00"),
                new BigDecimal("0.40"));
        assertThat(warnings).containsExactly("Adjusted bars of AAPL leave out the dividend of 1.50 with ex-dividend"
                + " date 2024-03-04: its amount is not below the close before its ex-dividend date");
    }

    @Test
    void windows_end_today_in_new_york_so_events_announced_for_later_days_adjust_nothing() {
        // Today is 2024-06-03 in New York; a caller a day ahead asks up to 2024-06-04, when a split is announced.
        DateWindow ahead = new DateWindow(LocalDate.of(2024, 5, 31), LocalDate.of(2024, 6, 4));
        provider.bars.addAll(List.of(bar("2024-05-31", "100"), bar("2024-06-03", "101")));
        provider.splits.add(split("2024-06-04", "1", "2"));

        AdjustedSeries series = service.adjustedBars(AAPL, ahead, Adjustment.SPLITS);

        DateWindow untilToday = new DateWindow(ahead.from(), LocalDate.of(2024, 6, 3));
        assertThat(series.bars()).extracting(DailyBar::close).containsExactly(new BigDecimal("100"),
                new BigDecimal("101"));
        assertThat(provider.asked).containsExactly("splits AAPL " + untilToday, "bars AAPL " + untilToday);
        assertThat(service.splits(AAPL, ahead)).isEmpty();
    }

    @Test
    void a_window_after_today_asks_for_nothing() {
        DateWindow tomorrow = new DateWindow(LocalDate.of(2024, 6, 4), LocalDate.of(2024, 6, 4));

        assertThat(service.dailyBars(AAPL, tomorrow)).isEmpty();
        assertThat(service.dividends(AAPL, tomorrow)).isEmpty();
        assertThat(service.adjustedBars(AAPL, tomorrow, Adjustment.SPLITS_AND_DIVIDENDS).bars()).isEmpty();
        assertThat(provider.asked).isEmpty();
    }

    @Test
    void a_dividend_on_the_first_bars_day_adjusts_none_of_the_bars_asked_for_and_is_no_warning() {
        provider.bars.addAll(List.of(bar("2024-03-04", "50"), bar("2024-03-05", "51")));
        provider.dividends.add(dividend("2024-03-04", "0.50", "regular"));

        AdjustedSeries series = service.adjustedBars(AAPL, MARCH, Adjustment.SPLITS_AND_DIVIDENDS);

        assertThat(series.bars()).extracting(DailyBar::close).containsExactly(new BigDecimal("50"),
                new BigDecimal("51"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void adjusted_bars_refuse_a_provider_that_sends_split_adjusted_prices() {
        provider.reach = ProviderReach.perSymbol(true, 5).withSplitAdjustedPrices(true);

        assertThatThrownBy(() -> service.adjustedBars(AAPL, MARCH, Adjustment.SPLITS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("adjusted: true");
        assertThat(provider.asked).isEmpty();
    }

    @Test
    void several_symbols_over_fewer_trading_days_are_read_a_day_at_a_time_with_the_same_bars() {
        Symbol msft = new Symbol("MSFT");
        Symbol ibm = new Symbol("IBM");
        DateWindow twoDays = new DateWindow(LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 5));
        FakePriceProvider market = new FakePriceProvider("market").answeringMarketDays(false, 5)
                .with(AAPL, bar("2024-03-04", "1.5"), bar("2024-03-05", "1.6"))
                .with(msft, new DailyBar(msft, LocalDate.of(2024, 3, 4), null, null, null, BigDecimal.TEN, 1L, null))
                .with(ibm);
        HistoryService byDay = new HistoryService(market, JUNE, warnings::add);

        assertThat(byDay.fewerRequestsByDay(List.of(AAPL, msft, ibm), twoDays)).isTrue();
        assertThat(byDay.fewerRequestsByDay(List.of(AAPL, msft), twoDays)).as("a tie stays a symbol at a time").isFalse();
        Map<Symbol, List<DailyBar>> bars = byDay.dailyBarsByDay(List.of(AAPL, msft, ibm), twoDays);

        assertThat(market.daysAsked()).containsExactly(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 5));
        assertThat(market.requests()).isEmpty();
        assertThat(bars.keySet()).containsExactly(AAPL, msft, ibm);
        assertThat(bars.get(AAPL)).isEqualTo(byDay.dailyBars(AAPL, twoDays));
        assertThat(bars.get(msft)).extracting(DailyBar::date).containsExactly(LocalDate.of(2024, 3, 4));
        // IBM had no bar on either day: the provider is asked whether it knows the symbol.
        assertThat(bars.get(ibm)).isEmpty();
        assertThat(market.verified()).containsExactly(ibm);
        assertThat(byDay.fewerRequestsByDay(List.of(AAPL, msft, ibm), MARCH)).as("more days than symbols").isFalse();
        assertThat(service.fewerRequestsByDay(List.of(AAPL, msft, ibm), twoDays)).as("a symbol a time provider")
                .isFalse();
    }

    /** A provider of everything, held in memory, that records what it was asked. */
    private static final class Provider implements PriceProviderPort, CorporateActionsPort, ListingsPort {

        final List<DailyBar> bars = new ArrayList<>();
        final List<Split> splits = new ArrayList<>();
        final List<Dividend> dividends = new ArrayList<>();
        final List<String> asked = new ArrayList<>();
        ProviderReach reach = ProviderReach.perSymbol(true, ProviderReach.UNPACED);

        @Override
        public String name() {
            return "memory";
        }

        @Override
        public ProviderReach reach() {
            return reach;
        }

        @Override
        public Stream<DailyBar> dailyBars(Symbol symbol, DateWindow window) {
            asked.add("bars " + symbol.value() + " " + window);
            return bars.stream();
        }

        @Override
        public void verify(Symbol symbol) {
        }

        @Override
        public Stream<Split> splits(Symbol symbol, DateWindow window) {
            asked.add("splits " + symbol.value() + " " + window);
            return splits.stream();
        }

        @Override
        public Stream<Dividend> dividends(Symbol symbol, DateWindow window) {
            asked.add("dividends " + symbol.value() + " " + window);
            return dividends.stream();
        }

        @Override
        public Listing listing(Symbol symbol) {
            return new Listing(symbol, "Apple Inc.", "XNAS", "CS", "USD", true, null, null);
        }
    }
}
