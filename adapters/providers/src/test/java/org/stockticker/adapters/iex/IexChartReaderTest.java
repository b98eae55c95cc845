package org.stockticker.adapters.iex;

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

/** Reading an IEX chart answer with odd values: which bars come out, and what is said of the others. */
class IexChartReaderTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final DateWindow FEBRUARY = new DateWindow(LocalDate.parse("2018-02-01"),
            LocalDate.parse("2018-02-28"));

    private final RecordingLogger log = new RecordingLogger();
    private final IexChartReader reader = new IexChartReader(ExactJson.mapper(), log);

    @Test
    void reads_bars_whatever_their_unused_fields_hold_and_skips_only_bars_with_a_wrong_used_value() {
        List<DailyBar> bars = read("""
                [{"date":"2018-02-01","open":167.165,"high":168.62,"low":166.76,"close":167.78,"volume":47230787,\
                "change":[1],"changePercent":"n/a","label":{},"changeOverTime":{"a":[{"b":null}]},"symbol":7},
                {"date":"2018-02-02","open":165.05,"close":"abc","volume":86428555},
                {"date":"2018-13-45","close":160.5,"volume":1000},
                {"date":"2018-02-06","close":163.03,"volume":-5},
                {"date":"2018-02-07","close":159.54,"volume":"12.5x"},
                {"date":"2018-02-08","close":155.15,"volume":1000,"uOpen":null,"fOpen":"?","fHigh":[],"fVolume":{},\
                "updated":"yesterday","key":false,"subkey":[[]],"id":{"x":1}},
                {"date":"2018-02-09","close":156.41,"volume":1000}]""");

        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.parse("2018-02-01"),
                LocalDate.parse("2018-02-08"), LocalDate.parse("2018-02-09"));
        assertThat(bars.get(0).close()).isEqualByComparingTo("167.78");
        assertThat(log.lines).containsExactly(
                "WARN Skipping the bar of AAPL on 2018-02-02 from provider iex: field close is not in the expected"
                        + " form",
                "WARN Skipping a bar of AAPL from provider iex: its date is missing or not YYYY-MM-DD",
                "WARN Skipping the bar of AAPL on 2018-02-06 from provider iex: volume -5 is negative",
                "WARN Skipping the bar of AAPL on 2018-02-07 from provider iex: field volume is not in the expected"
                        + " form");
    }

    @Test
    void skips_bars_with_absurd_numbers_at_once_and_keeps_the_others() {
        List<DailyBar> bars = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> read("""
                [{"date":"2018-02-01","close":167.78,"volume":1000},
                {"date":"2018-02-02","close":1e999999999,"volume":1000},
                {"date":"2018-02-05","close":1E-999999999,"volume":1000},
                {"date":"2018-02-06","open":-1e999999999,"close":163.03,"volume":1000},
                {"date":"2018-02-07","close":%s,"volume":1000},
                {"date":"2018-02-08","close":155.15,"volume":1e30},
                {"date":"2018-02-09","close":156.41,"volume":123456789012345678901234},
                {"date":"2018-02-12","close":1e9999999999,"volume":1000},
                {"date":"2018-02-13","close":162.71,"volume":1000}]""".formatted("9".repeat(500))));

        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.parse("2018-02-01"),
                LocalDate.parse("2018-02-13"));
        assertThat(log.lines).containsExactly(
                "WARN Skipping the bar of AAPL on 2018-02-02 from provider iex: close price 1E+999999999 out of range",
                "WARN Skipping the bar of AAPL on 2018-02-05 from provider iex: close price 1E-999999999 out of range",
                "WARN Skipping the bar of AAPL on 2018-02-06 from provider iex: open price -1E+999999999 out of range",
                "WARN Skipping the bar of AAPL on 2018-02-07 from provider iex: close price 99999999999999999999..."
                        + " (500 digits, scale 0) out of range",
                "WARN Skipping the bar of AAPL on 2018-02-08 from provider iex: volume 1000000000000000000000000000000"
                        + " is not a whole number of shares",
                "WARN Skipping the bar of AAPL on 2018-02-09 from provider iex: volume 123456789012345678901234 is"
                        + " not a whole number of shares",
                "WARN Skipping the bar of AAPL on 2018-02-12 from provider iex: field close is not in the expected"
                        + " form");
    }

    @Test
    void sums_up_the_skips_of_a_long_bad_answer_in_one_line_and_starts_afresh_with_the_next_answer() {
        StringBuilder body = new StringBuilder("[");
        for (int day = 0; day < 20_000; day++) {
            body.append(day == 0 ? "" : ",").append(day % 2 == 0
                    ? "{\"date\":\"2018-02-01\",\"close\":null}"
                    : "{\"date\":\"2018-02-02\",\"close\":1,\"volume\":1.5}");
        }
        body.append(",{\"date\":\"2018-02-05\",\"close\":156.49}]");

        assertThat(read(body.toString())).extracting(DailyBar::date).containsExactly(LocalDate.parse("2018-02-05"));
        assertThat(log.lines).hasSize(11).last().isEqualTo("WARN Skipped 19990 more bars of AAPL from provider iex:"
                + " 9995 without a close, 9995 with a fractional volume");

        read("[{\"date\":\"2018-02-01\",\"close\":null}]");
        assertThat(log.lines).hasSize(12).last()
                .isEqualTo("WARN Skipping the bar of AAPL on 2018-02-01 from provider iex: it has no close");
    }

    private List<DailyBar> read(String body) {
        try (Stream<DailyBar> bars = reader.bars(answer(body), AAPL, FEBRUARY)) {
            return bars.toList();
        }
    }

    static Response answer(String body) {
        Request request = Request.create(Request.HttpMethod.GET, "http://127.0.0.1/stock/AAPL/chart/1m", Map.of(),
                null, StandardCharsets.UTF_8, null);
        return Response.builder().status(200).reason("OK").request(request).headers(Map.of())
                .body(body, StandardCharsets.UTF_8).build();
    }
}
