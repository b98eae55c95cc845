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

    /**
     * The first page of a ticker's splits executed from {@code from} to {@code to} ({@code YYYY-MM-DD}), oldest
     * first.
     */
    @RequestLine("GET /stocks/v1/splits?ticker={ticker}&execution_date.gte={from}&execution_date.lte={to}"
            + "&sort=execution_date.asc&limit=5000&apiKey={apiKey}")
    Response splits(@Param("ticker") String ticker, @Param("from") String from, @Param("to") String to,
            @Param("apiKey") String apiKey);

    /** The first page of every ticker's splits executed on {@code from} ({@code YYYY-MM-DD}) or later, oldest first. */
    @RequestLine("GET /stocks/v1/splits?execution_date.gte={from}&sort=execution_date.asc&limit=5000&apiKey={apiKey}")
    Response splitsFrom(@Param("from") String from, @Param("apiKey") String apiKey);

    /**
     * The first page of a ticker's dividends with an ex-dividend date from {@code from} to {@code to}
     * ({@code YYYY-MM-DD}), oldest first.
     */
    @RequestLine("GET /stocks/v1/dividends?ticker={ticker}&ex_dividend_date.gte={from}&ex_dividend_date.lte={to}"
            + "&sort=ex_dividend_date.asc&limit=5000&apiKey={apiKey}")
    Response dividends(@Param("ticker") String ticker, @Param("from") String from, @Param("to") String to,
            @Param("apiKey") String apiKey);

    /**
     * The first page of every ticker's dividends with an ex-dividend date on {@code from} ({@code YYYY-MM-DD}) or
     * later, oldest first.
     */
    @RequestLine("GET /stocks/v1/dividends?ex_dividend_date.gte={from}&sort=ex_dividend_date.asc&limit=5000"
            + "&apiKey={apiKey}")
    Response dividendsFrom(@Param("from") String from, @Param("apiKey") String apiKey);

    /** The first page of the US stock tickers that still trade ({@code active} true) or no longer do (false). */
    @RequestLine("GET /v3/reference/tickers?market=stocks&active={active}&limit=1000&apiKey={apiKey}")
    Response tickers(@Param("active") boolean active, @Param("apiKey") String apiKey);
}
