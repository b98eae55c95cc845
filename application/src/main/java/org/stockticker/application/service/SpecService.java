package org.stockticker.application.service;

import org.stockticker.application.port.in.SpecUseCase;
import org.stockticker.application.port.out.MessageSinkPort;

/** Answers the specification. */
public final class SpecService implements SpecUseCase {

    private final MessageSinkPort sink;

    public SpecService(MessageSinkPort sink) {
        this.sink = sink;
    }

    @Override
    public void spec() {
        sink.spec();
    }
}
