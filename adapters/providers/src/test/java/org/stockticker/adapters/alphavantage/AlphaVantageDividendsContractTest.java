package org.stockticker.adapters.alphavantage;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.helpers.NOPLogger;
import org.stockticker.adapters.contract.DividendFixture;
import org.stockticker.adapters.contract.NetworkDividendsContractTest;
import org.stockticker.application.port.out.CorporateActionsPort;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Symbol;

/**
 * Alpha Vantage's dividends against a stub answering {@code function=DIVIDENDS} with the symbol's dividends newest
 * first, every value a string and {@code None} where unknown; a symbol Alpha Vantage does not know is an invalid call,
 * answered with HTTP 200 like every error.
 */
class AlphaVantageDividendsContractTest extends NetworkDividendsContractTest {

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
    protected void serveDividends(Symbol symbol, List<DividendFixture> dividends) {
        stub.events("DIVIDENDS", symbol.value(), dividends.stream()
                .sorted(Comparator.comparing(DividendFixture::exDividendDate).reversed())
                .map(AlphaVantageDividendsContractTest::dividend).collect(Collectors.joining(",")));
    }

    @Override
    protected void serveUnknown(Symbol symbol) {
        stub.unknown("DIVIDENDS", symbol.value());
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
     * Alpha Vantage names no kind of dividend, so the adapter keeps one dividend a day: of two of one ex-dividend date,
     * the one the answer gives first, the second skipped as a repeat.
     */
    @Override
    protected boolean tellsDistributionTypes() {
        return false;
    }

    /** Alpha Vantage names no currency and no frequency; every dividend is regular. */
    @Override
    protected Dividend asReported(Dividend dividend) {
        return new Dividend(dividend.symbol(), dividend.exDividendDate(), dividend.cashAmount(), null,
                dividend.declarationDate(), dividend.recordDate(), dividend.payDate(), null, Dividend.REGULAR);
    }

    /** A dividend as Alpha Vantage writes it, every value a string. */
    private static String dividend(DividendFixture dividend) {
        return """
                {"ex_dividend_date":"%s","declaration_date":"%s","record_date":"%s","payment_date":"%s",\
                "amount":"%s"}""".formatted(dividend.exDividendDate(), text(dividend.declarationDate()),
                text(dividend.recordDate()), text(dividend.payDate()), dividend.cashAmount());
    }

    /** A value as Alpha Vantage writes it: {@code None} where it is unknown. */
    private static String text(Object value) {
        return value == null ? "None" : value.toString();
    }
}
