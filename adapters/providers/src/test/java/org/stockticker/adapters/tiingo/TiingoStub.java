package org.stockticker.adapters.tiingo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.stockticker.adapters.http.FakeClock;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.provider.NetworkSettings;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Split;

/**
 * A stub Tiingo service for the corporate-actions and listings tests: it answers a path with Tiingo's own bodies and
 * errors, and writes domain events as the bars that mark them, so that a test can say what the provider holds in the
 * domain's terms.
 */
final class TiingoStub {

    static final String KEY = "sk_SECRET_12345";
    /** 11:00 in New York on Friday 2024-06-14. */
    static final Clock FRIDAY = Clock.fixed(Instant.parse("2024-06-14T15:00:00Z"), ZoneOffset.UTC);
    /** Half a minute before 12:00 in New York on the same Friday. */
    static final String BEFORE_THE_HOUR_TURNS = "2024-06-14T15:59:30Z";
    static final HttpPolicy FAST = new HttpPolicy(60_000, Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
            Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5));

    private final WireMockExtension server;
    private final String key;

    /** A stub whose provider is configured with {@link #KEY}. */
    TiingoStub(WireMockExtension server) {
        this(server, KEY);
    }

    /** A stub whose provider is configured with {@code key}, which a rejection echoes. */
    TiingoStub(WireMockExtension server, String key) {
        this.server = server;
        this.key = key;
    }

    /**
     * The adapter under test, at the stub, on the day of {@link #FRIDAY} half a minute before the clock hour turns,
     * reporting to {@code log}: Tiingo's rate limit is its hourly allocation, which the adapter waits for until the
     * next hour, on this clock rather than for real.
     */
    TiingoPriceProvider provider(Logger log) {
        return provider(new FakeClock(BEFORE_THE_HOUR_TURNS), log);
    }

    TiingoPriceProvider provider(Clock clock, Logger log) {
        return new TiingoPriceProvider(new NetworkSettings(key, URI.create("http://127.0.0.1:" + server.getPort()),
                60_000), FAST, clock, log);
    }

    /** Answers exactly {@code path} with {@code body}. */
    void answer(String path, String body) {
        server.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(body)));
    }

    /** Answers {@code path} as Tiingo answers a ticker it does not know. */
    void unknown(String path, String ticker) {
        server.stubFor(get(urlPathEqualTo(path))
                .willReturn(json(404, "{\"detail\":\"Error: Ticker '" + ticker + "' not found\"}")));
    }

    /** Refuses the key on every path, echoing it as a careless service might. */
    void rejectKey() {
        server.stubFor(get(urlPathMatching("/tiingo/.*")).willReturn(json(401,
                "{\"detail\":\"Invalid token " + key + ".\"}")));
    }

    /** Answers the next request, whatever its path, with Tiingo's hourly 429, and those after it as stubbed before. */
    void rateLimitOnce() {
        server.stubFor(get(urlPathMatching("/tiingo/.*")).atPriority(1).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "{\"detail\":\"Error: You have run over your hourly request allocation.\"}"))
                .willSetStateTo("served"));
    }

    /**
     * A prices answer whose bars mark {@code splits}, in the order given, each bar's {@code splitFactor} the new
     * shares per old one; an ordinary bar comes first.
     */
    static String splits(Split... splits) {
        List<String> bars = new ArrayList<>(List.of(bar("2020-01-02", "0.0", "1.0")));
        for (Split split : splits) {
            bars.add(bar(split.executionDate().toString(), "0.0",
                    split.splitTo().divide(split.splitFrom()).toPlainString()));
        }
        return "[" + String.join(",", bars) + "]";
    }

    /** A prices answer whose bars mark {@code dividends}, in the order given; an ordinary bar comes first. */
    static String dividends(Dividend... dividends) {
        List<String> bars = new ArrayList<>(List.of(bar("2020-01-02", "0.0", "1.0")));
        for (Dividend dividend : dividends) {
            bars.add(bar(dividend.exDividendDate().toString(), dividend.cashAmount().toPlainString(), "1.0"));
        }
        return "[" + String.join(",", bars) + "]";
    }

    /** One bar of a prices answer as Tiingo writes it, with {@code divCash} and {@code splitFactor} as given. */
    static String bar(String day, String divCash, String splitFactor) {
        return """
                {"date":"%sT00:00:00.000Z","close":529.55,"high":535.8,"low":527.88,"open":532.6,"volume":1327870,\
                "adjClose":529.55,"adjHigh":535.8,"adjLow":527.88,"adjOpen":532.6,"adjVolume":1327870,\
                "divCash":%s,"splitFactor":%s}""".formatted(day, divCash, splitFactor);
    }

    static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    static BigDecimal decimal(String text) {
        return new BigDecimal(text);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
