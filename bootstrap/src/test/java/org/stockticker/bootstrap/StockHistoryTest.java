package org.stockticker.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.out.RejectedCredentialsException;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.bootstrap.library.StockHistory;
import org.stockticker.domain.DailyBar;

class StockHistoryTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final WireMockExtension iex = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @Test
    void serves_the_readme_example_from_an_iex_compatible_service() {
        iex.stubFor(get(urlPathMatching("/stock/AAPL/chart/.*")).willReturn(okJson("""
                [{"date":"2024-01-02","uOpen":187.15,"uHigh":188.44,"uLow":183.885,"uClose":185.64,
                  "uVolume":82488700,"fClose":184.93},
                 {"date":"2024-01-03","uOpen":184.22,"uHigh":185.88,"uLow":183.43,"uClose":184.25,
                  "uVolume":58414500,"fClose":183.54}]
                """)));

        StockHistory history = StockHistory.provider("iex").apiKey("test-token")
                .baseUrl("http://127.0.0.1:" + iex.getPort()).clock(Fixtures.CLOCK).build();
        List<DailyBar> bars;
        try (Stream<DailyBar> stream = history.dailyBars("aapl", LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 31))) {
            bars = stream.toList();
        }

        assertThat(bars).extracting(bar -> bar.date() + " " + bar.close().toPlainString())
                .containsExactly("2024-01-02 185.64", "2024-01-03 184.25");
        assertThat(bars.get(0).symbol().value()).isEqualTo("AAPL");
    }

    @Test
    void reads_csv_files_in_ascending_order_within_the_window() {
        Path data = new Fixtures(dir).dataDir();

        StockHistory history = StockHistory.provider("csv").path(data.toString()).build();

        try (Stream<DailyBar> bars = history.dailyBars("BBB", LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 5))) {
            assertThat(bars.map(bar -> bar.date().toString())).containsExactly("2024-01-04", "2024-01-05");
        }
    }

    @Test
    void reads_several_symbols_one_after_the_other() {
        Path data = new Fixtures(dir).dataDir();
        StockHistory history = StockHistory.provider("csv").path(data.toString()).build();

        try (Stream<DailyBar> bars = history.dailyBars(List.of("bbb", "AAA"), LocalDate.of(2024, 1, 4),
                LocalDate.of(2024, 1, 5))) {
            assertThat(bars.map(bar -> bar.symbol() + " " + bar.date())).containsExactly(
                    "BBB 2024-01-04", "BBB 2024-01-05", "AAA 2024-01-04", "AAA 2024-01-05");
        }
    }

    @Test
    void failures_arrive_as_typed_exceptions() {
        iex.stubFor(get(urlPathMatching("/stock/ZZZZ/chart/.*")).willReturn(aResponse().withStatus(404).withBody("Unknown symbol")));
        iex.stubFor(get(urlPathMatching("/stock/AAPL/chart/.*")).willReturn(aResponse().withStatus(401)
                .withBody("The API key provided is not valid.")));
        StockHistory history = StockHistory.provider("iex").apiKey("test-token")
                .baseUrl("http://127.0.0.1:" + iex.getPort()).clock(Fixtures.CLOCK).build();
        LocalDate from = LocalDate.of(2024, 1, 2);
        LocalDate to = LocalDate.of(2024, 1, 3);

        assertThatThrownBy(() -> history.dailyBars("ZZZZ", from, to).toList()).isInstanceOf(UnknownSymbolException.class);
        assertThatThrownBy(() -> history.dailyBars("AAPL", from, to).toList())
                .isInstanceOf(RejectedCredentialsException.class);
    }

    @Test
    void settings_that_cannot_work_are_refused_when_built() {
        assertThatThrownBy(() -> StockHistory.provider("iex").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("provider.api_key");
        assertThatThrownBy(() -> StockHistory.provider("nasdaq").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("csv, iex");
    }
}
