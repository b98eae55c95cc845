package org.stockticker.application.read;

import java.util.List;
import java.util.stream.Stream;
import org.stockticker.application.port.out.RateLimitListener;

/**
 * Where a stream's records come from, a partition at a time: the seam that decorators (reading ahead, reading a
 * broken answer again) wrap around a provider's port.
 *
 * @param <R> the stream's records
 */
public interface RecordSource<R> {

    /**
     * The records of {@code partition}, ascending by date, read lazily; the caller closes the stream. Records
     * outside the partition's window may be included and are the caller's to drop.
     */
    Stream<R> read(Partition partition);

    /**
     * Announces that {@code partitions} will be read, in that order, each once, through the batch; a source may
     * start on them early. The caller closes the batch when done, which abandons whatever it did not take.
     */
    default Batch<R> batch(List<Partition> partitions) {
        return new Batch<>() {
            @Override
            public Stream<R> read(Partition partition) {
                return RecordSource.this.read(partition);
            }

            @Override
            public void close() {
                // Nothing was started early.
            }
        };
    }

    /** Reports to {@code listener} each time the source makes reads wait for its provider's rate limit. */
    default void onRateLimited(RateLimitListener listener) {
        // A source without a rate limit never waits.
    }

    /** The partitions of one read, announced ahead, each taken once in their order. */
    interface Batch<R> extends AutoCloseable {

        Stream<R> read(Partition partition);

        @Override
        void close();
    }
}
