package org.stockticker.adapters.iex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.provider.NetworkSettings;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Split;

/**
 * A stub IEX service for the corporate-actions tests: it answers a path with IEX's own bodies and errors, and writes
 * domain events in IEX's wire format, so that a test can say what the provider holds in the domain's terms.
 */
final class IexStub {

    static final String KEY = "sk_SECRET_12345";
    /** 11:00 in New York on Friday 2024-06-14. */
    static final Clock FRIDAY = Clock.fixed(Instant.parse("2024-06-14T15:00:00Z"), ZoneOffset.UTC);
    static final HttpPolicy FAST = new HttpPolicy(60_000, Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
            Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5));

    private static final Map<Integer, String> FREQUENCY_WORDS = Map.of(1, "annual", 2, "semi-annual", 4, "quarterly",
            12, "monthly", 52, "weekly", 0, "special");

    private final WireMockExtension server;
    private final String key;

    /** A stub whose provider is configured with {@link #KEY}. */
    IexStub(WireMockExtension server) {
        this(server, KEY);
    }

    /** A stub whose provider is configured with {@code key}, which a rejection echoes. */
    IexStub(WireMockExtension server, String key) {
        this.server = server;
        this.key = key;
    }

    /** The adapter under test, at the stub, on {@link #FRIDAY}, reporting to {@code log}. */
    IexPriceProvider provider(Logger log) {
        return provider(FRIDAY, log);
    }

    IexPriceProvider provider(Clock clock, Logger log) {
        return new IexPriceProvider(new NetworkSettings(key, URI.create("http://127.0.0.1:" + server.getPort()),
                60_000), FAST, clock, log);
    }

    /** Answers every request whose path matches {@code pathPattern} with {@code body}. */
    void answer(String pathPattern, String body) {
        server.stubFor(get(urlPathMatching(pathPattern)).willReturn(okJson(body)));
    }

    /** Answers {@code pathPattern} as IEX answers a symbol it does not know. */
    void unknown(String pathPattern) {
        server.stubFor(get(urlPathMatching(pathPattern))
                .willReturn(aResponse().withStatus(404).withBody("Unknown symbol")));
    }

    /** Refuses the key on every path, echoing it as a careless service might. */
    void rejectKey() {
        server.stubFor(get(urlPathMatching("/stock/.*")).willReturn(aResponse().withStatus(401)
                .withBody("The API key provided is not valid: " + key)));
    }

    /** Answers the next request, whatever its path, with IEX's 429, and the ones after it as stubbed before. */
    void rateLimitOnce() {
        server.stubFor(get(urlPathMatching("/stock/.*")).atPriority(1).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody(
                        "Too many requests hit the API too quickly. An exponential backoff of your requests is"
                                + " recommended."))
                .willSetStateTo("served"));
    }

    /** Answers exactly {@code path} with {@code body}. */
    void answerExactly(String path, String body) {
        server.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(body)));
    }

    /** The splits as IEX writes them, in the order given. */
    static String splits(Split... splits) {
        return Arrays.stream(splits).map(split -> """
                {"exDate":"%s","declaredDate":"%s","ratio":%s,"fromFactor":%s,"toFactor":%s,\
                "description":"%s-for-%s split","symbol":"%s","id":"SPLITS","key":"%s","subkey":""}"""
                .formatted(split.executionDate(), split.executionDate().minusMonths(1),
                        split.splitFrom().divide(split.splitTo(), MathContext.DECIMAL64).toPlainString(),
                        split.splitFrom().toPlainString(), split.splitTo().toPlainString(),
                        split.splitTo().toPlainString(), split.splitFrom().toPlainString(), split.symbol(),
                        split.symbol()))
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** The dividends as IEX writes them, in the order given: {@code regular} as the flag {@code Cash}. */
    static String dividends(Dividend... dividends) {
        return Arrays.stream(dividends).map(dividend -> """
                {"exDate":"%s","paymentDate":%s,"recordDate":%s,"declaredDate":%s,"amount":%s,"flag":"%s",\
                "currency":%s,"frequency":"%s","description":"Ordinary Shares","symbol":"%s"}"""
                .formatted(dividend.exDividendDate(), quoted(dividend.payDate()), quoted(dividend.recordDate()),
                        quoted(dividend.declarationDate()), dividend.cashAmount().toPlainString(),
                        flag(dividend.distributionType()), quoted(dividend.currency()),
                        FREQUENCY_WORDS.getOrDefault(dividend.frequency(), "irregular"), dividend.symbol()))
                .collect(Collectors.joining(",", "[", "]"));
    }

    static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    static BigDecimal decimal(String text) {
        return new BigDecimal(text);
    }

    private static String flag(String distributionType) {
        return distributionType.equals(Dividend.REGULAR) ? "Cash"
                : Character.toUpperCase(distributionType.charAt(0)) + distributionType.substring(1);
    }

    private static String quoted(Object value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
