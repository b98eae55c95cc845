package org.stockticker.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StopSignalTest {

    private final StopSignal stop = new StopSignal();

    @Test
    void a_request_runs_the_handlers_and_says_whether_one_ended_something() {
        AtomicInteger runs = new AtomicInteger();
        stop.onRequest(() -> runs.incrementAndGet() < 0);

        assertThat(stop.request()).isFalse();
        stop.onRequest(() -> true);
        assertThat(stop.request()).isTrue();
        assertThat(stop.requested()).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void a_handler_registered_after_the_request_runs_at_once() {
        AtomicInteger runs = new AtomicInteger();
        stop.request();

        stop.onRequest(() -> runs.incrementAndGet() > 0);

        assertThat(runs).hasValue(1);
    }

    @Test
    void a_closed_registration_runs_no_more() {
        AtomicInteger runs = new AtomicInteger();
        stop.onRequest(() -> runs.incrementAndGet() > 0).close();

        stop.request();

        assertThat(runs).hasValue(0);
    }
}
