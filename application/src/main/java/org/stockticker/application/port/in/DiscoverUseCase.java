package org.stockticker.application.port.in;

import org.stockticker.domain.Catalog;

/** The catalog of streams the source offers. */
public interface DiscoverUseCase {

    Catalog discover();
}
