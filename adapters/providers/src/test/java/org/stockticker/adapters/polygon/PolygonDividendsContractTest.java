package org.stockticker.adapters.polygon;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.helpers.NOPLogger;
import org.stockticker.adapters.contract.DividendFixture;
import org.stockticker.adapters.contract.NetworkDividendsContractTest;
import org.stockticker.application.port.out.CorporateActionsPort;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Symbol;

/**
 * Massive's dividends against a stub answering {@code /stocks/v1/dividends} for one ticker, two dividends a page,
 * each page naming the next on {@code api.polygon.io}; a regular dividend is {@code recurring} there, and currencies
 * and amounts come as Massive writes them. Massive answers a ticker it does not know like one without dividends.
 */
class PolygonDividendsContractTest extends NetworkDividendsContractTest {

    @RegisterExtension
    static final WireMockExtension MASSIVE = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @Override
    protected CorporateActionsPort provider() {
        return MassiveListStubs.provider(MASSIVE, KEY, NOPLogger.NOP_LOGGER);
    }

    @Override
    protected void serveDividends(Symbol symbol, List<DividendFixture> dividends) {
        MassiveListStubs.pages(MASSIVE, KEY, "/stocks/v1/dividends", Map.of("ticker", equalTo(symbol.value()),
                "sort", equalTo("ex_dividend_date.asc"), "limit", equalTo("5000")),
                dividends.stream().map(dividend -> body(symbol, dividend)).toList(), 2,
                "dividends-" + symbol + "-page");
    }

    @Override
    protected void serveUnknown(Symbol symbol) {
        serveDividends(symbol, List.of());
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

    private static String body(Symbol symbol, DividendFixture dividend) {
        return PolygonBodies.dividend(symbol.value(), dividend.cashAmount(), dividend.currency(),
                text(dividend.declarationDate()), dividend.exDividendDate().toString(), text(dividend.recordDate()),
                text(dividend.payDate()), text(dividend.frequency()),
                dividend.distributionType().equals(Dividend.REGULAR) ? "recurring" : dividend.distributionType());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
