package org.stockticker.adapters.airbyte;

import org.stockticker.adapters.airbyte.output.AirbyteMessageWriter;
import org.stockticker.adapters.airbyte.output.OutputClosedException;
import org.stockticker.application.port.in.StopSignal;

/**
 * The read in progress, if any, and how another thread stops it when the process is asked to end: the stream being
 * read checkpoints exactly what it emitted and ends INCOMPLETE, a TRACE ERROR says how to go on, and every message
 * written so far is handed over; nothing is written after.
 */
final class ReadStops {

    private final AirbyteMessageWriter writer;
    private StopSignal reading;
    private boolean ended;

    ReadStops(AirbyteMessageWriter writer) {
        this.writer = writer;
    }

    /** A read begins: the signal that stops it. */
    synchronized StopSignal begin() {
        reading = new StopSignal();
        return reading;
    }

    /** The read ended, by itself or stopped. */
    synchronized void readEnded() {
        reading = null;
    }

    /** The command ended: a stop asked for from now on, as the process exits, does nothing. */
    synchronized void commandEnded() {
        ended = true;
    }

    /** Stops the read in progress, from another thread; does nothing once the command has ended. */
    synchronized void stop() {
        if (ended) {
            return;
        }
        try {
            if (reading != null && reading.request()) {
                writer.error(Failures.stopped(), "The sync was stopped before it ended (the connector was asked to"
                        + " stop). Everything emitted before is checkpointed; the next sync resumes from there", null);
            }
            writer.close();
        } catch (OutputClosedException e) {
            // Nothing can be handed over any more.
        }
    }
}
