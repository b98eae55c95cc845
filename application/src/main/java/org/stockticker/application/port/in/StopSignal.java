package org.stockticker.application.port.in;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Lets another thread stop a read (a signal to the process, a platform cancelling the sync): the stream being read
 * checkpoints exactly what it emitted, ends INCOMPLETE, and no later stream starts.
 */
public final class StopSignal {

    private final List<BooleanSupplier> handlers = new CopyOnWriteArrayList<>();
    private volatile boolean requested;

    /**
     * Asks the read to stop, and runs, on the caller's thread, what the read registered to do then; answers whether
     * a handler ended something (a stream that was being read).
     */
    public synchronized boolean request() {
        requested = true;
        boolean ended = false;
        for (BooleanSupplier handler : handlers) {
            ended |= handler.getAsBoolean();
        }
        return ended;
    }

    public boolean requested() {
        return requested;
    }

    /**
     * Runs {@code handler} when a stop is requested, until the returned registration is closed; at once, when a stop
     * was requested already. The handler answers whether it ended something.
     */
    public synchronized Registration onRequest(BooleanSupplier handler) {
        handlers.add(handler);
        if (requested) {
            handler.getAsBoolean();
        }
        return () -> handlers.remove(handler);
    }

    /** A handler's place in the signal; closing it removes the handler. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {

        @Override
        void close();
    }
}
