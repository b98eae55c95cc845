package org.stockticker.adapters.alphavantage;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.helpers.NOPLogger;
import org.stockticker.adapters.contract.NetworkSplitsContractTest;
import org.stockticker.adapters.contract.SplitFixture;
import org.stockticker.application.port.out.CorporateActionsPort;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

/**
 * Alpha Vantage's splits against a stub answering {@code function=SPLITS} with the symbol's splits newest first, each
 * a {@code split_factor} string of new shares per old one with four decimals; a symbol Alpha Vantage does not know is
 * an invalid call, answered with HTTP 200 like every error.
 */
class AlphaVantageSplitsContractTest extends NetworkSplitsContractTest {

    @RegisterExtension
    static final WireMockExtension ALPHA_VANTAGE = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final AlphaVantageStub stub = new AlphaVantageStub(ALPHA_VANTAGE, KEY);

    @Override
    protected CorporateActionsPort provider() {
        return stub.provider(NOPLogger.NOP_LOGGER);
    }

    @Override
    protected void serveSplits(Symbol symbol, List<SplitFixture> splits) {
        stub.events("SPLITS", symbol.value(), splits.stream()
                .sorted(Comparator.comparing(SplitFixture::executionDate).reversed())
                .map(AlphaVantageSplitsContractTest::split).collect(Collectors.joining(",")));
    }

    @Override
    protected void serveUnknown(Symbol symbol) {
        stub.unknown("SPLITS", symbol.value());
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

    /** Alpha Vantage sends one factor, which the adapter writes in the smallest whole terms giving it exactly. */
    @Override
    protected Split asReported(Split split) {
        return inLowestWholeTerms(split);
    }

    /** A split as Alpha Vantage writes it: the new shares per old one, with four decimals. */
    private static String split(SplitFixture split) {
        BigDecimal factor = new BigDecimal(split.splitTo()).divide(new BigDecimal(split.splitFrom())).setScale(4);
        return """
                {"effective_date":"%s","split_factor":"%s"}""".formatted(split.executionDate(),
                factor.toPlainString());
    }
}
