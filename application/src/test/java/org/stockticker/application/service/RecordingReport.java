package org.stockticker.application.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.stockticker.application.port.in.ReadOutcome;
import org.stockticker.application.port.in.ReadOutcome.ReadFailure;
import org.stockticker.application.port.out.ReadReportPort;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.StreamDefinition;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.Symbol;

/** A read report that keeps every call, in order, as a small event. */
final class RecordingReport implements ReadReportPort {

    sealed interface Event permits RecordEvent, StateEvent, StatusEvent, EstimateEvent, LogEvent, ErrorEvent,
            RateLimitedEvent, OtherRecordEvent {
    }

    record RecordEvent(String stream, DailyBar bar, String provider) implements Event {
    }

    /** A record of a stream other than the prices, kept as it is. */
    record OtherRecordEvent(String stream, Object record, String provider) implements Event {
    }

    record StateEvent(String stream, StreamState state, long recordCount) implements Event {
    }

    record StatusEvent(String stream, StreamStatus status) implements Event {
    }

    record RateLimitedEvent(String stream, Instant until) implements Event {
    }

    record EstimateEvent(String stream, long rows) implements Event {
    }

    record LogEvent(LogLevel level, String message) implements Event {
    }

    /** A stream's read ended with {@code failure}: recorded by the test after the read, from its outcome. */
    record ErrorEvent(ReadFailure failure) implements Event {

        String message() {
            return failure.cause().getMessage();
        }

        Throwable cause() {
            return failure.cause();
        }

        Symbol symbol() {
            return failure.symbol();
        }
    }

    // Calls may come from the provider's threads too (a rate limit heard while reading ahead).
    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());

    List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    <T extends Event> List<T> eventsOf(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<RecordEvent> records() {
        return eventsOf(RecordEvent.class);
    }

    List<StateEvent> states() {
        return eventsOf(StateEvent.class);
    }

    List<StateEvent> statesOf(String stream) {
        return states().stream().filter(state -> state.stream().equals(stream)).toList();
    }

    /** The records of {@code stream}, whatever their kind. */
    List<Object> recordsOf(String stream) {
        List<Object> records = new ArrayList<>();
        for (Event event : events()) {
            if (event instanceof RecordEvent record && record.stream().equals(stream)) {
                records.add(record.bar());
            } else if (event instanceof OtherRecordEvent record && record.stream().equals(stream)) {
                records.add(record.record());
            }
        }
        return records;
    }

    List<StreamStatus> statusesOf(String stream) {
        return eventsOf(StatusEvent.class).stream().filter(status -> status.stream().equals(stream))
                .map(StatusEvent::status).toList();
    }

    StateEvent lastState() {
        List<StateEvent> states = states();
        if (states.isEmpty()) {
            throw new AssertionError("no STATE was emitted");
        }
        return states.get(states.size() - 1);
    }

    List<StreamStatus> statuses() {
        return eventsOf(StatusEvent.class).stream().map(StatusEvent::status).toList();
    }

    List<ErrorEvent> errors() {
        return eventsOf(ErrorEvent.class);
    }

    List<String> logs(LogLevel level) {
        return eventsOf(LogEvent.class).stream().filter(e -> e.level() == level).map(LogEvent::message).toList();
    }

    /**
     * Every event but logs, each as a short word: STARTED, RUNNING, COMPLETE, INCOMPLETE (statuses), ESTIMATE,
     * RECORD, STATE, ERROR.
     */
    List<String> kinds() {
        List<String> kinds = new ArrayList<>();
        for (Event event : events) {
            if (event instanceof StatusEvent status) {
                kinds.add(status.status().name());
            } else if (event instanceof EstimateEvent) {
                kinds.add("ESTIMATE");
            } else if (event instanceof RecordEvent || event instanceof OtherRecordEvent) {
                kinds.add("RECORD");
            } else if (event instanceof StateEvent) {
                kinds.add("STATE");
            } else if (event instanceof ErrorEvent) {
                kinds.add("ERROR");
            }
        }
        return kinds;
    }

    /** Records how the read ended: an ERROR event for each failed stream, after the stream's last message. */
    ReadOutcome ended(ReadOutcome outcome) {
        outcome.failures().forEach(failure -> events.add(new ErrorEvent(failure)));
        return outcome;
    }

    @Override
    public <R> void record(StreamDefinition<R> stream, R record, String provider) {
        events.add(record instanceof DailyBar bar ? new RecordEvent(stream.name(), bar, provider)
                : new OtherRecordEvent(stream.name(), record, provider));
    }

    @Override
    public void checkpoint(String stream, StreamState state, long recordCount) {
        events.add(new StateEvent(stream, state, recordCount));
    }

    @Override
    public void status(String stream, StreamStatus status) {
        events.add(new StatusEvent(stream, status));
    }

    @Override
    public void rateLimited(String stream, Instant until) {
        events.add(new RateLimitedEvent(stream, until));
    }

    @Override
    public void estimate(String stream, long rows) {
        events.add(new EstimateEvent(stream, rows));
    }

    @Override
    public void log(LogLevel level, String message) {
        events.add(new LogEvent(level, message));
    }
}
