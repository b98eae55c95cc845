package org.stockticker.application.port.in;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lets another thread stop a read (a signal to the process, a platform cancelling the sync): the stream being read
 * checkpoints exactly what it emitted, ends INCOMPLETE, and no later stream starts.
 */
public final class StopSignal {

    private final List<Runnable> handlers = new CopyOnWriteArrayList<>();
    private volatile boolean requested;

    /** Asks the read to stop, and runs, on the caller's thread, what the read registered to do then. */
    public void request() {
        requested = true;
        handlers.forEach(Runnable::run);
    }

    public boolean requested() {
        return requested;
    }

    /** Runs {@code handler} when a stop is requested, until the returned registration is closed. */
    public Registration onRequest(Runnable handler) {
        handlers.add(handler);
        return () -> handlers.remove(handler);
    }

    /** A handler's place in the signal; closing it removes the handler. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {

        @Override
        void close();
    }
}
