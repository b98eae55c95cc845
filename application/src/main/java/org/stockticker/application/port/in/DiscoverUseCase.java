package org.stockticker.application.port.in;

/** Answers the catalog of streams the source offers. */
public interface DiscoverUseCase {

    void discover();
}
