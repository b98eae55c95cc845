package org.stockticker.adapters.airbyte.output;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Standard output cannot be written any more (its reader went away): nothing more can reach the platform. */
public class OutputClosedException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    public OutputClosedException(IOException cause) {
        super("standard output is closed: " + cause.getMessage(), cause);
    }
}
