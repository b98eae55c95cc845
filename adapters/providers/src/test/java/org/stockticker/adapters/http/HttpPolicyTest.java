package org.stockticker.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class HttpPolicyTest {

    @Test
    void defaults_pace_at_the_given_rate_with_five_patient_attempts() {
        HttpPolicy defaults = HttpPolicy.defaults(5);

        assertThat(defaults).isEqualTo(new HttpPolicy(5, Duration.ofSeconds(10), Duration.ofSeconds(30), 5,
                Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60)));
    }

    @Test
    void gives_a_whole_answer_two_minutes_unless_told_otherwise() {
        assertThat(HttpPolicy.defaults(5).answerDeadline()).isEqualTo(Duration.ofMinutes(2));
        assertThat(HttpPolicy.defaults(5).withAnswerDeadline(Duration.ofMillis(300)).answerDeadline())
                .isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void refuses_a_deadline_for_a_whole_answer_that_is_not_positive() {
        assertThatThrownBy(() -> HttpPolicy.defaults(5).withAnswerDeadline(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("answerDeadline");
    }

    @Test
    void paces_alone_and_waits_thirty_minutes_for_a_quota_unless_given_budgets() {
        HttpPolicy budgeted = HttpPolicy.defaults(5).withBudgets(OptionalInt.of(50), OptionalInt.of(1000),
                Duration.ofMinutes(10));

        assertThat(HttpPolicy.defaults(5).limits()).isEqualTo(RequestBudget.Limits.pace(5));
        assertThat(budgeted.limits()).isEqualTo(new RequestBudget.Limits(5, OptionalInt.of(50), OptionalInt.of(1000),
                Duration.ofMinutes(10)));
        assertThat(budgeted.withAnswerDeadline(Duration.ofSeconds(1)).limits()).isEqualTo(budgeted.limits());
    }

    @Test
    void refuses_an_hourly_or_daily_budget_below_one() {
        assertThatThrownBy(() -> HttpPolicy.defaults(5).withBudgets(OptionalInt.empty(), OptionalInt.of(0),
                Duration.ofMinutes(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requestsPerDay");
    }

    @Test
    void refuses_a_rate_below_one_request_per_minute() {
        assertThatThrownBy(() -> HttpPolicy.defaults(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requestsPerMinute");
    }

    @Test
    void refuses_a_longest_backoff_below_the_first() {
        assertThatThrownBy(() -> new HttpPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(1), 3,
                Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBackoff");
    }

    @Test
    void refuses_zero_attempts() {
        assertThatThrownBy(() -> new HttpPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(1), 0,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAttempts");
    }
}
