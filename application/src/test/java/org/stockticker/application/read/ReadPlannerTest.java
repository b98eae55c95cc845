package org.stockticker.application.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.stockticker.application.port.out.ProviderReach;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.UsTradingCalendar;

class ReadPlannerTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final Symbol MSFT = new Symbol("MSFT");
    private static final Symbol IBM = new Symbol("IBM");
    /** Wednesday 2024-07-03 in New York, late evening. */
    private static final Clock TODAY = Clock.fixed(Instant.parse("2024-07-04T02:00:00Z"), ZoneOffset.UTC);
    private static final UsTradingCalendar CALENDAR = new UsTradingCalendar();

    private static ReadPlanner perSymbol() {
        return new ReadPlanner(ProviderReach.perSymbol(true, 5), CALENDAR, TODAY);
    }

    private static ReadPlanner marketDays(boolean adjusted) {
        return new ReadPlanner(new ProviderReach(true, adjusted, Optional.empty(), 5), CALENDAR, TODAY);
    }

    private static DateWindow window(String from, String to) {
        return new DateWindow(LocalDate.parse(from), LocalDate.parse(to));
    }

    private static Map<Symbol, DateWindow> each(DateWindow window, Symbol... symbols) {
        Map<Symbol, DateWindow> windows = new LinkedHashMap<>();
        for (Symbol symbol : symbols) {
            windows.put(symbol, window);
        }
        return windows;
    }

    @Test
    void a_symbols_window_is_narrowed_to_its_first_and_last_trading_day() {
        // Saturday 2024-03-09 to Good Friday 2024-03-29: Monday the 11th to Thursday the 28th.
        ReadPlan plan = perSymbol().plan(each(window("2024-03-09", "2024-03-29"), AAPL), Map.of(), false);

        assertThat(plan).isInstanceOf(ReadPlan.BySymbol.class);
        assertThat(((ReadPlan.BySymbol) plan).requests()).containsExactly(
                Map.entry(AAPL, window("2024-03-11", "2024-03-28")));
        assertThat(plan.expectedRecords()).isEqualTo(14);
    }

    @Test
    void a_window_without_a_trading_day_asks_nothing() {
        // Saturday 2024-03-30 to Easter Sunday, after Good Friday: no session at all.
        ReadPlan plan = perSymbol().plan(each(window("2024-03-29", "2024-03-31"), AAPL, MSFT), Map.of(), false);

        assertThat(plan.requestCount()).isZero();
        assertThat(plan.expectedRecords()).isZero();
    }

    @Test
    void no_day_after_today_in_new_york_is_asked_for() {
        ReadPlan plan = perSymbol().plan(each(window("2024-07-01", "2024-07-31"), AAPL), Map.of(), false);

        assertThat(((ReadPlan.BySymbol) plan).requests()).containsExactly(
                Map.entry(AAPL, window("2024-07-01", "2024-07-03")));
    }

    @Test
    void no_day_before_the_providers_earliest_is_asked_for() {
        ReadPlanner planner = new ReadPlanner(
                new ProviderReach(true, false, Optional.of(LocalDate.parse("2024-06-01")), 5), CALENDAR, TODAY);

        ReadPlan plan = planner.plan(each(window("2020-01-01", "2024-06-05"), AAPL), Map.of(), true);

        assertThat(((ReadPlan.BySymbol) plan).requests()).containsExactly(
                Map.entry(AAPL, window("2024-06-03", "2024-06-05")));
    }

    @Test
    void many_symbols_over_few_days_are_read_a_day_at_a_time() {
        ReadPlan plan = marketDays(false).plan(
                each(window("2024-06-28", "2024-07-02"), AAPL, MSFT, IBM, new Symbol("KO")), Map.of(), true);

        assertThat(plan).isInstanceOf(ReadPlan.ByDay.class);
        assertThat(((ReadPlan.ByDay) plan).days()).containsExactly(
                LocalDate.parse("2024-06-28"), LocalDate.parse("2024-07-01"), LocalDate.parse("2024-07-02"));
        assertThat(plan.expectedRecords()).isEqualTo(12);
    }

    @Test
    void few_symbols_over_many_days_are_read_a_symbol_at_a_time() {
        ReadPlan plan = marketDays(false).plan(each(window("2024-06-03", "2024-06-28"), AAPL, MSFT, IBM),
                Map.of(), true);

        assertThat(plan).isInstanceOf(ReadPlan.BySymbol.class);
        assertThat(plan.requestCount()).isEqualTo(3);
    }

    @Test
    void a_tie_stays_with_one_request_per_symbol() {
        ReadPlan plan = marketDays(false).plan(each(window("2024-07-01", "2024-07-02"), AAPL, MSFT), Map.of(), true);

        assertThat(plan).isInstanceOf(ReadPlan.BySymbol.class);
    }

    @Test
    void a_stream_without_day_answers_is_read_a_symbol_at_a_time_however_many_symbols() {
        ReadPlan plan = marketDays(false).plan(each(window("2024-07-02", "2024-07-02"), AAPL, MSFT, IBM),
                Map.of(), false);

        assertThat(plan).isInstanceOf(ReadPlan.BySymbol.class);
    }

    @Test
    void the_days_asked_are_those_of_any_symbols_window_each_once() {
        Map<Symbol, DateWindow> windows = new LinkedHashMap<>();
        windows.put(AAPL, window("2024-07-02", "2024-07-03"));
        windows.put(MSFT, window("2024-07-03", "2024-07-03"));
        windows.put(IBM, window("2024-07-03", "2024-07-03"));

        ReadPlan.ByDay plan = (ReadPlan.ByDay) marketDays(false).plan(windows, Map.of(), true);

        assertThat(plan.days()).containsExactly(LocalDate.parse("2024-07-02"), LocalDate.parse("2024-07-03"));
        assertThat(plan.emitted()).containsEntry(MSFT, window("2024-07-03", "2024-07-03"));
        assertThat(plan.expectedRecords()).isEqualTo(4);
    }

    @Test
    void the_cursors_day_is_asked_for_only_where_the_providers_values_can_change_after_it() {
        Map<Symbol, DateWindow> windows = each(window("2024-07-03", "2024-07-03"), AAPL, MSFT, IBM);
        Map<Symbol, LocalDate> anchors = Map.of(AAPL, LocalDate.parse("2024-07-02"),
                MSFT, LocalDate.parse("2024-07-02"), IBM, LocalDate.parse("2024-07-02"));

        ReadPlan.ByDay asTraded = (ReadPlan.ByDay) marketDays(false).plan(windows, anchors, true);
        ReadPlan.ByDay adjusted = (ReadPlan.ByDay) marketDays(true).plan(windows, anchors, true);

        assertThat(asTraded.days()).containsExactly(LocalDate.parse("2024-07-03"));
        assertThat(adjusted.days()).containsExactly(LocalDate.parse("2024-07-02"), LocalDate.parse("2024-07-03"));
        assertThat(adjusted.emitted()).containsEntry(AAPL, window("2024-07-03", "2024-07-03"));
    }

    @Test
    void the_whole_market_is_read_on_its_trading_days_resuming_after_a_symbol_only_on_the_first() {
        ReadPlan.WholeMarket plan = marketDays(false).planWholeMarket(window("2024-06-28", "2024-07-10"), MSFT);

        assertThat(plan.days()).containsExactly(LocalDate.parse("2024-06-28"), LocalDate.parse("2024-07-01"),
                LocalDate.parse("2024-07-02"), LocalDate.parse("2024-07-03"));
        assertThat(plan.resumeAfter()).isEqualTo(MSFT);
        assertThat(marketDays(false).planWholeMarket(window("2024-06-29", "2024-07-10"), MSFT).resumeAfter())
                .as("a partly read Saturday is no day to resume").isNull();
    }

    @Test
    void the_plan_is_told_with_its_requests_and_how_long_they_take_at_the_providers_pace() {
        Map<Symbol, DateWindow> windows = new LinkedHashMap<>();
        for (int i = 0; i < 500; i++) {
            windows.put(new Symbol("S" + i), window("2020-01-02", "2024-07-03"));
        }
        ReadPlanner planner = marketDays(false);

        String oneDay = planner.describe("stock_prices",
                planner.plan(each(window("2024-07-03", "2024-07-03"), AAPL, MSFT), Map.of(), true));
        String perSymbol = planner.describe("stock_prices", planner.plan(windows, Map.of(), true));

        assertThat(oneDay).isEqualTo("Read plan for stock_prices: 1 request, one per trading day for every symbol"
                + " at once (2024-07-03), rather than 2, one per symbol; under a minute at 5 requests a minute;"
                + " 2 records expected");
        assertThat(perSymbol).startsWith("Read plan for stock_prices: 500 requests, one per symbol")
                .contains("about 1 h 40 min at 5 requests a minute");
    }

    @Test
    void the_plan_tells_how_many_syncs_a_daily_budget_makes_of_it_when_one_cannot_hold_it() {
        ReadPlanner planner = new ReadPlanner(ProviderReach.perSymbol(false, 5).withBudgets(OptionalInt.empty(),
                OptionalInt.of(25)), CALENDAR, TODAY);
        Map<Symbol, DateWindow> forty = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            forty.put(new Symbol("S" + i), window("2024-07-01", "2024-07-03"));
        }

        String plan = planner.describe("stock_prices", planner.plan(forty, Map.of(), false));
        String fits = planner.describe("stock_prices", planner.plan(each(window("2024-07-01", "2024-07-03"), AAPL),
                Map.of(), false));

        assertThat(plan).isEqualTo("Read plan for stock_prices: 40 requests, one per symbol; about 8 min at 5"
                + " requests a minute; at 25 requests a day this takes 2 syncs, a day apart; 120 records expected");
        assertThat(fits).doesNotContain("a day");
    }

    @Test
    void the_plan_tells_how_many_clock_hours_an_hourly_budget_spreads_it_over() {
        ReadPlanner planner = new ReadPlanner(ProviderReach.perSymbol(true, 1).withBudgets(OptionalInt.of(50),
                OptionalInt.of(1000)), CALENDAR, TODAY);
        Map<Symbol, DateWindow> hundredAndOne = new LinkedHashMap<>();
        for (int i = 0; i < 101; i++) {
            hundredAndOne.put(new Symbol("S" + i), window("2024-07-03", "2024-07-03"));
        }

        String plan = planner.describe("stock_prices", planner.plan(hundredAndOne, Map.of(), false));

        assertThat(plan).contains("; at 50 requests an hour this spans 3 clock hours;").doesNotContain("a day");
    }
}
