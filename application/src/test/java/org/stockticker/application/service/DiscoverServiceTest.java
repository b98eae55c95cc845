package org.stockticker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stockticker.application.service.RecordingSink.CatalogEvent;
import org.stockticker.domain.StockPrices;

class DiscoverServiceTest {

    @Test
    void answers_the_stock_prices_catalog_in_one_message() {
        RecordingSink sink = new RecordingSink();

        new DiscoverService(sink).discover();

        assertThat(sink.events()).containsExactly(new CatalogEvent(StockPrices.CATALOG));
    }
}
