package org.stockticker.application.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.read.AdjustedCloseDrift;
import org.stockticker.application.read.PriceDays;
import org.stockticker.application.read.PriceSource;
import org.stockticker.application.read.ReadPlanner;
import org.stockticker.application.read.ReadAheadSource;
import org.stockticker.application.read.ReadableStream;
import org.stockticker.application.read.RecordSource;
import org.stockticker.application.read.RereadingSource;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.StockPrices;
import org.stockticker.domain.UsTradingCalendar;

/** The read service as the connector wires it: the price stream, read ahead on {@code readAhead} threads or not. */
final class Reads {

    /** Today for the reads of the tests: 2026-06-30, after every day the tests ask for. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T20:00:00Z"), ZoneOffset.UTC);

    private Reads() {
    }

    static ReadService service(PriceProviderPort provider, RecordingReport report, int checkpointInterval,
            int readAhead) {
        RecordSource<DailyBar> source = new PriceSource(provider);
        if (readAhead > 0) {
            source = new ReadAheadSource<>(source, daemons(readAhead), readAhead);
        }
        source = new RereadingSource<>(source, DailyBar::date, provider.name(), report);
        return new ReadService(provider.name(), new ReadPlanner(provider.reach(), new UsTradingCalendar(), CLOCK),
                List.of(new ReadableStream<>(StockPrices.STREAM, source,
                        provider.reach().marketDays() ? Optional.of(new PriceDays(provider)) : Optional.empty(),
                        Optional.of(new AdjustedCloseDrift()))),
                report, checkpointInterval);
    }

    private static Executor daemons(int threads) {
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "test-read-ahead");
            thread.setDaemon(true);
            return thread;
        });
    }
}
