package org.stockticker.adapters.polygon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import feign.Request;
import feign.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stockticker.adapters.json.ExactJson;
import org.stockticker.adapters.provider.RecordingLogger;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/** Reading a Polygon aggregates page with odd values: which bars come out, and what is said of the others. */
class PolygonAggregatesReaderTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final DateWindow JANUARY = new DateWindow(LocalDate.parse("2020-01-01"),
            LocalDate.parse("2020-01-31"));

    private final RecordingLogger log = new RecordingLogger();
    private final PolygonAggregatesReader reader = new PolygonAggregatesReader(ExactJson.mapper(), false, PolygonPriceProvider.FORMER_NAME, log);

    @Test
    void reads_bars_whatever_their_unused_fields_hold_and_skips_only_bars_with_a_wrong_used_value() {
        List<DailyBar> bars = read(List.of(
                bar("2020-01-02", "\"v\":33911864,\"o\":296.24,\"c\":300.35,\"vw\":\"x\",\"n\":{},\"otc\":[1]"),
                bar("2020-01-03", "\"v\":1000,\"c\":\"abc\""),
                "{\"v\":1000,\"c\":297.43,\"t\":\"2020-13-45\"}",
                bar("2020-01-06", "\"v\":-5,\"c\":299.80"),
                bar("2020-01-07", "\"v\":\"12.5x\",\"c\":298.39"),
                bar("2020-01-08", "\"v\":1000,\"c\":303.19,\"vw\":null,\"n\":[[],{}],\"T\":{\"x\":1}"),
                bar("2020-01-09", "\"v\":1000,\"c\":309.63")));

        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.parse("2020-01-02"),
                LocalDate.parse("2020-01-08"), LocalDate.parse("2020-01-09"));
        assertThat(bars.get(0).close()).isEqualByComparingTo("300.35");
        assertThat(log.lines).containsExactly(
                "WARN Skipping the bar of AAPL on 2020-01-03 from provider polygon: field c is not in the expected"
                        + " form",
                "WARN Skipping a bar of AAPL from provider polygon: its start time t is missing or out of range",
                "WARN Skipping the bar of AAPL on 2020-01-06 from provider polygon: volume -5 is negative",
                "WARN Skipping the bar of AAPL on 2020-01-07 from provider polygon: field v is not in the expected"
                        + " form");
    }

    @Test
    void skips_bars_with_absurd_numbers_at_once_and_keeps_the_others() {
        List<DailyBar> bars = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> read(List.of(
                bar("2020-01-02", "\"v\":1000,\"c\":300.35"),
                bar("2020-01-03", "\"v\":1000,\"c\":1e999999999"),
                bar("2020-01-06", "\"v\":1000,\"c\":1E-999999999"),
                bar("2020-01-07", "\"v\":1000,\"o\":-1e999999999,\"c\":298.39"),
                bar("2020-01-08", "\"v\":1000,\"c\":" + "9".repeat(500)),
                bar("2020-01-09", "\"v\":1e30,\"c\":309.63"),
                bar("2020-01-10", "\"v\":123456789012345678901234,\"c\":310.33"),
                bar("2020-01-13", "\"v\":1e999999999,\"c\":316.96"),
                bar("2020-01-14", "\"v\":1E-999999999,\"c\":312.68"),
                bar("2020-01-15", "\"v\":1000,\"c\":1e9999999999"),
                "{\"v\":1000,\"c\":1,\"t\":1e999999999}",
                bar("2020-01-16", "\"v\":1000,\"c\":315.24"))));

        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.parse("2020-01-02"),
                LocalDate.parse("2020-01-16"));
        assertThat(log.lines).hasSize(10).contains(
                "WARN Skipping the bar of AAPL on 2020-01-09 from provider polygon: volume"
                        + " 1000000000000000000000000000000 out of range",
                "WARN Skipping the bar of AAPL on 2020-01-13 from provider polygon: volume 1E+999999999 out of range",
                "WARN Skipping a bar of AAPL from provider polygon: its start time t is missing or out of range");
    }

    /** A bar of {@code date} with {@code fields} and Polygon's start time of that day. */
    static String bar(String date, String fields) {
        return "{" + fields + ",\"t\":" + PolygonBodies.startMillis(LocalDate.parse(date)) + "}";
    }

    private List<DailyBar> read(List<String> results) {
        Response page = page(PolygonBodies.page("AAPL", false, results, null));
        try (Stream<DailyBar> bars = reader.bars(page, AAPL, JANUARY, new PolygonAggregatesReader.Continuation() {
            @Override
            public Response next(String nextUrl) {
                throw new AssertionError("no next page was named");
            }

            @Override
            public void noBarsAtAll() {
            }
        })) {
            return bars.toList();
        }
    }

    static Response page(String body) {
        Request request = Request.create(Request.HttpMethod.GET, "http://127.0.0.1/v2/aggs", Map.of(), null,
                StandardCharsets.UTF_8, null);
        return Response.builder().status(200).reason("OK").request(request).headers(Map.of())
                .body(body, StandardCharsets.UTF_8).build();
    }
}
