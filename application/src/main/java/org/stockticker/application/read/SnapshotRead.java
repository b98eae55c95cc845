package org.stockticker.application.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.stockticker.application.port.in.ReadOutcome.ReadFailure;
import org.stockticker.application.port.in.ReadOutcome.StreamOutcome;
import org.stockticker.application.port.in.ReadStoppedException;
import org.stockticker.application.port.in.StopSignal;
import org.stockticker.application.port.in.UnknownTickersException;
import org.stockticker.application.port.out.ReadReportPort;
import org.stockticker.application.port.out.ReadReportPort.LogLevel;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.application.port.out.UnreadableSymbolException;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.SyncSettings;

/**
 * The read of a stream without a cursor, such as {@code tickers}: every record, every time. Listed tickers are read
 * a symbol at a time, an unknown one named at the end without stopping the others; the whole market is read at once
 * where the provider lists it. A checkpoint (an empty state: there is nothing to resume from) follows each symbol and
 * at least every {@code checkpointInterval} records.
 */
public final class SnapshotRead<R> {

    private final ReadableStream<R> stream;
    private final SyncSettings settings;
    private final String provider;
    private final ReadReportPort report;
    private final StreamReport<R> progress;

    public SnapshotRead(ReadableStream<R> stream, SyncSettings settings, String provider, ReadReportPort report,
            int checkpointInterval) {
        this.stream = stream;
        this.settings = settings;
        this.provider = provider;
        this.report = report;
        this.progress = new StreamReport<>(stream.definition(), StreamState.empty(), settings.wholeMarket(),
                provider, report, checkpointInterval);
    }

    public StreamOutcome run(StopSignal stop) {
        try (StopSignal.Registration onStop = stop.onRequest(progress::stop)) {
            progress.started();
            stream.source().onRateLimited(progress::rateLimited);
            return settings.wholeMarket() ? readEverySymbol(stop) : readListed(stop);
        }
    }

    private StreamOutcome readListed(StopSignal stop) {
        report.log(LogLevel.INFO, "Read plan for " + stream.name() + ": " + settings.tickers().size()
                + (settings.tickers().size() == 1 ? " symbol" : " symbols") + ", read in full");
        progress.estimate(settings.tickers().size());
        List<Symbol> unknown = new ArrayList<>();
        Map<Symbol, String> unreadable = new LinkedHashMap<>();
        for (Symbol symbol : settings.tickers()) {
            if (stop.requested()) {
                return fail(symbol, new ReadStoppedException());
            }
            try (Stream<R> records = stream.source().read(new Partition(symbol, settings.window()))) {
                records.forEach(record -> progress.record(symbol, null, record));
            } catch (UnknownSymbolException e) {
                unknown.add(symbol);
                report.log(LogLevel.WARN, e.getMessage() + "; reading the other tickers");
            } catch (UnreadableSymbolException e) {
                unreadable.put(symbol, e.getMessage());
                report.log(LogLevel.WARN, e.getMessage() + "; reading the other tickers");
            } catch (RuntimeException | Error e) {
                return fail(symbol, e);
            }
            progress.checkpoint();
        }
        if (!unknown.isEmpty() || !unreadable.isEmpty()) {
            return fail(null, new UnknownTickersException(unknown, unreadable, provider,
                    "; the other tickers were read"));
        }
        progress.complete();
        return StreamOutcome.complete(stream.name());
    }

    private StreamOutcome readEverySymbol(StopSignal stop) {
        EverySymbolSource<R> every = stream.everySymbol().orElseThrow();
        report.log(LogLevel.INFO, "Read plan for " + stream.name() + ": every listing of the whole market at once");
        List<R> records = new ArrayList<>();
        try (Stream<R> all = every.from(settings.startDate())) {
            all.forEach(records::add);
        } catch (RuntimeException | Error e) {
            return fail(null, e);
        }
        // A stable sort keeps the first record of a symbol (an active listing, listed first) ahead of a later one.
        records.sort(Comparator.comparing(every::symbolOf));
        List<R> unique = new ArrayList<>(records.size());
        for (R record : records) {
            if (unique.isEmpty() || !every.symbolOf(unique.get(unique.size() - 1)).equals(every.symbolOf(record))) {
                unique.add(record);
            }
        }
        if (unique.size() < records.size()) {
            int repeated = records.size() - unique.size();
            report.log(LogLevel.WARN, "The provider listed " + repeated + (repeated == 1 ? " symbol" : " symbols")
                    + " more than once; the first listing of each was kept");
        }
        records = unique;
        progress.estimate(records.size());
        try {
            for (R record : records) {
                if (stop.requested()) {
                    return fail(null, new ReadStoppedException());
                }
                progress.record(every.symbolOf(record), null, record);
            }
        } catch (RuntimeException | Error e) {
            return fail(null, e);
        }
        progress.checkpoint();
        progress.complete();
        return StreamOutcome.complete(stream.name());
    }

    private StreamOutcome fail(Symbol symbol, Throwable cause) {
        progress.incomplete();
        return new StreamOutcome(stream.name(), Optional.of(new ReadFailure(stream.name(), symbol, provider, cause)));
    }
}
