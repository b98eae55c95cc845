package org.stockticker.adapters.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.stockticker.application.port.out.RateLimitListener;

/** Passing a client's rate-limit waits on to the provider's current listener. */
class RateLimitRelayTest {

    private static final Instant UNTIL = Instant.parse("2024-05-06T14:30:00Z");

    private final RateLimitRelay relay = new RateLimitRelay();

    @Test
    void tells_no_one_and_does_not_fail_before_a_listener_is_given() {
        assertThatCode(() -> relay.rateLimited(UNTIL)).doesNotThrowAnyException();
    }

    @Test
    void passes_each_wait_on_to_the_listener_given() {
        Recording listener = new Recording();
        relay.relayTo(listener);

        relay.rateLimited(UNTIL);
        relay.rateLimited(UNTIL.plusSeconds(60));

        assertThat(listener.waits).containsExactly(UNTIL, UNTIL.plusSeconds(60));
    }

    @Test
    void tells_only_the_latest_listener_once_it_is_replaced() {
        Recording first = new Recording();
        Recording second = new Recording();
        relay.relayTo(first);
        relay.rateLimited(UNTIL);

        relay.relayTo(second);
        relay.rateLimited(UNTIL.plusSeconds(1));

        assertThat(first.waits).containsExactly(UNTIL);
        assertThat(second.waits).containsExactly(UNTIL.plusSeconds(1));
    }

    @Test
    void refuses_a_missing_listener() {
        assertThatThrownBy(() -> relay.relayTo(null)).isInstanceOf(NullPointerException.class);
    }

    /** A listener that keeps every wait it is told of. */
    private static final class Recording implements RateLimitListener {

        final List<Instant> waits = new CopyOnWriteArrayList<>();

        @Override
        public void rateLimited(Instant until) {
            waits.add(until);
        }
    }
}
