package org.stockticker.adapters.iex;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.helpers.NOPLogger;
import org.stockticker.adapters.contract.NetworkSplitsContractTest;
import org.stockticker.adapters.contract.SplitFixture;
import org.stockticker.application.port.out.CorporateActionsPort;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

/**
 * IEX's splits against a stub answering {@code /stock/{symbol}/splits/{range}} for any range with IEX's split objects,
 * {@code fromFactor} and {@code toFactor} beside the rounded {@code ratio}; a symbol IEX does not know is a 404.
 */
class IexSplitsContractTest extends NetworkSplitsContractTest {

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
    protected void serveSplits(Symbol symbol, List<SplitFixture> splits) {
        stub.answer(path(symbol), IexStub.splits(splits.stream().map(split -> split.toSplit(symbol))
                .toArray(Split[]::new)));
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
        return "/stock/" + symbol + "/splits/.*";
    }
}
