package org.stockticker.adapters.iex;

import feign.Param;
import feign.RequestLine;
import feign.Response;

/**
 * The IEX endpoints the adapter calls: charts, splits, dividends and the company. Answers come back unread, to be streamed; Feign escapes the symbol
 * for the path, though the {@link org.stockticker.domain.Symbol} alphabet leaves nothing to escape.
 */
interface IexApi {

    /** Daily bars of a range ({@code 5d}, {@code 1m} ... {@code max}) ending at the latest trading day. */
    @RequestLine("GET /stock/{symbol}/chart/{range}?token={token}")
    Response chart(@Param("symbol") String symbol, @Param("range") String range, @Param("token") String token);

    /** The daily bar of one day, {@code date} written {@code YYYYMMDD}. */
    @RequestLine("GET /stock/{symbol}/chart/date/{date}?chartByDay=true&token={token}")
    Response day(@Param("symbol") String symbol, @Param("date") String date, @Param("token") String token);

    /** The splits whose ex-date lies within a range ({@code 1m} ... {@code 5y}) ending today. */
    @RequestLine("GET /stock/{symbol}/splits/{range}?token={token}")
    Response splits(@Param("symbol") String symbol, @Param("range") String range, @Param("token") String token);

    /** The dividends whose ex-date lies within a range ({@code 1m} ... {@code 5y}) ending today. */
    @RequestLine("GET /stock/{symbol}/dividends/{range}?token={token}")
    Response dividends(@Param("symbol") String symbol, @Param("range") String range, @Param("token") String token);

    /** The company behind the symbol: its name, exchange and issue type. */
    @RequestLine("GET /stock/{symbol}/company?token={token}")
    Response company(@Param("symbol") String symbol, @Param("token") String token);

    /** The latest daily bar alone: the smallest answer that proves both the key and the symbol. */
    @RequestLine("GET /stock/{symbol}/chart/5d?chartLast=1&token={token}")
    Response latest(@Param("symbol") String symbol, @Param("token") String token);
}
