package org.stockticker.adapters.alphavantage;

import feign.Param;
import feign.RequestLine;

/**
 * The Alpha Vantage functions the adapter calls, all on the one {@code /query} endpoint. JSON answers are read whole,
 * since Alpha Vantage sends the newest day first and events in no particular order; reading them is also where a
 * rate limit, which comes with HTTP 200, is found and handed to the retry layer, or the daily limit to the request
 * budget (see {@link AlphaVantageAnswer}).
 * The listings come as CSV, read by {@link AlphaVantageDecoder}, which finds a rate limit sent as JSON instead.
 */
interface AlphaVantageApi {

    /** The daily bars of {@code symbol}: the latest 100 trading days ({@code compact}) or all of them ({@code full}). */
    @RequestLine("GET /query?function=TIME_SERIES_DAILY&symbol={symbol}&outputsize={outputsize}&apikey={apikey}")
    AlphaVantageAnswer daily(@Param("symbol") String symbol, @Param("outputsize") String outputSize,
            @Param("apikey") String apiKey);

    /** Every split of {@code symbol} Alpha Vantage knows, in no particular order. */
    @RequestLine("GET /query?function=SPLITS&symbol={symbol}&apikey={apikey}")
    AlphaVantageAnswer splits(@Param("symbol") String symbol, @Param("apikey") String apiKey);

    /** Every dividend of {@code symbol} Alpha Vantage knows, in no particular order. */
    @RequestLine("GET /query?function=DIVIDENDS&symbol={symbol}&apikey={apikey}")
    AlphaVantageAnswer dividends(@Param("symbol") String symbol, @Param("apikey") String apiKey);

    /** The US listings of {@code state} {@code active} or {@code delisted}, as CSV. */
    @RequestLine("GET /query?function=LISTING_STATUS&state={state}&apikey={apikey}")
    AlphaVantageListingAnswer listingStatus(@Param("state") String state, @Param("apikey") String apiKey);
}
