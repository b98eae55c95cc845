package org.stockticker.application.port.in;

/** The read was asked to stop before it ended; what it emitted before is checkpointed. */
public class ReadStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReadStoppedException() {
        super("the read was stopped before it ended; everything emitted before is checkpointed");
    }
}
