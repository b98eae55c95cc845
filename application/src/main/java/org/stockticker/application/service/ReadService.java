package org.stockticker.application.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.in.ReadOutcome;
import org.stockticker.application.port.in.ReadOutcome.StreamOutcome;
import org.stockticker.application.port.in.ReadUseCase;
import org.stockticker.application.port.out.ReadReportPort;
import org.stockticker.application.port.out.ReadReportPort.LogLevel;
import org.stockticker.application.read.ReadPlanner;
import org.stockticker.application.read.ReadableStream;
import org.stockticker.application.read.SnapshotRead;
import org.stockticker.application.read.StreamRead;
import org.stockticker.domain.ConfiguredStream;
import org.stockticker.domain.SyncMode;

/**
 * Reads the configured streams one after the other, each by the same rules (see {@link StreamRead}): the catalog is
 * checked whole before anything is read, a stream that fails leaves the others to be read, and once a stop is
 * requested no further stream starts.
 */
public final class ReadService implements ReadUseCase {

    /** Records between two checkpoints within one symbol, at most. */
    public static final int DEFAULT_CHECKPOINT_INTERVAL = 10_000;

    private final String provider;
    private final ReadPlanner planner;
    private final Map<String, ReadableStream<?>> streams = new LinkedHashMap<>();
    private final ReadReportPort report;
    private final int checkpointInterval;

    /**
     * A read of {@code streams}, whose records come from {@code provider}, planned by {@code planner}, reported to
     * {@code report}, with a checkpoint at least every {@code checkpointInterval} records.
     */
    public ReadService(String provider, ReadPlanner planner, List<ReadableStream<?>> streams, ReadReportPort report,
            int checkpointInterval) {
        if (checkpointInterval < 1) {
            throw new IllegalArgumentException("checkpointInterval must be at least 1");
        }
        for (ReadableStream<?> stream : streams) {
            this.streams.put(stream.name(), stream);
        }
        this.provider = provider;
        this.planner = planner;
        this.report = report;
        this.checkpointInterval = checkpointInterval;
    }

    @Override
    public ReadOutcome read(ReadCommand command) {
        List<ConfiguredStream> configured = command.catalog().streams();
        configured.forEach(this::requireOffered);
        if (command.settings().wholeMarket()) {
            configured.forEach(this::requireWholeMarket);
        }
        if (configured.isEmpty()) {
            report.log(LogLevel.WARN, "The configured catalog selects no stream: nothing to read");
        }
        List<StreamOutcome> outcomes = new ArrayList<>();
        for (ConfiguredStream stream : configured) {
            if (command.stop().requested()) {
                break;
            }
            outcomes.add(read(streams.get(stream.name()), stream.syncMode(), command));
        }
        return new ReadOutcome(outcomes);
    }

    private <R> StreamOutcome read(ReadableStream<R> stream, SyncMode mode, ReadCommand command) {
        if (!stream.definition().hasCursor()) {
            return new SnapshotRead<>(stream, command.settings(), provider, report, checkpointInterval)
                    .run(command.stop());
        }
        return new StreamRead<>(stream, command.settings(), mode == SyncMode.INCREMENTAL,
                command.state().of(stream.name()), provider, planner, report, checkpointInterval)
                .run(command.stop());
    }

    private void requireWholeMarket(ConfiguredStream configured) {
        ReadableStream<?> stream = streams.get(configured.name());
        boolean byDay = stream.days().isPresent() && planner.reach().marketDays();
        if (!byDay && stream.everySymbol().isEmpty()) {
            throw new InvalidInputException("tickers [\"*\"] asks for the whole market, which provider " + provider
                    + " cannot answer for stream " + configured.name() + ": it answers one symbol per request; name"
                    + " the tickers, or use a provider that answers every symbol of a day at once (massive)");
        }
    }

    private void requireOffered(ConfiguredStream configured) {
        ReadableStream<?> stream = streams.get(configured.name());
        if (stream == null) {
            throw new InvalidInputException("The configured catalog asks for stream '" + configured.name()
                    + "', which provider " + provider + " does not serve (with " + provider + " this source offers: "
                    + String.join(", ", streams.keySet()) + ")");
        }
        if (!stream.definition().supports(configured.syncMode())) {
            throw new InvalidInputException("Stream " + configured.name() + " does not support sync mode "
                    + configured.syncMode().name().toLowerCase());
        }
    }
}
