package org.stockticker.application.read;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.stockticker.domain.Symbol;

/**
 * Where a stream's records of every symbol come from at once, for providers that list them so: the events of every
 * symbol since a day, or every listing.
 *
 * @param <R> the stream's records
 */
public interface EverySymbolSource<R> {

    /**
     * The records of every symbol dated {@code from} or later (every record, for a stream without dates), in any
     * order, read lazily; the caller closes the stream.
     */
    Stream<R> from(LocalDate from);

    /** The symbol a record belongs to. */
    Symbol symbolOf(R record);
}
