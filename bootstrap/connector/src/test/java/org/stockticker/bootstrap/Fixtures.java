package org.stockticker.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Files a test hands to the connector: CSV prices with known values, configs, catalogs and states. */
final class Fixtures {

    /** "Today" for every in-process run: after all fixture data. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-02-01T15:00:00Z"), ZoneOffset.UTC);

    static final String AAA_CSV = """
            Date,Open,High,Low,Close,Adj Close,Volume
            2024-01-02,185.6400,188.4400,183.8900,185.6400,184.9300,82488700
            2024-01-03,184.2200,185.8800,183.4300,184.2500,183.5400,58414500
            2024-01-04,182.1500,183.0872,180.8800,181.9100,181.2100,71983600
            2024-01-05,181.9900,182.7600,180.1700,181.1800,180.4800,62303300
            2024-01-08,182.0850,185.6000,181.5000,185.5600,184.8500,59144500
            """;

    // Descending, as some exports are, with an empty open and no adjusted close column.
    static final String BBB_CSV = """
            Date,Open,High,Low,Close,Volume
            2024-01-05,,10.5,9.75,10.1,1200
            2024-01-04,9.9,10.2,9.8,10.0,1000
            2024-01-03,9.5,9.95,9.4,9.9,900
            """;

    static final int AAA_ROWS = 5;
    static final int BBB_ROWS = 3;

    private final Path dir;

    Fixtures(Path dir) {
        this.dir = dir;
    }

    Path dataDir() {
        Path data = dir.resolve("data");
        write(data.resolve("AAA.csv"), AAA_CSV);
        write(data.resolve("BBB.csv"), BBB_CSV);
        return data;
    }

    Path csvConfig(String tickersJson) {
        return file("config.json", """
                {"tickers": %s, "start_date": "2024-01-01", "end_date": "2024-01-31",
                 "provider": {"name": "csv", "path": "%s"}}
                """.formatted(tickersJson, dataDir().toString().replace("\\", "\\\\")));
    }

    Path csvConfig() {
        return csvConfig("[\"AAA\", \"bbb\"]");
    }

    Path catalog(String syncMode) {
        return file("catalog-" + syncMode + ".json", catalogJson("stock_prices", syncMode));
    }

    static String catalogJson(String stream, String syncMode) {
        return """
                {"streams": [{
                  "stream": {"name": "%s", "json_schema": {"type": "object"},
                             "supported_sync_modes": ["full_refresh", "incremental"]},
                  "sync_mode": "%s", "destination_sync_mode": "append_dedup",
                  "cursor_field": ["date"], "primary_key": [["symbol"], ["date"]]}]}
                """.formatted(stream, syncMode);
    }

    Path file(String name, String content) {
        Path path = dir.resolve(name);
        write(path, content);
        return path;
    }

    private static void write(Path path, String content) {
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
