package org.stockticker.adapters.polygon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.stockticker.adapters.http.HttpPolicy;
import org.stockticker.adapters.provider.NetworkSettings;

/**
 * Massive's paged lists (splits, dividends, tickers) stubbed on WireMock as Massive pages them: each page names the
 * next one by a {@code next_url} on {@code api.polygon.io} carrying a cursor and no key; and the errors every request
 * may meet.
 */
final class MassiveListStubs {

    /** 10:00 in New York on Monday 2024-06-03. */
    static final Clock JUNE_3 = Clock.fixed(Instant.parse("2024-06-03T14:00:00Z"), ZoneOffset.UTC);
    static final HttpPolicy FAST = new HttpPolicy(60_000, Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
            Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(2));

    private MassiveListStubs() {
    }

    /** The provider named {@code massive}, with {@code key}, asking {@code server}; warnings go to {@code log}. */
    static PolygonPriceProvider provider(WireMockExtension server, String key, Logger log) {
        NetworkSettings network = new NetworkSettings(key, URI.create("http://127.0.0.1:" + server.getPort()), 60_000);
        return new PolygonPriceProvider(PolygonPriceProvider.NAME, new PolygonSettings(network, false), FAST,
                JUNE_3, log);
    }

    /**
     * Stubs the list at {@code path} whose first page is asked for with {@code query} and {@code key}: its
     * {@code entries}, {@code perPage} a page (one empty page when there are none), each page but the last naming
     * the next with the cursor {@code cursor} and the page's number.
     */
    static void pages(WireMockExtension server, String key, String path, Map<String, StringValuePattern> query,
            List<String> entries, int perPage, String cursor) {
        int pages = Math.max(1, (entries.size() + perPage - 1) / perPage);
        for (int page = 0; page < pages; page++) {
            List<String> results = entries.subList(page * perPage, Math.min(entries.size(), (page + 1) * perPage));
            String next = page == pages - 1 ? null
                    : "https://api.polygon.io" + path + "?cursor=" + cursor + (page + 2);
            MappingBuilder request = get(urlPathEqualTo(path)).withQueryParam("apiKey", equalTo(key));
            if (page == 0) {
                request.withQueryParam("cursor", absent());
                query.forEach(request::withQueryParam);
            } else {
                request.withQueryParam("cursor", equalTo(cursor + (page + 1)));
            }
            server.stubFor(request.willReturn(okJson(PolygonBodies.list(results, next))));
        }
    }

    /** Makes every request meet Massive's answer to a key it does not know. */
    static void rejectKey(WireMockExtension server) {
        server.stubFor(get(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(PolygonBodies.error("ERROR", "Unknown API Key"))));
    }

    /** Makes the next request, whatever it asks, meet Massive's rate limit; the ones after it are answered as stubbed. */
    static void rateLimitOnce(WireMockExtension server) {
        server.stubFor(get(anyUrl()).atPriority(1).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody(PolygonBodies.error("ERROR", "You've exceeded the maximum requests per minute,"
                                + " please wait or upgrade your subscription to continue.")))
                .willSetStateTo("served"));
    }
}
