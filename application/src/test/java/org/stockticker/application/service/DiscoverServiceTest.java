package org.stockticker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockticker.domain.Catalog;
import org.stockticker.domain.StockPrices;

class DiscoverServiceTest {

    @Test
    void answers_the_catalog_of_the_streams_it_was_given() {
        Catalog catalog = new DiscoverService(List.of(StockPrices.STREAM)).discover();

        assertThat(catalog.streams()).containsExactly(StockPrices.STREAM);
        assertThat(catalog.names()).containsExactly("stock_prices");
    }
}
