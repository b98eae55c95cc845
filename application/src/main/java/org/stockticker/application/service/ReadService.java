package org.stockticker.application.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.in.ReadOutcome;
import org.stockticker.application.port.in.ReadOutcome.ReadFailure;
import org.stockticker.application.port.in.ReadOutcome.StreamOutcome;
import org.stockticker.application.port.in.ReadUseCase;
import org.stockticker.application.port.out.QuotaSpentException;
import org.stockticker.application.port.out.ReadReportPort;
import org.stockticker.application.port.out.ReadReportPort.LogLevel;
import org.stockticker.application.port.out.ReadReportPort.StreamStatus;
import org.stockticker.application.read.ReadPlanner;
import org.stockticker.application.read.ReadableStream;
import org.stockticker.application.read.SnapshotRead;
import org.stockticker.application.read.StreamRead;
import org.stockticker.domain.ConfiguredStream;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.SyncMode;

/**
 * Reads the configured streams one after the other, each by the same rules (see {@link StreamRead}): the catalog is
 * checked whole before anything is read, a stream that fails leaves the others to be read, and once a stop is
 * requested no further stream starts. A stream stopped by a spent quota ({@link QuotaSpentException}) ends the
 * reading: no further request could be made before the quota resets, so each stream after it is started,
 * checkpointed with the state it came with and ended INCOMPLETE without a request, and the next sync resumes every
 * stream where it stood. Their outcomes carry that same failure, which the read reports once.
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
        Optional<ReadFailure> spent = Optional.empty();
        for (ConfiguredStream stream : configured) {
            if (command.stop().requested()) {
                break;
            }
            if (spent.isPresent()) {
                outcomes.add(notRead(streams.get(stream.name()), stream.syncMode(), command, spent.get()));
                continue;
            }
            StreamOutcome outcome = read(streams.get(stream.name()), stream.syncMode(), command);
            outcomes.add(outcome);
            spent = outcome.failure().filter(failure -> failure.cause() instanceof QuotaSpentException);
        }
        return new ReadOutcome(outcomes);
    }

    /**
     * A stream left unread because {@code spent} ended the reading: started, checkpointed with the state it came
     * with (less the cursors of symbols no longer configured) and ended INCOMPLETE.
     */
    private StreamOutcome notRead(ReadableStream<?> stream, SyncMode mode, ReadCommand command, ReadFailure spent) {
        report.status(stream.name(), StreamStatus.STARTED);
        report.log(LogLevel.INFO, "Stream " + stream.name() + " is not read in this sync: provider " + provider
                + "'s quota is spent (see the error); it keeps its state for the next sync");
        StreamState state = !stream.definition().hasCursor() ? StreamState.empty()
                : StreamRead.startingState(command.state().of(stream.name()), command.settings(),
                        mode == SyncMode.INCREMENTAL);
        report.checkpoint(stream.name(), state, 0);
        report.status(stream.name(), StreamStatus.INCOMPLETE);
        return new StreamOutcome(stream.name(),
                Optional.of(new ReadFailure(stream.name(), null, provider, spent.cause())));
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
            throw new InvalidInputException("Stream " + configured.name() + ": "
                    + InvalidInputException.wholeMarketRefused(provider, "massive"));
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
