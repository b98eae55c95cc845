package org.stockticker.application.read;

import java.time.LocalDate;

/**
 * When records synced before may have changed since: an incremental read also asks for the cursor's own day (an
 * anchor, never emitted), shows the rule every record it reads, and reads the symbol's whole history again when
 * the rule says so, so that the records synced before are overwritten downstream.
 *
 * @param <R> the stream's records
 */
public interface RereadRule<R> {

    /** A watch over one symbol's records read after {@code cursor}, the anchor day included. */
    Watch<R> watch(LocalDate cursor);

    /** What one symbol's records showed. */
    interface Watch<R> {

        void saw(R record);

        /** Whether the records synced before changed; then a sentence saying how, for the log. */
        boolean changed();

        String reason();
    }
}
