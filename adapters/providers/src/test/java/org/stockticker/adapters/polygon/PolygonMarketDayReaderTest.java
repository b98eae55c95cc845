package org.stockticker.adapters.polygon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import feign.Request;
import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stockticker.adapters.json.ExactJson;
import org.stockticker.adapters.provider.RecordingLogger;
import org.stockticker.application.port.out.BrokenAnswerException;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.Symbol;

/** Reading Massive's grouped answer for one day: which rows become bars, and what is said of the others. */
class PolygonMarketDayReaderTest {

    private static final LocalDate DAY = LocalDate.parse("2020-01-02");

    private final RecordingLogger log = new RecordingLogger();
    private final PolygonMarketDayReader reader = new PolygonMarketDayReader(ExactJson.mapper(), false,
            PolygonPriceProvider.NAME, log);

    @Test
    void makes_each_row_the_bar_of_its_ticker_on_the_day_with_the_exact_decimals_sent() {
        List<DailyBar> bars = read(List.of(
                PolygonBodies.row("AAPL", DAY, "74.06", "75.15", "73.7975", "75.0875", "135647456"),
                PolygonBodies.row("BRK.A", DAY, "342261", "342605", "339000.10", "342000.50", "370.5")));

        assertThat(bars).containsExactly(
                new DailyBar(new Symbol("AAPL"), DAY, new BigDecimal("74.06"), new BigDecimal("75.15"),
                        new BigDecimal("73.7975"), new BigDecimal("75.0875"), 135_647_456L, null),
                new DailyBar(new Symbol("BRK.A"), DAY, new BigDecimal("342261"), new BigDecimal("342605"),
                        new BigDecimal("339000.10"), new BigDecimal("342000.50"), 371L, null));
        assertThat(log.lines).isEmpty();
    }

    @Test
    void skips_rows_with_values_beyond_the_limits_of_a_price_or_volume_each_with_a_warning() {
        List<DailyBar> bars = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> read(List.of(
                PolygonBodies.row("AAPL", DAY, "74.06", "75.15", "73.7975", "75.0875", "135647456"),
                PolygonBodies.row("HUGE", DAY, "1", "1", "1", "1e999999999", "1000"),
                PolygonBodies.row("TINY", DAY, "1", "1", "1e-25", "1", "1000"),
                PolygonBodies.row("WIDE", DAY, "1", "1", "1", "1." + "1".repeat(30), "1000"),
                PolygonBodies.row("VAST", DAY, "1", "1", "1", "1", "1e30"),
                PolygonBodies.row("SUB", DAY, "1e-7", "1e-7", "1e-7", "1e-7", "1000"))));

        assertThat(bars).extracting(bar -> bar.symbol().value()).containsExactly("AAPL", "SUB");
        assertThat(bars.get(1).close()).isEqualTo(new BigDecimal("1E-7"));
        assertThat(log.lines).containsExactly(
                "WARN Skipping the bar of HUGE on 2020-01-02 from provider massive: close price 1E+999999999 out of"
                        + " range",
                "WARN Skipping the bar of TINY on 2020-01-02 from provider massive: low price"
                        + " 0.0000000000000000000000001 out of range",
                "WARN Skipping the bar of WIDE on 2020-01-02 from provider massive: close price"
                        + " 1.111111111111111111111111111111 out of range",
                "WARN Skipping the bar of VAST on 2020-01-02 from provider massive: volume"
                        + " 1000000000000000000000000000000 out of range");
    }

    @Test
    void skips_elements_that_are_no_object_and_sums_up_skips_past_the_first_ten_in_one_line() {
        List<String> rows = new ArrayList<>(List.of("42", "[1,2]", "null"));
        IntStream.range(0, 9).forEach(i -> rows.add("{\"T\":\"NC" + i + "\",\"v\":1,\"o\":1,\"t\":"
                + PolygonBodies.endMillis(DAY) + "}"));
        rows.add(PolygonBodies.row("AAPL", DAY, "74.06", "75.15", "73.7975", "75.0875", "1000"));

        List<DailyBar> bars = read(rows);

        assertThat(bars).extracting(bar -> bar.symbol().value()).containsExactly("AAPL");
        assertThat(log.lines).hasSize(11).startsWith(
                "WARN Skipping an element of the massive answer for the US market on 2020-01-02: it is not an object");
        assertThat(log.lines.get(3)).isEqualTo(
                "WARN Skipping the bar of NC0 on 2020-01-02 from provider massive: it has no close");
        assertThat(log.lines.get(10)).isEqualTo(
                "WARN Skipped 2 more bars of the US market on 2020-01-02 from provider massive: 2 without a close");
    }

    @Test
    void leaves_out_rows_marked_otc_without_a_word() {
        List<DailyBar> bars = read(List.of(
                withField(PolygonBodies.row("GBTC", DAY, "10", "11", "9", "10.5", "1000"), "\"otc\":true"),
                withField(PolygonBodies.row("AAPL", DAY, "74.06", "75.15", "73.7975", "75.0875", "1000"),
                        "\"otc\":false"),
                withField(PolygonBodies.row("MSFT", DAY, "158.78", "160.73", "158.33", "160.62", "1000"),
                        "\"otc\":\"yes\"")));

        assertThat(bars).extracting(bar -> bar.symbol().value()).containsExactly("AAPL", "MSFT");
        assertThat(log.lines).isEmpty();
    }

    @Test
    void tells_all_rows_whose_ticker_is_no_symbol_in_one_warning_with_their_count_and_a_few_of_them() {
        List<String> rows = new ArrayList<>();
        rows.add(PolygonBodies.row("AAPL", DAY, "74.06", "75.15", "73.7975", "75.0875", "1000"));
        for (String ticker : List.of("ABRpD", "BRK/A", "ABC WS", "", "A..B", "TOOLONGFORASYMBOLATALL1234", "X\\u0007Y")) {
            rows.add(PolygonBodies.row(ticker, DAY, "1", "1", "1", "1", "1000"));
        }
        rows.add("{\"v\":1000,\"o\":1,\"c\":1,\"h\":1,\"l\":1,\"t\":" + PolygonBodies.endMillis(DAY) + "}");
        rows.add("{\"T\":{\"x\":1},\"v\":1000,\"c\":1,\"t\":" + PolygonBodies.endMillis(DAY) + "}");
        IntStream.range(0, 40).forEach(i -> rows.add(PolygonBodies.row("warrant" + i, DAY, "1", "1", "1", "1", "10")));
        rows.add(PolygonBodies.row("MSFT", DAY, "158.78", "160.73", "158.33", "160.62", "1000"));

        List<DailyBar> bars = read(rows);

        assertThat(bars).extracting(bar -> bar.symbol().value()).containsExactly("AAPL", "MSFT");
        assertThat(log.lines).containsExactly("WARN Skipped 49 rows of the US market on 2020-01-02 from provider"
                + " massive whose ticker is no symbol (upper-case letters and digits, with single '.' or '-' between"
                + " them), such as 'ABRpD', 'BRK/A', 'ABC WS', '', 'A..B'");
    }

    @Test
    void quotes_a_skipped_ticker_shortened_and_without_control_characters() {
        read(List.of(PolygonBodies.row("X\\u0007Y", DAY, "1", "1", "1", "1", "1000"),
                PolygonBodies.row("TOOLONGFORASYMBOLATALL1234", DAY, "1", "1", "1", "1", "1000"),
                "{\"c\":1,\"t\":" + PolygonBodies.endMillis(DAY) + "}"));

        assertThat(log.lines).singleElement().asString()
                .endsWith("such as 'X?Y', 'TOOLONGFORASYMBOLATA...', none");
    }

    @Test
    void dates_each_row_by_the_day_asked_and_skips_one_whose_time_falls_on_another_day_in_new_york() {
        List<DailyBar> bars = read(List.of(
                PolygonBodies.row("AAPL", "74.06", "75.15", "73.7975", "75.0875", "1000",
                        Long.toString(PolygonBodies.endMillis(DAY))),
                // 20:00 in New York on the day asked, already the next day in UTC.
                PolygonBodies.row("LATE", "1", "1", "1", "1", "1000", millis("2020-01-03T01:00:00Z")),
                // 22:00 in New York the evening before, the day asked in UTC.
                PolygonBodies.row("EARLY", "1", "1", "1", "1", "1000", millis("2020-01-02T03:00:00Z")),
                PolygonBodies.row("NEXT", "1", "1", "1", "1", "1000",
                        Long.toString(PolygonBodies.endMillis(DAY.plusDays(1)))),
                PolygonBodies.row("FAR", "1", "1", "1", "1", "1000", "9223372036854775807"),
                PolygonBodies.row("BAD", "1", "1", "1", "1", "1000", "\"noon\""),
                "{\"T\":\"UNSTAMPED\",\"v\":1000,\"o\":1,\"c\":1,\"h\":1,\"l\":1}"));

        assertThat(bars).extracting(bar -> bar.symbol().value()).containsExactly("AAPL", "LATE", "UNSTAMPED");
        assertThat(bars).extracting(DailyBar::date).containsOnly(DAY);
        assertThat(log.lines).containsExactly(
                "WARN Skipping the bar of EARLY on 2020-01-02 from provider massive: its time t falls on 2020-01-01"
                        + " in New York, not on the day asked for",
                "WARN Skipping the bar of NEXT on 2020-01-02 from provider massive: its time t falls on 2020-01-03"
                        + " in New York, not on the day asked for",
                "WARN Skipping the bar of FAR on 2020-01-02 from provider massive: its time t falls on"
                        + " +292278994-08-17 in New York, not on the day asked for",
                "WARN Skipping the bar of BAD on 2020-01-02 from provider massive: field t is not in the expected"
                        + " form");
    }

    @Test
    void keeps_the_first_row_of_a_ticker_that_appears_twice() {
        List<DailyBar> bars = read(List.of(
                PolygonBodies.row("AAPL", DAY, "74.06", "75.15", "73.7975", "75.0875", "1000"),
                PolygonBodies.row("AAPL", DAY, "1", "1", "1", "1", "1")));

        assertThat(bars).singleElement().satisfies(bar -> assertThat(bar.close()).isEqualTo(new BigDecimal("75.0875")));
        assertThat(log.lines).containsExactly("WARN Skipping the bar of AAPL on 2020-01-02 from provider massive: its"
                + " ticker appears again in the answer; the first row is kept");
    }

    @Test
    void reports_the_close_as_the_adjusted_close_of_a_day_asked_for_split_adjusted() {
        PolygonMarketDayReader adjusted = new PolygonMarketDayReader(ExactJson.mapper(), true,
                PolygonPriceProvider.NAME, log);

        String body = PolygonBodies.grouped(true,
                List.of(PolygonBodies.row("AAPL", DAY, "74.06", "75.15", "73.7975", "75.0875", "1000")));
        try (Stream<DailyBar> bars = adjusted.bars(PolygonAggregatesReaderTest.page(body), DAY)) {
            assertThat(bars.toList()).singleElement()
                    .satisfies(bar -> assertThat(bar.adjustedClose()).isEqualTo(new BigDecimal("75.0875")));
        }
    }

    @Test
    void answers_no_bar_for_a_day_without_trading() {
        try (Stream<DailyBar> bars = reader.bars(PolygonAggregatesReaderTest.page(
                PolygonBodies.groupedWithoutTrading(false)), DAY)) {
            assertThat(bars).isEmpty();
        }
        try (Stream<DailyBar> bars = reader.bars(PolygonAggregatesReaderTest.page(
                "{\"status\":\"OK\",\"resultsCount\":0,\"results\":null}"), DAY)) {
            assertThat(bars).isEmpty();
        }
        assertThat(log.lines).isEmpty();
    }

    @Test
    void reports_an_answer_without_bars_whose_status_is_an_error() {
        Stream<DailyBar> bars = reader.bars(PolygonAggregatesReaderTest.page(
                PolygonBodies.error("ERROR", "Something went wrong")), DAY);

        assertThatThrownBy(bars::toList).isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider massive answered ERROR without bars for the US market on 2020-01-02");
    }

    @Test
    void reads_the_rows_it_has_without_following_a_next_url_and_says_so() {
        String body = PolygonBodies.grouped(false, List.of(
                PolygonBodies.row("AAPL", DAY, "74.06", "75.15", "73.7975", "75.0875", "1000")));
        body = body.substring(0, body.length() - 1) + ",\"next_url\":\"https://api.massive.com/v2/aggs/grouped?c=1\"}";

        assertThat(read(body)).hasSize(1);
        assertThat(log.lines).containsExactly("WARN Provider massive named a next page of its answer for the US market"
                + " on 2020-01-02, which is not paged; it was not asked for");
    }

    @Test
    void hands_out_the_first_bars_before_the_rest_of_the_answer_has_arrived() {
        List<String> rows = IntStream.range(0, 12_000).mapToObj(i -> PolygonBodies.row("S" + i, DAY, "10.01",
                "10.52", "9.87", "10.25", "123456")).toList();
        String body = PolygonBodies.grouped(false, rows);
        int cut = body.length() - 100;
        Counting answer = new Counting(new SequenceInputStream(
                new ByteArrayInputStream(body.substring(0, cut).getBytes(StandardCharsets.UTF_8)), new Broken()));

        try (Stream<DailyBar> bars = reader.bars(response(answer), DAY)) {
            Iterator<DailyBar> iterator = bars.iterator();
            assertThat(iterator.next().symbol()).isEqualTo(new Symbol("S0"));
            assertThat(iterator.next().symbol()).isEqualTo(new Symbol("S1"));
            assertThat(answer.read).isLessThan(body.length() / 10);
            assertThatThrownBy(() -> iterator.forEachRemaining(bar -> { }))
                    .isInstanceOf(BrokenAnswerException.class)
                    .hasMessage("provider massive broke off or garbled its answer for the US market on 2020-01-02");
        }
    }

    private List<DailyBar> read(List<String> rows) {
        return read(PolygonBodies.grouped(false, rows));
    }

    private List<DailyBar> read(String body) {
        try (Stream<DailyBar> bars = reader.bars(PolygonAggregatesReaderTest.page(body), DAY)) {
            return bars.toList();
        }
    }

    /** {@code row} with {@code field} added as its last field. */
    private static String withField(String row, String field) {
        return row.substring(0, row.length() - 1) + "," + field + "}";
    }

    private static String millis(String instant) {
        return Long.toString(Instant.parse(instant).toEpochMilli());
    }

    private static Response response(InputStream body) {
        Request request = Request.create(Request.HttpMethod.GET, "http://127.0.0.1/v2/aggs/grouped", Map.of(), null,
                StandardCharsets.UTF_8, null);
        return Response.builder().status(200).reason("OK").request(request).headers(Map.of())
                .body(body, null).build();
    }

    /** An answer that counts the bytes read from it. */
    private static final class Counting extends FilterInputStream {

        private long read;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            read += Math.max(n, 0);
            return n;
        }
    }

    /** The connection dropping: every read fails. */
    private static final class Broken extends InputStream {

        @Override
        public int read() throws IOException {
            throw new IOException("connection reset");
        }
    }
}
