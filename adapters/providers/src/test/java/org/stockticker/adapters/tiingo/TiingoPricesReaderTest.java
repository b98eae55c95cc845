package org.stockticker.adapters.tiingo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import feign.Request;
import feign.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stockticker.adapters.json.ExactJson;
import org.stockticker.adapters.provider.RecordingLogger;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/** Reading a Tiingo prices answer: what is skipped and why, where it ends, and what the wire bar keeps. */
class TiingoPricesReaderTest {

    private static final Symbol GOOG = new Symbol("GOOG");
    private static final DateWindow SECOND_WEEK = new DateWindow(LocalDate.parse("2015-01-02"),
            LocalDate.parse("2015-01-09"));

    private final RecordingLogger log = new RecordingLogger();
    private final TiingoPricesReader reader = new TiingoPricesReader(ExactJson.mapper(), log);

    @Test
    void warns_of_each_skipped_bar_naming_the_symbol_the_date_and_the_reason() {
        try (Stream<DailyBar> bars = reader.bars(answer(TiingoPriceProviderTest.sample("prices-refused-bars.json")),
                GOOG, SECOND_WEEK)) {
            assertThat(bars.map(DailyBar::date)).containsExactly(LocalDate.parse("2015-01-09"));
        }

        assertThat(log.lines).containsExactly(
                "WARN Skipping the bar of GOOG on 2015-01-02 from provider tiingo: open -1.5 is not a positive price",
                "WARN Skipping the bar of GOOG on 2015-01-05 from provider tiingo: high 517.0 is below low 517.75",
                "WARN Skipping the bar of GOOG on 2015-01-06 from provider tiingo: close 0.0 is not a positive price",
                "WARN Skipping the bar of GOOG on 2015-01-07 from provider tiingo: volume 2345875.5 is not a whole"
                        + " number of shares",
                "WARN Skipping a bar of GOOG from provider tiingo: its date is missing or does not start with"
                        + " YYYY-MM-DD",
                "WARN Skipping the bar of GOOG on 2015-01-08 from provider tiingo: field close is not in the expected"
                        + " form",
                "WARN Skipping an element of the tiingo answer for GOOG: it is not an object");
    }

    @Test
    void reads_bars_whatever_their_unused_fields_hold_and_skips_only_bars_with_a_wrong_used_value() {
        try (Stream<DailyBar> bars = reader.bars(answer("""
                [{"date":"2015-01-02T00:00:00.000Z","close":529.55,"high":535.8,"low":527.88,"open":532.6,\
                "volume":1327870,"adjClose":529.55,"divCash":"?","splitFactor":null,"adjVolume":{},"adjOpen":[1]},
                {"date":"2015-01-05T00:00:00.000Z","close":"abc","volume":1000,"divCash":0.0,"splitFactor":1.0},
                {"date":"2015-13-45T00:00:00.000Z","close":519.46,"volume":1000},
                {"date":"2015-01-06T00:00:00.000Z","close":519.46,"volume":-5},
                {"date":"2015-01-07T00:00:00.000Z","close":505.15,"volume":"12.5x"},
                {"date":"2015-01-08T00:00:00.000Z","close":506.91,"volume":1000,"divCash":{"cash":1},\
                "splitFactor":[2,1],"adjHigh":"n/a"},
                {"date":"2015-01-09T00:00:00.000Z","close":500.72,"volume":2065100,"divCash":0.0,\
                "splitFactor":1.0}]"""), GOOG, SECOND_WEEK)) {
            assertThat(bars.map(DailyBar::date)).containsExactly(LocalDate.parse("2015-01-02"),
                    LocalDate.parse("2015-01-08"), LocalDate.parse("2015-01-09"));
        }

        assertThat(log.lines).containsExactly(
                "WARN Skipping the bar of GOOG on 2015-01-05 from provider tiingo: field close is not in the"
                        + " expected form",
                "WARN Skipping a bar of GOOG from provider tiingo: its date is missing or does not start with"
                        + " YYYY-MM-DD",
                "WARN Skipping the bar of GOOG on 2015-01-06 from provider tiingo: volume -5 is negative",
                "WARN Skipping the bar of GOOG on 2015-01-07 from provider tiingo: field volume is not in the"
                        + " expected form");
    }

    @Test
    void skips_bars_with_absurd_numbers_at_once_and_keeps_the_others() {
        String body = """
                [{"date":"2015-01-02T00:00:00.000Z","close":529.55,"volume":1000},
                {"date":"2015-01-05T00:00:00.000Z","close":1e999999999,"volume":1000},
                {"date":"2015-01-06T00:00:00.000Z","close":1E-999999999,"volume":1000},
                {"date":"2015-01-07T00:00:00.000Z","open":-1e999999999,"close":505.15,"volume":1000},
                {"date":"2015-01-07T00:00:00.000Z","close":%s,"volume":1000},
                {"date":"2015-01-07T00:00:00.000Z","close":506.91,"volume":1e30},
                {"date":"2015-01-08T00:00:00.000Z","close":506.91,"volume":123456789012345678901234},
                {"date":"2015-01-08T00:00:00.000Z","close":1e9999999999,"volume":1000},
                {"date":"2015-01-09T00:00:00.000Z","close":500.72,"volume":1000}]""".formatted("9".repeat(500));

        List<DailyBar> bars = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try (Stream<DailyBar> read = reader.bars(answer(body), GOOG, SECOND_WEEK)) {
                return read.toList();
            }
        });

        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.parse("2015-01-02"),
                LocalDate.parse("2015-01-09"));
        assertThat(log.lines).hasSize(7).allSatisfy(line -> assertThat(line).startsWith("WARN Skipping the bar of GOOG on"));
    }

    @Test
    void warns_of_a_bar_without_a_close_naming_its_date() {
        try (Stream<DailyBar> bars = reader.bars(answer(TiingoPriceProviderTest.sample("prices-nulls.json")), GOOG,
                SECOND_WEEK)) {
            assertThat(bars).hasSize(2);
        }

        assertThat(log.lines).containsExactly(
                "WARN Skipping the bar of GOOG on 2015-01-05 from provider tiingo: it has no close");
    }

    @Test
    void answers_no_more_bars_however_often_it_is_asked_after_the_end() {
        try (Stream<DailyBar> bars = reader.bars(answer(TiingoPriceProviderTest.sample("prices-goog.json")), GOOG,
                SECOND_WEEK)) {
            Spliterator<DailyBar> spliterator = bars.spliterator();
            int read = 0;
            while (spliterator.tryAdvance(bar -> { })) {
                read++;
            }

            assertThat(read).isEqualTo(3);
            assertThat(spliterator.tryAdvance(bar -> { })).isFalse();
            assertThat(spliterator.tryAdvance(bar -> { })).isFalse();
        }
    }

    @Test
    void the_wire_bar_keeps_the_dividend_and_the_split_factor() throws Exception {
        TiingoBar bar = ExactJson.mapper().readValue("""
                {"date":"2020-08-31T00:00:00.000Z","close":129.04,"high":131.0,"low":126.0,"open":127.58,\
                "volume":225702700,"adjClose":128.06,"adjHigh":130.0,"adjLow":125.04,"adjOpen":126.61,\
                "adjVolume":225702700,"divCash":0.205,"splitFactor":4.0}""", TiingoBar.class);

        assertThat(bar.divCash()).isEqualTo(new BigDecimal("0.205"));
        assertThat(bar.splitFactor()).isEqualTo(new BigDecimal("4.0"));
    }

    @Test
    void takes_the_date_part_of_tiingos_stamp_as_the_trading_day() {
        assertThat(TiingoPricesReader.tradingDay("2015-01-02T00:00:00.000Z")).contains(LocalDate.parse("2015-01-02"));
        assertThat(TiingoPricesReader.tradingDay("2015-01-02T00:00:00+00:00")).contains(LocalDate.parse("2015-01-02"));
        assertThat(TiingoPricesReader.tradingDay("2015-01-02")).contains(LocalDate.parse("2015-01-02"));
        assertThat(TiingoPricesReader.tradingDay("01/02/2015")).isEmpty();
        assertThat(TiingoPricesReader.tradingDay(null)).isEmpty();
    }

    private static Response answer(String body) {
        Request request = Request.create(Request.HttpMethod.GET, "http://127.0.0.1/tiingo/daily/GOOG/prices",
                Map.of(), null, StandardCharsets.UTF_8, null);
        return Response.builder().status(200).reason("OK").request(request).headers(Map.of())
                .body(body, StandardCharsets.UTF_8).build();
    }
}
