package org.stockticker.application.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * Reads the bars of the symbols to come while the caller still writes the ones before: up to {@code depth} symbols
 * at once, each on a thread of its own, into a small bounded buffer, so that requests, answers and parsing overlap
 * with the writing, and memory stays flat however long a history is. The caller takes each symbol's bars in its own
 * order, one symbol after the other, as if it had asked the provider itself; a failure of the provider reaches the
 * caller as the same exception, when its turn comes, after the bars read before it.
 *
 * <p>The provider's own rate limit still paces every request; this only lets requests wait for their turn while
 * earlier answers are being written.
 */
final class ReadAhead implements AutoCloseable {

    /** Bars handed over at a time: large enough that the hand-over costs nothing per bar. */
    static final int CHUNK = 256;

    /** Chunks a symbol may read ahead of its writer before its reader waits: 4,096 bars, about a megabyte. */
    static final int BUFFERED_CHUNKS = 16;

    private static final long CLOSE_WAIT_SECONDS = 5;
    private static final Object END = new Object();
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final PriceProviderPort provider;
    private final ExecutorService threads;
    private final Map<Symbol, Buffer> buffers = new LinkedHashMap<>();

    /** Starts reading {@code windows}, in their order, {@code depth} symbols at a time. */
    ReadAhead(PriceProviderPort provider, Map<Symbol, DateWindow> windows, int depth) {
        this.provider = provider;
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1");
        }
        this.threads = Executors.newFixedThreadPool(Math.max(1, Math.min(depth, windows.size())),
                threads("read-ahead-" + POOLS.incrementAndGet() + "-"));
        windows.forEach((symbol, window) -> {
            Buffer buffer = new Buffer(symbol, window);
            buffers.put(symbol, buffer);
            threads.execute(buffer::fill);
        });
    }

    /**
     * The bars of {@code symbol} over the window it was read with, as {@link PriceProviderPort#dailyBars} gives
     * them: the caller closes the stream. Each symbol read ahead is taken once.
     */
    Stream<DailyBar> bars(Symbol symbol) {
        Buffer buffer = buffers.remove(symbol);
        if (buffer == null) {
            throw new IllegalStateException(symbol + " was not read ahead, or was taken already");
        }
        return StreamSupport.stream(buffer, false).onClose(buffer::cancel);
    }

    /**
     * Stops every read still going on, and waits a moment for their answers to be closed; their bars are dropped.
     * A read blocked on the network ends with its read timeout, on a daemon thread that never keeps the process.
     */
    @Override
    public void close() {
        buffers.values().forEach(Buffer::cancel);
        buffers.clear();
        threads.shutdownNow();
        try {
            threads.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            // A read that is abandoned must never keep the process alive.
            thread.setDaemon(true);
            return thread;
        };
    }

    /** What a failed read hands over, to be thrown in the caller's thread. */
    private record Failure(Throwable failure) {
    }

    /** One symbol's bars: filled by a reading thread, drained by the caller. */
    private final class Buffer extends Spliterators.AbstractSpliterator<DailyBar> {

        private final Symbol symbol;
        private final DateWindow window;
        private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(BUFFERED_CHUNKS);
        private List<DailyBar> taken = List.of();
        private int next;
        private volatile boolean cancelled;
        private boolean ended;

        Buffer(Symbol symbol, DateWindow window) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.symbol = symbol;
            this.window = window;
        }

        /**
         * Runs on a reading thread: the provider's bars, a chunk at a time, then the end; or the bars read before a
         * failure, then the failure.
         */
        void fill() {
            if (cancelled) {
                return;
            }
            List<DailyBar> chunk = new ArrayList<>(CHUNK);
            try {
                try (Stream<DailyBar> bars = provider.dailyBars(symbol, window)) {
                    Spliterator<DailyBar> source = bars.spliterator();
                    while (!cancelled && source.tryAdvance(chunk::add)) {
                        if (chunk.size() == CHUNK) {
                            hand(chunk);
                            chunk = new ArrayList<>(CHUNK);
                        }
                    }
                } catch (RuntimeException | Error e) {
                    handRest(chunk);
                    hand(new Failure(e));
                    return;
                }
                handRest(chunk);
                hand(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void handRest(List<DailyBar> chunk) throws InterruptedException {
            if (!chunk.isEmpty()) {
                hand(chunk);
            }
        }

        /** Waits for room in the buffer, unless the caller gave up on this symbol. */
        private void hand(Object item) throws InterruptedException {
            while (!cancelled && !chunks.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // The caller is still writing earlier bars: wait on.
            }
        }

        void cancel() {
            cancelled = true;
            chunks.clear();
        }

        @Override
        public boolean tryAdvance(Consumer<? super DailyBar> action) {
            if (next == taken.size() && !takeChunk()) {
                return false;
            }
            action.accept(taken.get(next++));
            return true;
        }

        @SuppressWarnings("unchecked")
        private boolean takeChunk() {
            if (ended) {
                return false;
            }
            Object item;
            try {
                item = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the bars of " + symbol, e);
            }
            if (item == END) {
                ended = true;
                return false;
            }
            if (item instanceof Failure failed) {
                ended = true;
                if (failed.failure() instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) failed.failure();
            }
            taken = (List<DailyBar>) item;
            next = 0;
            return true;
        }
    }
}
