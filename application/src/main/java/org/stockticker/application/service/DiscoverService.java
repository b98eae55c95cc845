package org.stockticker.application.service;

import org.stockticker.application.port.in.DiscoverUseCase;
import org.stockticker.application.port.out.MessageSinkPort;
import org.stockticker.domain.StockPrices;

/** Answers the catalog; it never asks the provider, so it works offline and costs no quota. */
public final class DiscoverService implements DiscoverUseCase {

    private final MessageSinkPort sink;

    public DiscoverService(MessageSinkPort sink) {
        this.sink = sink;
    }

    @Override
    public void discover() {
        sink.catalog(StockPrices.CATALOG);
    }
}
