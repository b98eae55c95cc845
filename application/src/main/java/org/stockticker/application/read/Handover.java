package org.stockticker.application.read;

import java.util.List;

/** What a reading thread hands to the writing one: some records, the end of a partition, or why it stopped. */
sealed interface Handover<R> {

    /** The next records of the partition, in order; the reading thread no longer touches the list. */
    record Chunk<R>(List<R> records) implements Handover<R> {
    }

    /** The partition was read to its end. */
    record End<R>() implements Handover<R> {
    }

    /** Reading the partition failed after the records handed over before; the writer rethrows it. */
    record Failed<R>(Throwable failure) implements Handover<R> {
    }
}
