package org.stockticker.adapters.alphavantage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.provider.NetworkSettings;

/**
 * A stub Alpha Vantage for the corporate-actions and listings tests: it answers {@code /query} by function as Alpha
 * Vantage does, events as a {@code data} list of string values, listings as a CSV download, and every error, rate
 * limits included, with HTTP 200.
 */
final class AlphaVantageStub {

    static final String KEY = "sk_SECRET_12345";
    /** 10:00 in New York on Tuesday 2024-12-31. */
    static final Clock NOW = Clock.fixed(Instant.parse("2024-12-31T15:00:00Z"), ZoneOffset.UTC);
    static final HttpPolicy FAST = new HttpPolicy(60_000, Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
            Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5));
    /** The header line of {@code LISTING_STATUS}'s CSV, ended as Alpha Vantage ends lines. */
    static final String LISTING_HEADER = "symbol,name,exchange,assetType,ipoDate,delistingDate,status\r\n";

    private final WireMockExtension server;
    private final String key;

    /** A stub whose provider is configured with {@link #KEY}. */
    AlphaVantageStub(WireMockExtension server) {
        this(server, KEY);
    }

    /** A stub whose provider is configured with {@code key}, which a refusal or rate limit echoes. */
    AlphaVantageStub(WireMockExtension server, String key) {
        this.server = server;
        this.key = key;
    }

    /** The adapter under test, at the stub, on {@link #NOW}, reporting to {@code log}. */
    AlphaVantagePriceProvider provider(Logger log) {
        return new AlphaVantagePriceProvider(new NetworkSettings(key,
                URI.create("http://127.0.0.1:" + server.getPort()), 60_000), FAST, NOW, log);
    }

    /** Answers {@code function} ({@code SPLITS}, {@code DIVIDENDS}) for {@code symbol} with the events {@code data}. */
    void events(String function, String symbol, String data) {
        server.stubFor(query(function, symbol).willReturn(okJson(events(symbol, data))));
    }

    /**
     * Answers the first request of {@code function} for {@code symbol} with the rate limit of the pace, the later
     * ones with {@code data}.
     */
    void eventsLimitedOnceThen(String function, String symbol, String data) {
        server.stubFor(query(function, symbol).inScenario(function).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(paceLimit())).willSetStateTo("served"));
        server.stubFor(query(function, symbol).inScenario(function).whenScenarioStateIs("served")
                .willReturn(okJson(events(symbol, data))));
    }

    /** Answers {@code function} for {@code symbol} as Alpha Vantage answers a symbol it does not know. */
    void unknown(String function, String symbol) {
        server.stubFor(query(function, symbol).willReturn(okJson("""
                {"Error Message": "Invalid API call. Please retry or visit the documentation \
                (https://www.alphavantage.co/documentation/) for %s."}""".formatted(function))));
    }

    /** Answers the list of {@code state} ({@code active}, {@code delisted}) with {@code csv}. */
    void listings(String state, String csv) {
        server.stubFor(listing(state).willReturn(csv(csv)));
    }

    /** Refuses the key for every function, echoing it as a careless service might. */
    void rejectKey() {
        server.stubFor(get(urlPathEqualTo("/query")).willReturn(okJson(
                "{\"Error Message\":\"the parameter apikey is invalid or missing: " + key + "\"}")));
    }

    /**
     * Answers the next request, whatever it asks, with the rate limit of the pace, which is waited out and retried,
     * and those after it as stubbed before.
     */
    void rateLimitOnce() {
        server.stubFor(get(urlPathEqualTo("/query")).atPriority(1).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(paceLimit())).willSetStateTo("served"));
    }

    /**
     * Alpha Vantage's answer to requests sent faster than the free plan's pace; it names the daily limit too, but is
     * about the pace.
     */
    String paceLimit() {
        return """
                {"Information": "Thank you for using Alpha Vantage! Please consider spreading out your free API \
                requests more sparingly (1 request per second). You may subscribe to any of the premium plans at \
                https://www.alphavantage.co/premium/ to lift the free key rate limit (25 requests per day), and gain \
                access to premium-only data."}""";
    }

    /** Alpha Vantage's answer once the day's requests are spent, naming the key. */
    String dailyLimit() {
        return """
                {"Information": "We have detected your API key as %s and our standard API rate limit is 25 requests \
                per day. Please subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to \
                instantly remove all daily rate limits."}""".formatted(key);
    }

    static MappingBuilder query(String function, String symbol) {
        return get(urlPathEqualTo("/query")).withQueryParam("function", equalTo(function))
                .withQueryParam("symbol", equalTo(symbol));
    }

    static MappingBuilder listing(String state) {
        return get(urlPathEqualTo("/query")).withQueryParam("function", equalTo("LISTING_STATUS"))
                .withQueryParam("state", equalTo(state));
    }

    /** CSV as Alpha Vantage sends it: a download. */
    static ResponseDefinitionBuilder csv(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-download")
                .withBody(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String events(String symbol, String data) {
        return "{\"symbol\":\"" + symbol + "\",\"data\":[" + data + "]}";
    }
}
