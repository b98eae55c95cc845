package org.stockticker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the bundled sample's events beside its prices (AAPL's 4-for-1 split of 2020-08-31), an incremental read knows
 * before any price is read which symbols' adjusted closes changed since their cursors: those are read whole, once,
 * and the estimate counts them.
 */
class EventDrivenRereadTest {

    private static final Path SAMPLE = Path.of("../..", "examples", "data").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void a_split_after_the_cursor_reads_that_symbols_whole_history_once_and_the_estimate_counts_it() {
        Fixtures fixtures = new Fixtures(dir);
        Path config = fixtures.file("config.json", """
                {"tickers": ["AAPL", "MSFT"], "start_date": "2020-08-03", "end_date": "2020-09-04",
                 "provider": {"name": "csv", "path": "%s"}}
                """.formatted(SAMPLE.toString().replace("\\", "\\\\")));
        Path state = fixtures.file("state.json", """
                [{"type":"STREAM","stream":{"stream_descriptor":{"name":"stock_prices"},"stream_state":{"states":[
                  {"partition":{"symbol":"AAPL"},"cursor":{"date":"2020-08-28"}},
                  {"partition":{"symbol":"MSFT"},"cursor":{"date":"2020-08-28"}}]}}}]""");

        ConnectorRun run = ConnectorRun.of(Fixtures.CLOCK, "read", "--config", config.toString(),
                "--catalog", fixtures.catalog("incremental").toString(), "--state", state.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String> aapl = run.records().stream().map(r -> r.get("data"))
                .filter(d -> d.get("symbol").asText().equals("AAPL")).map(d -> d.get("date").asText()).toList();
        List<String> msft = run.records().stream().map(r -> r.get("data"))
                .filter(d -> d.get("symbol").asText().equals("MSFT")).map(d -> d.get("date").asText()).toList();
        // 2020-08-03..2020-09-04 holds 25 trading days; MSFT reads only the five after its cursor.
        assertThat(aapl).hasSize(25).startsWith("2020-08-03").endsWith("2020-09-04");
        assertThat(msft).containsExactly("2020-08-31", "2020-09-01", "2020-09-02", "2020-09-03", "2020-09-04");
        assertThat(run.logs("INFO")).anySatisfy(log -> assertThat(log).startsWith(
                "A split of AAPL on 2020-08-31 (1 shares became 4) changed its adjusted closes synced up to 2020-08-28:"
                + " reading its whole history again from 2020-08-03"));
        JsonNode estimate = run.traces("ESTIMATE").get(0).get("estimate");
        assertThat(estimate.get("row_estimate").asLong()).isEqualTo(25 + 5);
    }
}
