package org.stockticker.adapters.tiingo;

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
 * Tiingo's splits against a stub answering {@code /tiingo/daily/{ticker}/prices} for any window with bars, ascending,
 * whose {@code splitFactor} marks each split as the new shares per old one; a ticker Tiingo does not know is a 404.
 */
class TiingoSplitsContractTest extends NetworkSplitsContractTest {

    @RegisterExtension
    static final WireMockExtension TIINGO = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final TiingoStub stub = new TiingoStub(TIINGO, KEY);

    @Override
    protected CorporateActionsPort provider() {
        return stub.provider(NOPLogger.NOP_LOGGER);
    }

    @Override
    protected void serveSplits(Symbol symbol, List<SplitFixture> splits) {
        stub.answer(prices(symbol), TiingoStub.splits(splits.stream().map(split -> split.toSplit(symbol))
                .toArray(Split[]::new)));
    }

    @Override
    protected void serveUnknown(Symbol symbol) {
        stub.unknown(prices(symbol), symbol.value());
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

    /** Tiingo sends one factor, which the adapter writes in the smallest whole terms giving it exactly. */
    @Override
    protected Split asReported(Split split) {
        return inLowestWholeTerms(split);
    }

    private static String prices(Symbol symbol) {
        return "/tiingo/daily/" + symbol + "/prices";
    }
}
