package org.stockticker.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stockticker.adapters.provider.RecordingLogger;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.QuotaSpentException;
import org.stockticker.application.port.out.RateLimitListener;

/** The pace, the hourly and daily budgets, and the waits they cause, on a fake clock: nothing here sleeps. */
class RequestBudgetTest {

    private static final Duration MAX_WAIT = Duration.ofMinutes(30);

    private final RecordingLogger log = new RecordingLogger();
    private final List<Instant> told = new CopyOnWriteArrayList<>();
    private final RateLimitListener listener = told::add;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void spaces_requests_one_slot_of_sixty_over_n_seconds_apart_and_the_first_goes_at_once() {
        FakeClock clock = new FakeClock("2026-11-30T15:00:00Z");
        RequestBudget budget = budget(clock, 5, OptionalInt.empty(), OptionalInt.empty());

        for (int request = 0; request < 3; request++) {
            budget.acquire(listener);
        }

        assertThat(clock.waits()).containsExactly(Duration.ofSeconds(12), Duration.ofSeconds(12));
        assertThat(told).containsExactly(Instant.parse("2026-11-30T15:00:12Z"), Instant.parse("2026-11-30T15:00:24Z"));
        assertThat(log.lines).containsExactly(
                "INFO Waiting 12 s for provider test: its pace of 5 requests a minute, until 2026-11-30T15:00:12Z",
                "INFO Waiting 12 s for provider test: its pace of 5 requests a minute, until 2026-11-30T15:00:24Z");
    }

    @Test
    void a_wait_of_a_second_or_less_is_neither_told_nor_logged() {
        FakeClock clock = new FakeClock("2026-11-30T15:00:00Z");
        RequestBudget budget = budget(clock, 60, OptionalInt.empty(), OptionalInt.empty());

        budget.acquire(listener);
        budget.acquire(listener);

        assertThat(clock.waits()).containsExactly(Duration.ofSeconds(1));
        assertThat(told).isEmpty();
        assertThat(log.lines).isEmpty();
    }

    @Test
    void a_wait_just_over_a_second_is_told_and_logged() {
        FakeClock clock = new FakeClock("2026-11-30T15:00:00Z");
        RequestBudget budget = budget(clock, 59, OptionalInt.empty(), OptionalInt.empty());

        budget.acquire(listener);
        budget.acquire(listener);

        assertThat(told).hasSize(1);
        assertThat(log.lines).singleElement().satisfies(line -> assertThat(line).startsWith("INFO Waiting 1.0 s"));
    }

    @Test
    void counts_requests_in_clock_hours_and_waits_for_the_next_hour_when_one_is_full() {
        FakeClock clock = new FakeClock("2026-11-30T14:58:00Z");
        RequestBudget budget = budget(clock, 60_000, OptionalInt.of(3), OptionalInt.empty());

        for (int request = 0; request < 4; request++) {
            budget.acquire(listener);
        }

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
        assertThat(told).containsExactly(Instant.parse("2026-11-30T15:00:00Z"));
        assertThat(log.lines).containsExactly("WARN Waiting 2 min for provider test: its budget of 3 requests an hour,"
                + " until 2026-11-30T15:00:00Z");
    }

    @Test
    void a_new_clock_hour_has_its_whole_budget_however_recent_the_last_hour_requests_were() {
        FakeClock clock = new FakeClock("2026-11-30T14:59:59Z");
        RequestBudget budget = budget(clock, 60_000, OptionalInt.of(2), OptionalInt.empty());
        budget.acquire(listener);
        budget.acquire(listener);

        clock.set("2026-11-30T15:00:00Z");
        budget.acquire(listener);
        budget.acquire(listener);

        assertThat(clock.waitsLongerThan(Duration.ofSeconds(1))).isEmpty();
        assertThat(told).isEmpty();
    }

    @Test
    void counts_requests_in_days_of_utc_and_logs_at_least_every_two_minutes_while_it_waits() {
        FakeClock clock = new FakeClock("2026-11-30T23:51:00Z");
        RequestBudget budget = budget(clock, 60_000, OptionalInt.empty(), OptionalInt.of(2));

        for (int request = 0; request < 3; request++) {
            budget.acquire(listener);
        }

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(clock.waitsLongerThan(Duration.ofSeconds(1))).allSatisfy(
                wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMinutes(2)));
        assertThat(told).containsExactly(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(log.lines).containsExactly(
                "WARN Waiting 9 min for provider test: its budget of 2 requests a day, until 2026-12-01T00:00:00Z",
                "WARN Still waiting 7 min for provider test: its budget of 2 requests a day, until 2026-12-01T00:00:00Z",
                "WARN Still waiting 5 min for provider test: its budget of 2 requests a day, until 2026-12-01T00:00:00Z",
                "WARN Still waiting 3 min for provider test: its budget of 2 requests a day, until 2026-12-01T00:00:00Z",
                "WARN Still waiting 1 min for provider test: its budget of 2 requests a day, until 2026-12-01T00:00:00Z");
    }

    @Test
    void refuses_at_once_a_request_whose_budget_resets_after_the_longest_wait_and_counts_it_nowhere() {
        FakeClock clock = new FakeClock("2026-11-30T15:00:00Z");
        RequestBudget budget = budget(clock, 60_000, OptionalInt.empty(), OptionalInt.of(2));
        budget.acquire(listener);
        budget.acquire(listener);

        assertThatThrownBy(() -> budget.acquire(listener))
                .isInstanceOfSatisfying(QuotaSpentException.class, spent -> {
                    assertThat(spent.resetsAt()).contains(Instant.parse("2026-12-01T00:00:00Z"));
                    assertThat(spent.provider()).isEqualTo("test");
                    assertThat(spent.budget()).isEqualTo("its budget of 2 requests a day");
                })
                .hasMessage("provider test: its budget of 2 requests a day is spent; it resets at 2026-12-01T00:00:00Z");
        assertThat(clock.waitsLongerThan(Duration.ofSeconds(1))).isEmpty();
        assertThat(told).isEmpty();

        clock.set("2026-12-01T00:00:00Z");
        budget.acquire(listener);
        budget.acquire(listener);
        assertThat(told).isEmpty();
    }

    @Test
    void waits_for_a_budget_that_resets_exactly_at_the_longest_wait() {
        FakeClock clock = new FakeClock("2026-11-30T14:30:00Z");
        RequestBudget budget = budget(clock, 60_000, OptionalInt.of(1), OptionalInt.empty());
        budget.acquire(listener);

        budget.acquire(listener);

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
    }

    @Test
    void waits_for_a_spent_quota_the_provider_answered_when_it_resets_within_the_longest_wait() {
        FakeClock clock = new FakeClock("2026-11-30T15:50:00Z");
        RequestBudget budget = budget(clock, 60_000, OptionalInt.empty(), OptionalInt.empty());

        budget.spent(SpentQuota.untilTheNextHour("its hourly request allocation"), true);
        budget.acquire(listener);

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(told).containsExactly(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(log.lines).first().isEqualTo(
                "WARN Waiting 10 min for provider test: its hourly request allocation, until 2026-11-30T16:00:00Z");
    }

    @Test
    void gives_up_on_a_spent_quota_that_resets_after_the_longest_wait_and_sends_nothing_before_the_reset() {
        FakeClock clock = new FakeClock("2026-11-30T15:10:00Z");
        RequestBudget budget = budget(clock, 60_000, OptionalInt.empty(), OptionalInt.empty());

        assertThatThrownBy(() -> budget.spent(SpentQuota.untilTheNextHour("its hourly request allocation"), true))
                .isInstanceOf(QuotaSpentException.class)
                .hasMessage("provider test: its hourly request allocation is spent; it resets at 2026-11-30T16:00:00Z");
        assertThatThrownBy(() -> budget.acquire(listener))
                .isInstanceOfSatisfying(QuotaSpentException.class,
                        spent -> assertThat(spent.resetsAt()).contains(Instant.parse("2026-11-30T16:00:00Z")));
        assertThat(clock.waits()).isEmpty();
    }

    @Test
    void gives_up_on_a_quota_that_is_spent_again_after_one_wait_for_its_reset() {
        FakeClock clock = new FakeClock("2026-11-30T15:59:00Z");
        RequestBudget budget = budget(clock, 60_000, OptionalInt.empty(), OptionalInt.empty());

        assertThatThrownBy(() -> budget.spent(SpentQuota.untilTheNextHour("its hourly request allocation"), false))
                .isInstanceOfSatisfying(QuotaSpentException.class,
                        spent -> assertThat(spent.resetsAt()).contains(Instant.parse("2026-11-30T16:00:00Z")));
    }

    @Test
    void gives_up_for_good_on_a_spent_quota_whose_reset_the_provider_does_not_tell() {
        FakeClock clock = new FakeClock("2026-11-30T15:00:00Z");
        RequestBudget budget = budget(clock, 60_000, OptionalInt.empty(), OptionalInt.empty());

        assertThatThrownBy(() -> budget.spent(SpentQuota.withoutReset("the plan's quota (HTTP 402)"), true))
                .isInstanceOfSatisfying(QuotaSpentException.class,
                        spent -> assertThat(spent.resetsAt()).isEmpty())
                .hasMessage("provider test: the plan's quota (HTTP 402) is spent; when it resets is not known");
        clock.set("2026-12-01T15:00:00Z");
        assertThatThrownBy(() -> budget.acquire(listener)).isInstanceOf(QuotaSpentException.class);
    }

    @Test
    void a_reset_the_provider_gives_as_a_wait_is_rounded_up_to_a_whole_second() {
        FakeClock clock = new FakeClock("2026-11-30T15:00:00Z");
        RequestBudget budget = budget(clock, 60_000, OptionalInt.empty(), OptionalInt.empty());

        assertThatThrownBy(() -> budget.spent(SpentQuota.after(Duration.ofMillis(3_600_200), "its rate limit"), true))
                .isInstanceOfSatisfying(QuotaSpentException.class, spent -> assertThat(spent.resetsAt())
                        .contains(Instant.parse("2026-11-30T16:00:01Z")));
    }

    @Test
    void an_interrupted_wait_fails_the_request_and_keeps_the_interrupt() {
        RequestBudget budget = new RequestBudget("test", new RequestBudget.Limits(5, OptionalInt.empty(),
                OptionalInt.empty(), MAX_WAIT), new FakeClock("2026-11-30T15:00:00Z"), duration -> {
                    throw new InterruptedException();
                }, log);
        budget.acquire(listener);

        assertThatThrownBy(() -> budget.acquire(listener))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider test: the wait for its pace of 5 requests a minute was interrupted");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void refuses_limits_below_one_request() {
        assertThatThrownBy(() -> new RequestBudget.Limits(5, OptionalInt.of(0), OptionalInt.empty(), MAX_WAIT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new RequestBudget.Limits(5, OptionalInt.of(1), OptionalInt.of(1), MAX_WAIT).maxWait())
                .isEqualTo(MAX_WAIT);
        assertThat(Optional.of(RequestBudget.Limits.pace(5)).map(RequestBudget.Limits::perHour))
                .contains(OptionalInt.empty());
    }

    private RequestBudget budget(FakeClock clock, int perMinute, OptionalInt perHour, OptionalInt perDay) {
        return new RequestBudget("test", new RequestBudget.Limits(perMinute, perHour, perDay, MAX_WAIT), clock, clock,
                log);
    }
}
