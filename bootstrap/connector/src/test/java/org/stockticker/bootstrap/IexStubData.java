package org.stockticker.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic IEX chart answers for stub servers: every weekday of a span is a trading day, and each bar's
 * prices are exact decimals derived from its symbol and date, so that any run can be checked against the set of
 * (symbol, date) keys it must produce.
 */
final class IexStubData {

    /** The test key of every stubbed config; it must never show up in any output. */
    static final String KEY = "sk_STUB_SECRET_0042";

    private static final Pattern CHART = Pattern.compile("/stock/([^/]+)/chart/(?:date/(\\d{8})|([^/?]+))");

    /** One record's identity: its primary key. */
    record Key(String symbol, LocalDate date) {

        static Key of(JsonNode recordData) {
            return new Key(recordData.get("symbol").asText(), LocalDate.parse(recordData.get("date").asText()));
        }
    }

    private final LocalDate from;
    private final LocalDate to;
    private final Map<String, String> charts = new ConcurrentHashMap<>();

    /** Bars on every weekday from {@code from} to {@code to}, both included. */
    IexStubData(LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
    }

    /** {@code count} distinct upper-case symbols, the same on every call. */
    static List<String> symbols(int count) {
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            symbols.add("T" + (char) ('A' + i / 26) + (char) ('A' + i % 26));
        }
        return symbols;
    }

    List<LocalDate> tradingDays() {
        return from.datesUntil(to.plusDays(1))
                .filter(day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY)
                .toList();
    }

    /** Every (symbol, date) a complete read of {@code symbols} over the whole span emits. */
    Set<Key> expectedKeys(List<String> symbols) {
        Set<Key> keys = new LinkedHashSet<>();
        for (String symbol : symbols) {
            tradingDays().forEach(day -> keys.add(new Key(symbol, day)));
        }
        return keys;
    }

    /** The as-traded close of a bar, with four decimals, trailing zeros kept: 20.0000 to 219.9999. */
    static BigDecimal close(String symbol, LocalDate date) {
        long seed = Math.floorMod(symbol.hashCode() * 31L + date.toEpochDay() * 7919L, 2_000_000L);
        return BigDecimal.valueOf(200_000 + seed, 4);
    }

    private static long volume(String symbol, LocalDate date) {
        return 1_000_000L + Math.floorMod(date.toEpochDay() * 104_729L + symbol.hashCode(), 9_000_000L);
    }

    /** One bar as IEX answers it, with as-traded {@code u*} fields and the fully adjusted close. */
    static String bar(String symbol, LocalDate date) {
        BigDecimal close = close(symbol, date);
        BigDecimal open = close.add(new BigDecimal("0.2500"));
        BigDecimal high = close.add(new BigDecimal("1.1250"));
        BigDecimal low = close.subtract(new BigDecimal("0.8750"));
        long volume = volume(symbol, date);
        BigDecimal adjusted = close.subtract(new BigDecimal("1.5000"));
        return "{\"date\":\"" + date + "\",\"open\":" + open + ",\"high\":" + high + ",\"low\":" + low
                + ",\"close\":" + close + ",\"volume\":" + volume + ",\"uOpen\":" + open + ",\"uHigh\":" + high
                + ",\"uLow\":" + low + ",\"uClose\":" + close + ",\"uVolume\":" + volume + ",\"fClose\":" + adjusted
                + ",\"symbol\":\"" + symbol + "\",\"id\":\"HISTORICAL_PRICES\",\"key\":\"" + symbol + "\"}";
    }

    /** The record data the connector emits for the bar of {@code symbol} on {@code date}, as one JSON text. */
    static String recordData(String symbol, LocalDate date) {
        BigDecimal close = close(symbol, date);
        long volume = volume(symbol, date);
        return "{\"symbol\":\"" + symbol + "\",\"date\":\"" + date + "\",\"open\":" + close.add(new BigDecimal("0.2500"))
                + ",\"high\":" + close.add(new BigDecimal("1.1250")) + ",\"low\":"
                + close.subtract(new BigDecimal("0.8750")) + ",\"close\":" + close + ",\"volume\":" + volume
                + ",\"adjusted_close\":" + close.subtract(new BigDecimal("1.5000")) + ",\"provider\":\"iex\"}";
    }

    /** The whole span of {@code symbol} as one chart answer, ascending. */
    String chart(String symbol) {
        return charts.computeIfAbsent(symbol, s -> {
            StringBuilder body = new StringBuilder("[");
            for (LocalDate day : tradingDays()) {
                body.append(body.length() == 1 ? "" : ",").append(bar(s, day));
            }
            return body.append(']').toString();
        });
    }

    /**
     * The answer IEX would give to {@code path}: the whole span for a chart range (the connector drops what lies
     * outside its window), the one bar of a {@code chart/date/YYYYMMDD} request, or empty for a path that is not a
     * chart request.
     */
    Optional<String> answer(String path) {
        Matcher chart = CHART.matcher(path);
        if (!chart.find()) {
            return Optional.empty();
        }
        String symbol = chart.group(1).toUpperCase();
        if (chart.group(2) == null) {
            return Optional.of(chart(symbol));
        }
        LocalDate day = LocalDate.parse(chart.group(2), DateTimeFormatter.BASIC_ISO_DATE);
        boolean trading = !day.isBefore(from) && !day.isAfter(to) && day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        return Optional.of(trading ? "[" + bar(symbol, day) + "]" : "[]");
    }

    /** A read config for {@code symbols} over the whole span against an IEX stub at {@code baseUrl}. */
    String config(List<String> symbols, String baseUrl) {
        return """
                {"tickers": [%s], "start_date": "%s", "end_date": "%s",
                 "provider": {"name": "iex", "api_key": "%s", "base_url": "%s"}}
                """.formatted(String.join(", ", symbols.stream().map(s -> "\"" + s + "\"").toList()), from, to, KEY,
                baseUrl);
    }
}
