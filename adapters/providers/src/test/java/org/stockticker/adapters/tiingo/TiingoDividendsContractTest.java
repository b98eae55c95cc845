package org.stockticker.adapters.tiingo;

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
 * Tiingo's dividends against a stub answering {@code /tiingo/daily/{ticker}/prices} for any window with bars,
 * ascending, whose {@code divCash} is each dividend's amount on its ex-dividend day; a ticker Tiingo does not know is
 * a 404.
 */
class TiingoDividendsContractTest extends NetworkDividendsContractTest {

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
    protected void serveDividends(Symbol symbol, List<DividendFixture> dividends) {
        stub.answer(prices(symbol), TiingoStub.dividends(dividends.stream()
                .map(dividend -> dividend.toDividend(symbol)).toArray(Dividend[]::new)));
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

    /**
     * One {@code divCash} a day: a special dividend would come summed with the regular one of its day. Of two bars of
     * one day with a {@code divCash}, the adapter keeps the first and skips the second as a repeat.
     */
    @Override
    protected boolean tellsDistributionTypes() {
        return false;
    }

    /** A bar tells the amount alone: no currency, no other dates, no frequency; every dividend is regular. */
    @Override
    protected Dividend asReported(Dividend dividend) {
        return new Dividend(dividend.symbol(), dividend.exDividendDate(), dividend.cashAmount(), null, null, null,
                null, null, Dividend.REGULAR);
    }

    private static String prices(Symbol symbol) {
        return "/tiingo/daily/" + symbol + "/prices";
    }
}
