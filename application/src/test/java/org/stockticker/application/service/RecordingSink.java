package org.stockticker.application.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.stockticker.application.port.out.MessageSinkPort;
import org.stockticker.domain.Catalog;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.StreamState;

/** A message sink that keeps every call, in order, as a small event. */
final class RecordingSink implements MessageSinkPort {

    sealed interface Event permits Spec, ConnectionStatus, CatalogEvent, RecordEvent, StateEvent, StatusEvent,
            EstimateEvent, LogEvent, ErrorEvent, RateLimitedEvent {
    }

    record Spec() implements Event {
    }

    record ConnectionStatus(boolean succeeded, String message) implements Event {
    }

    record CatalogEvent(Catalog catalog) implements Event {
    }

    record RecordEvent(String stream, DailyBar bar, String provider) implements Event {
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

    record ErrorEvent(FailureType type, String message, Throwable cause) implements Event {
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
     * RECORD, STATE, ERROR, CATALOG, SPEC, CONNECTION_STATUS.
     */
    List<String> kinds() {
        List<String> kinds = new ArrayList<>();
        for (Event event : events) {
            if (event instanceof StatusEvent status) {
                kinds.add(status.status().name());
            } else if (event instanceof EstimateEvent) {
                kinds.add("ESTIMATE");
            } else if (event instanceof RecordEvent) {
                kinds.add("RECORD");
            } else if (event instanceof StateEvent) {
                kinds.add("STATE");
            } else if (event instanceof ErrorEvent) {
                kinds.add("ERROR");
            } else if (event instanceof CatalogEvent) {
                kinds.add("CATALOG");
            } else if (event instanceof Spec) {
                kinds.add("SPEC");
            } else if (event instanceof ConnectionStatus) {
                kinds.add("CONNECTION_STATUS");
            }
        }
        return kinds;
    }

    @Override
    public void spec() {
        events.add(new Spec());
    }

    @Override
    public void connectionStatus(boolean succeeded, String message) {
        events.add(new ConnectionStatus(succeeded, message));
    }

    @Override
    public void catalog(Catalog catalog) {
        events.add(new CatalogEvent(catalog));
    }

    @Override
    public void record(String stream, DailyBar bar, String provider) {
        events.add(new RecordEvent(stream, bar, provider));
    }

    @Override
    public void state(String stream, StreamState state, long recordCount) {
        events.add(new StateEvent(stream, state, recordCount));
    }

    @Override
    public void streamStatus(String stream, StreamStatus status) {
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

    @Override
    public void error(FailureType type, String message, Throwable cause) {
        events.add(new ErrorEvent(type, message, cause));
    }
}
