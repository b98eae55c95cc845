package org.stockticker.application.read;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stockticker.application.port.out.ProviderReach;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.UsTradingCalendar;

/**
 * Plans a read with the fewest provider requests: one per symbol, or, where the provider answers every symbol of a
 * day at once, one per trading day, whichever asks less. No request is planned for a day the US market was closed,
 * before the provider's earliest day or after today in New York: each symbol's window is narrowed to its first and
 * last trading day within them, and a window without one asks nothing.
 */
public final class ReadPlanner {

    private final ProviderReach reach;
    private final UsTradingCalendar calendar;
    private final Clock clock;

    public ReadPlanner(ProviderReach reach, UsTradingCalendar calendar, Clock clock) {
        this.reach = reach;
        this.calendar = calendar;
        this.clock = clock;
    }

    public ProviderReach reach() {
        return reach;
    }

    public UsTradingCalendar calendar() {
        return calendar;
    }

    /**
     * The cheaper plan for reading each symbol's {@code windows}, where {@code anchors} holds the cursor's day of
     * each symbol whose history the read watches for changes (asked for too, never emitted), and
     * {@code dayAnswers} says whether the stream's records can come a whole day at a time. Symbols whose window
     * holds no trading day the provider can answer are left out.
     */
    public ReadPlan plan(Map<Symbol, DateWindow> windows, Map<Symbol, LocalDate> anchors, boolean dayAnswers) {
        Map<Symbol, DateWindow> emitted = new LinkedHashMap<>();
        Map<Symbol, DateWindow> requests = new LinkedHashMap<>();
        // Symbols mostly share their window: each is narrowed and counted once.
        Map<DateWindow, Optional<DateWindow>> narrowed = new HashMap<>();
        Map<DateWindow, Long> counted = new HashMap<>();
        long expected = 0;
        for (Map.Entry<Symbol, DateWindow> entry : windows.entrySet()) {
            Optional<DateWindow> tradingDays = narrowed.computeIfAbsent(entry.getValue(), this::answerable);
            if (tradingDays.isEmpty()) {
                continue;
            }
            DateWindow window = tradingDays.get();
            LocalDate anchor = anchors.get(entry.getKey());
            emitted.put(entry.getKey(), window);
            requests.put(entry.getKey(), anchor != null && anchor.isBefore(window.from())
                    ? new DateWindow(anchor, window.to()) : window);
            expected += counted.computeIfAbsent(window, calendar::countTradingDays);
        }
        if (dayAnswers && reach.marketDays() && !requests.isEmpty()) {
            // Without adjusted values no change can be seen at the cursor's day, so asking for it would be wasted.
            List<LocalDate> days = tradingDays((reach.adjustedValues() ? requests : emitted).values());
            if (days.size() < requests.size()) {
                return new ReadPlan.ByDay(days, reach.adjustedValues() ? requests : emitted, emitted, expected);
            }
        }
        return new ReadPlan.BySymbol(requests, emitted, expected);
    }

    /**
     * The whole market over {@code window}, a day at a time; on the window's first day, when {@code resumeAfter}
     * is given, only the symbols after it.
     */
    public ReadPlan.WholeMarket planWholeMarket(DateWindow window, Symbol resumeAfter) {
        List<LocalDate> days = answerable(window).map(calendar::tradingDays).orElse(List.of());
        boolean resumes = resumeAfter != null && !days.isEmpty() && days.get(0).equals(window.from());
        return new ReadPlan.WholeMarket(days, resumes ? resumeAfter : null);
    }

    /**
     * The plan in a sentence, for the log: its requests, how long they take at the provider's pace, how many clock
     * hours or syncs its hourly or daily budget makes of them when it cannot hold them at once, and why.
     */
    public String describe(String stream, ReadPlan plan) {
        return describe(stream, plan, 1);
    }

    /**
     * The plan in a sentence, as {@link #describe(String, ReadPlan)}, for a stream of {@code perTradingDay} records
     * per symbol and trading day: fewer than one (events) makes the expected records a rough count.
     */
    public String describe(String stream, ReadPlan plan, double perTradingDay) {
        long requests = plan.requestCount();
        StringBuilder text = new StringBuilder("Read plan for ").append(stream).append(": ")
                .append(count(requests, "request"));
        if (plan instanceof ReadPlan.ByDay byDay) {
            text.append(", one per trading day for every symbol at once (").append(span(byDay.days()))
                    .append("), rather than ").append(byDay.requestsPerSymbol()).append(", one per symbol");
        } else if (plan instanceof ReadPlan.WholeMarket market) {
            text.append(", one per trading day for the whole market")
                    .append(market.days().isEmpty() ? "" : " (" + span(market.days()) + ")");
        } else if (requests > 0) {
            text.append(", one per symbol").append(reach.marketDays()
                    ? " (no more than one per trading day for every symbol at once)" : "");
        }
        if (requests > 0) {
            text.append("; ").append(duration(requests));
            reach.requestsPerHour().ifPresent(perHour -> text.append(beyondBudget(requests, perHour, "an hour",
                    "spans", "clock hours")));
            reach.requestsPerDay().ifPresent(perDay -> text.append(beyondBudget(requests, perDay, "a day", "takes",
                    "syncs, a day apart")));
        }
        if (plan.expectedRecords() >= 0) {
            text.append("; ").append(perTradingDay < 1 ? "about " : "")
                    .append(count(Math.round(plan.expectedRecords() * perTradingDay), "record")).append(" expected");
        }
        return text.toString();
    }

    /** How long {@code requests} take at the provider's pace: one every minute / requests-per-minute. */
    private String duration(long requests) {
        if (reach.requestsPerMinute() == ProviderReach.UNPACED) {
            return "no pace to keep";
        }
        int pace = reach.requestsPerMinute();
        Duration spent = Duration.ofMillis(Math.multiplyExact(requests - 1, 60_000L) / pace);
        String at = " at " + count(pace, "request") + " a minute";
        if (spent.toMinutes() < 1) {
            return "under a minute" + at;
        }
        long hours = spent.toHours();
        long minutes = spent.toMinutesPart() + (spent.toSecondsPart() >= 30 ? 1 : 0);
        return "about " + (hours > 0 ? hours + " h " : "") + minutes + " min" + at;
    }

    /**
     * "; at 25 requests a day this takes 2 syncs, a day apart" when {@code requests} need more than one of the
     * budget's hours or days, else nothing.
     */
    private static String beyondBudget(long requests, int budget, String per, String verb, String units) {
        if (requests <= budget) {
            return "";
        }
        long periods = (requests + budget - 1) / budget;
        return "; at " + count(budget, "request") + " " + per + " this " + verb + " " + periods + " " + units;
    }

    private static String span(List<LocalDate> days) {
        return days.size() == 1 ? days.get(0).toString()
                : days.get(0) + " to " + days.get(days.size() - 1);
    }

    private static String count(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** {@code window} within the provider's reach and the calendar, narrowed to its trading days. */
    private Optional<DateWindow> answerable(DateWindow window) {
        LocalDate from = max(window.from(), reach.earliestDay().orElse(UsTradingCalendar.COVERAGE.from()));
        from = max(from, UsTradingCalendar.COVERAGE.from());
        LocalDate to = min(window.to(), LocalDate.now(clock.withZone(UsTradingCalendar.ZONE)));
        return DateWindow.between(from, to).flatMap(calendar::clip);
    }

    /** The trading days of any of {@code windows}, ascending, each once. */
    private List<LocalDate> tradingDays(Iterable<DateWindow> windows) {
        List<DateWindow> sorted = new ArrayList<>();
        windows.forEach(sorted::add);
        sorted.sort(Comparator.comparing(DateWindow::from));
        List<LocalDate> days = new ArrayList<>();
        LocalDate from = null;
        LocalDate to = null;
        for (DateWindow window : sorted) {
            if (to != null && !window.from().isAfter(to.plusDays(1))) {
                to = max(to, window.to());
                continue;
            }
            if (to != null) {
                days.addAll(calendar.tradingDays(new DateWindow(from, to)));
            }
            from = window.from();
            to = window.to();
        }
        if (to != null) {
            days.addAll(calendar.tradingDays(new DateWindow(from, to)));
        }
        return days;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
