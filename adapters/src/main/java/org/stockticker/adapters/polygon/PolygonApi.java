package org.stockticker.adapters.polygon;

import feign.Param;
import feign.RequestLine;
import feign.Response;
import java.net.URI;

/**
 * The Polygon endpoints the adapter calls. Answers come back unread, to be streamed; Feign escapes the ticker for
 * the path, though the {@link org.stockticker.domain.Symbol} alphabet leaves nothing to escape.
 */
interface PolygonApi {

    /** The first page of a ticker's daily bars from {@code from} to {@code to} ({@code YYYY-MM-DD}), oldest first. */
    @RequestLine("GET /v2/aggs/ticker/{ticker}/range/1/day/{from}/{to}"
            + "?adjusted={adjusted}&sort=asc&limit=50000&apiKey={apiKey}")
    Response aggregates(@Param("ticker") String ticker, @Param("from") String from, @Param("to") String to,
            @Param("adjusted") boolean adjusted, @Param("apiKey") String apiKey);

    /**
     * A further page, at the {@code next_url} of the page before it. That URL does not carry the key, so it is
     * appended here; the caller has put the path and query it names on the configured host.
     */
    @RequestLine("GET ?apiKey={apiKey}")
    Response page(URI nextUrl, @Param("apiKey") String apiKey);

    /**
     * The bar of every US stock on {@code day} ({@code YYYY-MM-DD}) in one answer, over-the-counter listings left out.
     * Massive does not page this answer.
     */
    @RequestLine("GET /v2/aggs/grouped/locale/us/market/stocks/{day}"
            + "?adjusted={adjusted}&include_otc=false&apiKey={apiKey}")
    Response grouped(@Param("day") String day, @Param("adjusted") boolean adjusted, @Param("apiKey") String apiKey);

    /** The reference entry of one ticker: a small answer that proves both the key and the ticker. */
    @RequestLine("GET /v3/reference/tickers/{ticker}?apiKey={apiKey}")
    Response ticker(@Param("ticker") String ticker, @Param("apiKey") String apiKey);
}
