package org.stockticker.adapters.polygon;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Polygon's answers in their exact shape, for stubs: aggregates pages, grouped days, reference entries, the lists of
 * splits, dividends and tickers, and errors.
 */
final class PolygonBodies {

    /** Midnight in New York, as Polygon stamps a daily bar. */
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private PolygonBodies() {
    }

    /** Polygon's {@code t} for the bar of {@code date}: the epoch milliseconds of the midnight that starts it. */
    static long startMillis(LocalDate date) {
        return date.atStartOfDay(NEW_YORK).toInstant().toEpochMilli();
    }

    /** One element of {@code results}, in Polygon's field order; numbers are written as given. */
    static String bar(LocalDate date, String open, String high, String low, String close, String volume) {
        return """
                {"v":%s,"vw":%s,"o":%s,"c":%s,"h":%s,"l":%s,"t":%d,"n":412345}"""
                .formatted(volume, close, open, close, high, low, startMillis(date));
    }

    /** An aggregates page holding {@code bars}, with {@code nextUrl} unless it is null. */
    static String page(String ticker, boolean adjusted, List<String> bars, String nextUrl) {
        return """
                {"ticker":"%s","queryCount":%d,"resultsCount":%d,"adjusted":%s,"results":[%s],\
                "status":"OK","request_id":"6a7e466379af0a71039d60cc78e72282","count":%d%s}"""
                .formatted(ticker, bars.size(), bars.size(), adjusted, String.join(",", bars), bars.size(),
                        nextUrl == null ? "" : ",\"next_url\":\"" + nextUrl + "\"");
    }

    /** The answer for a window without data, or for a ticker Polygon does not know: no {@code results} at all. */
    static String noResults(String ticker, boolean adjusted) {
        return """
                {"ticker":"%s","queryCount":0,"resultsCount":0,"adjusted":%s,"status":"OK",\
                "request_id":"b0b8a6e4d2a1e6c1f3b4d5e6f7a8b9c0","count":0}""".formatted(ticker, adjusted);
    }

    /** The grouped answer's {@code t} for a row of {@code date}: the epoch milliseconds of 16:00 in New York. */
    static long endMillis(LocalDate date) {
        return date.atTime(16, 0).atZone(NEW_YORK).toInstant().toEpochMilli();
    }

    /** One row of a grouped answer, in Massive's field order, stamped with the end of {@code date}'s session. */
    static String row(String ticker, LocalDate date, String open, String high, String low, String close,
            String volume) {
        return row(ticker, open, high, low, close, volume, Long.toString(endMillis(date)));
    }

    /** One row of a grouped answer with {@code t} written as given. */
    static String row(String ticker, String open, String high, String low, String close, String volume, String t) {
        return """
                {"T":"%s","v":%s,"vw":%s,"o":%s,"c":%s,"h":%s,"l":%s,"t":%s,"n":501223}"""
                .formatted(ticker, volume, close, open, close, high, low, t);
    }

    /** A grouped answer holding {@code rows}: every US stock's bar of one day. */
    static String grouped(boolean adjusted, List<String> rows) {
        return """
                {"queryCount":%d,"resultsCount":%d,"adjusted":%s,"results":[%s],\
                "status":"OK","request_id":"2fb8d2c1a8a1f0e2b4c6d8e0f2a4b6c8","count":%d}"""
                .formatted(rows.size(), rows.size(), adjusted, String.join(",", rows), rows.size());
    }

    /** The grouped answer for a day without trading: no {@code results} at all. */
    static String groupedWithoutTrading(boolean adjusted) {
        return """
                {"queryCount":0,"resultsCount":0,"adjusted":%s,"status":"OK",\
                "request_id":"7c1e0f3a5b9d2e4f6a8c0e2f4a6b8d0c"}""".formatted(adjusted);
    }

    /** The reference entry of a ticker Polygon knows. */
    static String reference(String ticker) {
        return """
                {"results":{"ticker":"%s","name":"%s Corporation","market":"stocks","locale":"us",\
                "primary_exchange":"XNAS","type":"CS","active":true,"currency_name":"usd"},\
                "status":"OK","request_id":"31d59dda-80e5-4721-8496-d0d32a654afe"}""".formatted(ticker, ticker);
    }

    /** The reference endpoint's answer, with HTTP 404, for a ticker Polygon does not know. */
    static String tickerNotFound() {
        return """
                {"status":"NOT_FOUND","request_id":"e2b4a5c8d1f34b7e9a6c0d2e4f6a8b1c","message":"Ticker not found."}""";
    }

    /** An error answer as Polygon sends it: {@code status} and an {@code error} text. */
    static String error(String status, String text) {
        return """
                {"status":"%s","request_id":"a1b2c3d4e5f60718293a4b5c6d7e8f90","error":"%s"}""".formatted(status, text);
    }

    /** An error answer whose text comes as {@code message}, as the NOT_AUTHORIZED answers do. */
    static String errorMessage(String status, String text) {
        return """
                {"status":"%s","request_id":"a1b2c3d4e5f60718293a4b5c6d7e8f90","message":"%s"}""".formatted(status, text);
    }

    /**
     * A page of one of Massive's lists (splits, dividends, tickers) holding {@code results}, with {@code nextUrl}
     * unless it is null.
     */
    static String list(List<String> results, String nextUrl) {
        return """
                {"results":[%s],"status":"OK","request_id":"0d5b3b0e9c6f4a1b8e2d7c3a9f1e5b7d"%s}"""
                .formatted(String.join(",", results), nextUrl == null ? "" : ",\"next_url\":\"" + nextUrl + "\"");
    }

    /**
     * One entry of Massive's splits list, in its field order; the ratio written as given, its adjustment type as
     * Massive tells it: a reverse split when fewer shares come out, a stock dividend when a fraction of a share is
     * added, else a forward split.
     */
    static String split(String ticker, String executionDate, String from, String to) {
        BigDecimal before = new BigDecimal(from);
        BigDecimal after = new BigDecimal(to);
        String type = after.compareTo(before) < 0 ? "reverse_split"
                : after.subtract(before).compareTo(before) < 0 ? "stock_dividend" : "forward_split";
        return """
                {"id":"E%08x","ticker":"%s","execution_date":"%s","split_from":%s,"split_to":%s,\
                "adjustment_type":"%s","historical_adjustment_factor":0.25}"""
                .formatted((ticker + executionDate).hashCode(), ticker, executionDate, from, to, type);
    }

    /**
     * One entry of Massive's dividends list, in its field order; a null value leaves its field out, and
     * {@code cashAmount} and {@code frequency} are written as given.
     */
    static String dividend(String ticker, String cashAmount, String currency, String declarationDate,
            String exDividendDate, String recordDate, String payDate, String frequency, String distributionType) {
        List<String> fields = new ArrayList<>();
        fields.add("\"id\":\"D" + Integer.toHexString((ticker + exDividendDate + distributionType).hashCode()) + "\"");
        field(fields, "ticker", quoted(ticker));
        field(fields, "cash_amount", cashAmount);
        field(fields, "currency", quoted(currency));
        field(fields, "declaration_date", quoted(declarationDate));
        field(fields, "ex_dividend_date", quoted(exDividendDate));
        field(fields, "record_date", quoted(recordDate));
        field(fields, "pay_date", quoted(payDate));
        field(fields, "frequency", frequency);
        field(fields, "distribution_type", quoted(distributionType));
        fields.add("\"historical_adjustment_factor\":0.998");
        field(fields, "split_adjusted_cash_amount", cashAmount);
        return "{" + String.join(",", fields) + "}";
    }

    /**
     * One ticker of Massive's reference data, in its field order; a null value leaves its field out. The list of
     * tickers carries no {@code list_date}; one ticker's entry does.
     */
    static String ticker(String ticker, String name, String exchange, String type, String currencyName,
            boolean active, String listDate, String delistedUtc) {
        List<String> fields = new ArrayList<>();
        field(fields, "ticker", quoted(ticker));
        field(fields, "name", quoted(name));
        fields.add("\"market\":\"stocks\",\"locale\":\"us\"");
        field(fields, "primary_exchange", quoted(exchange));
        field(fields, "type", quoted(type));
        fields.add("\"active\":" + active);
        field(fields, "currency_name", quoted(currencyName));
        fields.add("\"cik\":\"0000320193\",\"composite_figi\":\"BBG000B9XRY4\"");
        field(fields, "list_date", quoted(listDate));
        fields.add("\"last_updated_utc\":\"2024-06-03T00:00:00Z\"");
        field(fields, "delisted_utc", quoted(delistedUtc));
        return "{" + String.join(",", fields) + "}";
    }

    /** One ticker's reference entry holding {@code ticker}, an element {@link #ticker} writes. */
    static String referenceOf(String ticker) {
        return """
                {"results":%s,"status":"OK","request_id":"31d59dda-80e5-4721-8496-d0d32a654afe"}""".formatted(ticker);
    }

    private static void field(List<String> fields, String name, String json) {
        if (json != null) {
            fields.add("\"" + name + "\":" + json);
        }
    }

    private static String quoted(String text) {
        return text == null ? null : "\"" + text + "\"";
    }
}
