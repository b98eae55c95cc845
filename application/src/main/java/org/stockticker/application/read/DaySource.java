package org.stockticker.application.read;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.stockticker.domain.Symbol;

/**
 * Where a stream's records of every symbol come from a trading day at a time, for providers that answer a whole
 * market day in one request.
 *
 * @param <R> the stream's records
 */
public interface DaySource<R> {

    /** The records of every symbol on {@code day}, in any order, read lazily; the caller closes the stream. */
    Stream<R> day(LocalDate day);

    /** The symbol a record belongs to. */
    Symbol symbolOf(R record);

    /**
     * Confirms that the provider knows {@code symbol}, for a listed symbol that no day's answer held.
     *
     * @throws org.stockticker.application.port.out.UnknownSymbolException when it does not
     */
    void verify(Symbol symbol);
}
