package org.stockticker.adapters.tiingo;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import feign.Response;

/**
 * The Tiingo end-of-day endpoints the adapter calls. The key travels only in the {@code Authorization} header, so
 * that no URL, and so no log line or error that quotes one, ever carries it. Answers come back unread, to be
 * streamed; Feign escapes the ticker for the path, though the {@link org.stockticker.domain.Symbol} alphabet
 * leaves nothing to escape.
 */
interface TiingoApi {

    /** The daily bars from {@code startDate} to {@code endDate}, both {@code YYYY-MM-DD} and included. */
    @RequestLine("GET /tiingo/daily/{ticker}/prices?startDate={startDate}&endDate={endDate}")
    @Headers("Authorization: Token {token}")
    Response prices(@Param("ticker") String ticker, @Param("startDate") String startDate,
            @Param("endDate") String endDate, @Param("token") String token);

    /**
     * The ticker's description: its name, exchange, and the first and last day of its prices; a small answer that
     * proves both the key and the ticker.
     */
    @RequestLine("GET /tiingo/daily/{ticker}")
    @Headers("Authorization: Token {token}")
    Response meta(@Param("ticker") String ticker, @Param("token") String token);
}
