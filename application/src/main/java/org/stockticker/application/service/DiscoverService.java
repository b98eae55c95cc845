package org.stockticker.application.service;

import java.util.List;
import org.stockticker.application.port.in.DiscoverUseCase;
import org.stockticker.domain.Catalog;
import org.stockticker.domain.StreamDefinition;

/** Answers the catalog of the streams the source reads; it never asks the provider, so it costs no quota. */
public final class DiscoverService implements DiscoverUseCase {

    private final Catalog catalog;

    public DiscoverService(List<StreamDefinition<?>> streams) {
        this.catalog = new Catalog(streams);
    }

    @Override
    public Catalog discover() {
        return catalog;
    }
}
