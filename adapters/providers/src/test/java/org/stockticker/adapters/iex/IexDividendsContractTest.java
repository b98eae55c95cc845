package org.stockticker.adapters.iex;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.helpers.NOPLogger;
import org.stockticker.adapters.contract.DividendFixture;
import org.stockticker.adapters.contract.NetworkDividendsContractTest;
import org.stockticker.application.port.out.CorporateActionsPort;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Symbol;

/**
 * IEX's dividends against a stub answering {@code /stock/{symbol}/dividends/{range}} for any range with IEX's dividend
 * objects: a regular dividend's {@code flag} is {@code Cash}, a special one's {@code Special}, and the frequency a
 * word ({@code quarterly}); a symbol IEX does not know is a 404.
 */
class IexDividendsContractTest extends NetworkDividendsContractTest {

    @RegisterExtension
    static final WireMockExtension IEX = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final IexStub stub = new IexStub(IEX, KEY);

    @Override
    protected CorporateActionsPort provider() {
        return stub.provider(NOPLogger.NOP_LOGGER);
    }

    @Override
    protected void serveDividends(Symbol symbol, List<DividendFixture> dividends) {
        stub.answer(path(symbol), IexStub.dividends(dividends.stream().map(dividend -> dividend.toDividend(symbol))
                .toArray(Dividend[]::new)));
    }

    @Override
    protected void serveUnknown(Symbol symbol) {
        stub.unknown(path(symbol));
    }

    @Override
    protected boolean tellsUnknownSymbols() {
        return true;
    }

    @Override
    protected void rejectKey() {
        stub.rejectKey();
    }

    @Override
    protected void rateLimitOnce() {
        stub.rateLimitOnce();
    }

    private static String path(Symbol symbol) {
        return "/stock/" + symbol + "/dividends/.*";
    }
}
