package org.stockticker.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
