package org.stockticker.application.read;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.stockticker.application.port.out.RateLimitListener;

/**
 * Reads the partitions of a batch ahead of the caller, on the threads of an executor, each into a small bounded
 * buffer: requests, answers and parsing overlap with the caller's writing, and memory stays flat however long a
 * history is. At most {@code depth} partitions beyond the one the caller reads are started: the next one starts when
 * the caller takes one, so a read that stops early has asked the provider for no more than that. The caller takes
 * each partition's records in order, as if it read them itself; a failure reaches it as the same exception, when its
 * turn comes, after the records read before it.
 *
 * <p>The provider's own rate limit still paces every request; this only lets requests wait for their turn while
 * earlier answers are being written.
 */
public final class ReadAheadSource<R> implements RecordSource<R> {

    /** Records handed over at a time: large enough that the hand-over costs nothing per record. */
    public static final int CHUNK = 256;

    /** Chunks a partition may read ahead of its writer before its reader waits: 4,096 bars, about a megabyte. */
    public static final int BUFFERED_CHUNKS = 16;

    private static final long CLOSE_WAIT_SECONDS = 5;

    private final RecordSource<R> source;
    private final Executor executor;
    private final int depth;

    /**
     * Reads {@code source} ahead on {@code executor}, whose threads must never keep the process alive, at most
     * {@code depth} partitions ahead of the one being taken.
     */
    public ReadAheadSource(RecordSource<R> source, Executor executor, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1");
        }
        this.source = source;
        this.executor = executor;
        this.depth = depth;
    }

    @Override
    public Stream<R> read(Partition partition) {
        return source.read(partition);
    }

    @Override
    public Batch<R> batch(List<Partition> partitions) {
        return new Ahead(partitions);
    }

    @Override
    public void onRateLimited(RateLimitListener listener) {
        source.onRateLimited(listener);
    }

    /** The partitions of one batch, each in its buffer, filled in the batch's order. */
    private final class Ahead implements Batch<R> {

        private final Map<Partition, Buffer> buffers = new LinkedHashMap<>();
        private final Deque<Buffer> waiting = new ArrayDeque<>();
        private final List<CompletableFuture<Void>> fills = new ArrayList<>();

        Ahead(List<Partition> partitions) {
            for (Partition partition : partitions) {
                Buffer buffer = new Buffer(partition);
                buffers.put(partition, buffer);
                waiting.add(buffer);
            }
            for (int i = 0; i < depth; i++) {
                startNext();
            }
        }

        @Override
        public Stream<R> read(Partition partition) {
            Buffer buffer = buffers.remove(partition);
            if (buffer == null) {
                throw new IllegalStateException(partition + " was not announced, or was taken already");
            }
            if (waiting.remove(buffer)) {
                // Taken before its turn to be read ahead: it starts now, ahead of the ones after it.
                fills.add(CompletableFuture.runAsync(buffer::fill, executor));
            } else {
                startNext();
            }
            return StreamSupport.stream(buffer, false).onClose(buffer::cancel);
        }

        private void startNext() {
            Buffer next = waiting.poll();
            if (next != null) {
                fills.add(CompletableFuture.runAsync(next::fill, executor));
            }
        }

        /**
         * Stops every read still going on and waits a moment for their answers to be closed; their records are
         * dropped. A read blocked on the network ends with its read timeout.
         */
        @Override
        public void close() {
            buffers.values().forEach(Buffer::cancel);
            buffers.clear();
            waiting.clear();
            try {
                CompletableFuture.allOf(fills.toArray(CompletableFuture[]::new))
                        .get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // A fill ends by handing its failure over; one still blocked is left to its read timeout.
            }
        }
    }

    /** One partition's records: filled by a reading thread, drained by the caller. */
    private final class Buffer extends Spliterators.AbstractSpliterator<R> {

        private final Partition partition;
        private final BlockingQueue<Handover<R>> handovers = new ArrayBlockingQueue<>(BUFFERED_CHUNKS);
        private List<R> taken = List.of();
        private int next;
        private volatile boolean cancelled;
        private boolean ended;

        Buffer(Partition partition) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.partition = partition;
        }

        /**
         * Runs on a reading thread: the source's records a chunk at a time, then the end; or the records read before
         * a failure, then the failure.
         */
        void fill() {
            if (cancelled) {
                return;
            }
            List<R> chunk = new ArrayList<>(CHUNK);
            try {
                try (Stream<R> records = source.read(partition)) {
                    Spliterator<R> from = records.spliterator();
                    while (!cancelled && from.tryAdvance(chunk::add)) {
                        if (chunk.size() == CHUNK) {
                            hand(new Handover.Chunk<>(chunk));
                            chunk = new ArrayList<>(CHUNK);
                        }
                    }
                } catch (RuntimeException | Error e) {
                    handRest(chunk);
                    hand(new Handover.Failed<>(e));
                    return;
                }
                handRest(chunk);
                hand(new Handover.End<>());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void handRest(List<R> chunk) throws InterruptedException {
            if (!chunk.isEmpty()) {
                hand(new Handover.Chunk<>(chunk));
            }
        }

        /**
         * Waits for room in the buffer, unless the caller gave up on this partition: {@link #cancel} empties the
         * buffer, which wakes a waiting reader, and the reader stops at its next record.
         */
        private void hand(Handover<R> handover) throws InterruptedException {
            if (!cancelled) {
                handovers.put(handover);
            }
        }

        void cancel() {
            cancelled = true;
            handovers.clear();
        }

        @Override
        public boolean tryAdvance(Consumer<? super R> action) {
            if (next == taken.size() && !takeChunk()) {
                return false;
            }
            action.accept(taken.get(next++));
            return true;
        }

        private boolean takeChunk() {
            if (ended) {
                return false;
            }
            Handover<R> handover;
            try {
                handover = handovers.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the records of " + partition, e);
            }
            if (handover instanceof Handover.Chunk<R> chunk) {
                taken = chunk.records();
                next = 0;
                return true;
            }
            ended = true;
            if (handover instanceof Handover.Failed<R> failed) {
                if (failed.failure() instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) failed.failure();
            }
            return false;
        }
    }
}
