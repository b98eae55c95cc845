package org.stockticker.adapters.alphavantage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockticker.adapters.json.ExactJson;
import org.stockticker.adapters.provider.RecordingLogger;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/** Reading an Alpha Vantage series with odd values: which bars come out, and what is said of the others. */
class AlphaVantageSeriesReaderTest {

    private static final Symbol IBM = new Symbol("IBM");
    private static final DateWindow JANUARY = new DateWindow(LocalDate.parse("2024-01-01"),
            LocalDate.parse("2024-01-31"));

    private final RecordingLogger log = new RecordingLogger();
    private final AlphaVantageSeriesReader reader = new AlphaVantageSeriesReader("KEY", log);

    @Test
    void reads_bars_whatever_their_extra_keys_hold_and_skips_only_bars_with_a_wrong_used_value() throws Exception {
        List<DailyBar> bars = read("""
                {"2024-01-02":{"1. open":"187.15","4. close":"185.64","5. volume":"82488700",\
                "6. extra":{},"7. more":[1,{"x":null}],"8. flag":true,"9. none":null},
                "2024-01-03":{"4. close":"abc","5. volume":"1000"},
                "2024-13-45":{"4. close":"184.25","5. volume":"1000"},
                "2024-01-04":{"4. close":"181.91","5. volume":"-5"},
                "2024-01-05":{"4. close":"181.18","5. volume":"12.5x"},
                "2024-01-08":{"4. close":"185.56","5. volume":"1000","6. split coefficient":{"a":[]}},
                "2024-01-09":{"4. close":"185.14","5. volume":"1000"}}""");

        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.parse("2024-01-02"),
                LocalDate.parse("2024-01-08"), LocalDate.parse("2024-01-09"));
        assertThat(bars.get(0).close()).isEqualByComparingTo("185.64");
        assertThat(log.lines).containsExactly(
                "WARN Skipping the bar of IBM on 2024-01-03 from provider alpha_vantage: 4. close is not a number",
                "WARN Skipping a bar of IBM from provider alpha_vantage: its date is not YYYY-MM-DD",
                "WARN Skipping the bar of IBM on 2024-01-04 from provider alpha_vantage: volume -5 is negative",
                "WARN Skipping the bar of IBM on 2024-01-05 from provider alpha_vantage: 5. volume is not a number");
    }

    @Test
    void skips_bars_with_absurd_numbers_at_once_and_keeps_the_others() {
        String series = """
                {"2024-01-02":{"4. close":"185.64","5. volume":"1000"},
                "2024-01-03":{"4. close":"1e999999999","5. volume":"1000"},
                "2024-01-04":{"4. close":"1E-999999999","5. volume":"1000"},
                "2024-01-05":{"1. open":"-1e999999999","4. close":"181.18","5. volume":"1000"},
                "2024-01-08":{"4. close":"%s","5. volume":"1000"},
                "2024-01-09":{"4. close":"185.14","5. volume":"1e30"},
                "2024-01-10":{"4. close":"186.19","5. volume":"123456789012345678901234"},
                "2024-01-11":{"4. close":"1e9999999999","5. volume":"1000"},
                "2024-01-12":{"4. close":"165.80","5. volume":1e999999999},
                "2024-01-16":{"4. close":"166.96","5. volume":"1000"}}""".formatted("9".repeat(500));

        List<DailyBar> bars = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> read(series));

        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.parse("2024-01-02"),
                LocalDate.parse("2024-01-16"));
        assertThat(log.lines).hasSize(8).allSatisfy(line -> assertThat(line).startsWith("WARN Skipping the bar of IBM on"));
    }

    private List<DailyBar> read(String series) throws JsonProcessingException {
        AlphaVantageAnswer answer = new AlphaVantageAnswer(ExactJson.mapper().readTree(
                "{\"Meta Data\":{\"2. Symbol\":\"IBM\"},\"Time Series (Daily)\":" + series + "}"));
        return reader.bars(answer, IBM, JANUARY);
    }
}
