package org.stockticker.adapters.alphavantage;

import feign.Param;
import feign.RequestLine;

/**
 * The one Alpha Vantage endpoint the adapter calls. The answer is read whole, since Alpha Vantage sends the newest
 * day first and bars are handed on oldest first; reading it is also where a rate limit, which comes with HTTP 200,
 * is found and handed to the retry layer (see {@link AlphaVantageAnswer}).
 */
interface AlphaVantageApi {

    /** The daily bars of {@code symbol}: the latest 100 trading days ({@code compact}) or all of them ({@code full}). */
    @RequestLine("GET /query?function=TIME_SERIES_DAILY&symbol={symbol}&outputsize={outputsize}&apikey={apikey}")
    AlphaVantageAnswer daily(@Param("symbol") String symbol, @Param("outputsize") String outputSize,
            @Param("apikey") String apiKey);
}
