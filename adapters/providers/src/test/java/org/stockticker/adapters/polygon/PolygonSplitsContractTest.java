package org.stockticker.adapters.polygon;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.helpers.NOPLogger;
import org.stockticker.adapters.contract.NetworkSplitsContractTest;
import org.stockticker.adapters.contract.SplitFixture;
import org.stockticker.application.port.out.CorporateActionsPort;
import org.stockticker.domain.Symbol;

/**
 * Massive's splits against a stub answering {@code /stocks/v1/splits} for one ticker, two splits a page, each page
 * naming the next on {@code api.polygon.io}, as Massive's do. Massive answers a ticker it does not know like one
 * without splits.
 */
class PolygonSplitsContractTest extends NetworkSplitsContractTest {

    @RegisterExtension
    static final WireMockExtension MASSIVE = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @Override
    protected CorporateActionsPort provider() {
        return MassiveListStubs.provider(MASSIVE, KEY, NOPLogger.NOP_LOGGER);
    }

    @Override
    protected void serveSplits(Symbol symbol, List<SplitFixture> splits) {
        MassiveListStubs.pages(MASSIVE, KEY, "/stocks/v1/splits", Map.of("ticker", equalTo(symbol.value()),
                "sort", equalTo("execution_date.asc"), "limit", equalTo("5000")),
                splits.stream().map(split -> PolygonBodies.split(symbol.value(), split.executionDate().toString(),
                        split.splitFrom(), split.splitTo())).toList(), 2, "splits-" + symbol + "-page");
    }

    @Override
    protected void serveUnknown(Symbol symbol) {
        serveSplits(symbol, List.of());
    }

    @Override
    protected boolean tellsUnknownSymbols() {
        return false;
    }

    @Override
    protected void rejectKey() {
        MassiveListStubs.rejectKey(MASSIVE);
    }

    @Override
    protected void rateLimitOnce() {
        MassiveListStubs.rateLimitOnce(MASSIVE);
    }
}
