package org.stockticker.application.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.stockticker.application.InvalidInputException;
import org.stockticker.application.port.in.ReadPricesUseCase;
import org.stockticker.application.port.out.BrokenAnswerException;
import org.stockticker.application.port.out.MessageSinkPort;
import org.stockticker.application.port.out.MessageSinkPort.FailureType;
import org.stockticker.application.port.out.MessageSinkPort.LogLevel;
import org.stockticker.application.port.out.MessageSinkPort.StreamStatus;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.RejectedCredentialsException;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.AdjustmentDrift;
import org.stockticker.domain.ConfiguredStream;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.StockPrices;
import org.stockticker.domain.StreamDefinition;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.SyncMode;
import org.stockticker.domain.SyncSettings;

/**
 * Reads the price stream symbol by symbol and owns the sync rules: each symbol's window from its cursor and
 * {@code lookback_days}, cursors that never move back, and a checkpoint after every symbol and every
 * {@code checkpointInterval} records, each covering exactly the records emitted before it.
 */
public final class ReadPricesService implements ReadPricesUseCase {

    /** Records between two checkpoints within one symbol, at most. */
    public static final int DEFAULT_CHECKPOINT_INTERVAL = 10_000;

    /**
     * Symbols read at once, ahead of the one being written (see {@link ReadAhead}): two reading threads and the
     * writing one keep two cores busy; more only contend for them (see BENCHMARKS.md).
     */
    public static final int DEFAULT_READ_AHEAD = 2;

    /**
     * How often one symbol is read before a broken answer ends the sync. The provider's client already retried each
     * request, so a request that failed is not tried again here; this covers what breaks after an answer began (a
     * body cut short or stalled, garbage instead of JSON), and each new try starts the day after the last bar
     * emitted, so nothing is emitted twice.
     */
    static final int SYMBOL_ATTEMPTS = 3;

    /** Trading days in a calendar year, for the row estimate. */
    private static final double TRADING_DAYS_PER_DAY = 252.0 / 365.0;

    private final PriceProviderPort provider;
    private final MessageSinkPort sink;
    private final int checkpointInterval;
    private final int readAhead;

    public ReadPricesService(PriceProviderPort provider, MessageSinkPort sink) {
        this(provider, sink, DEFAULT_CHECKPOINT_INTERVAL, DEFAULT_READ_AHEAD);
    }

    public ReadPricesService(PriceProviderPort provider, MessageSinkPort sink, int checkpointInterval) {
        this(provider, sink, checkpointInterval, DEFAULT_READ_AHEAD);
    }

    /**
     * A service that checkpoints at least every {@code checkpointInterval} records and reads up to
     * {@code readAhead} symbols ahead of the one being written, each on a thread of its own (0: each symbol is asked
     * for when its turn comes, on the caller's thread).
     */
    public ReadPricesService(PriceProviderPort provider, MessageSinkPort sink, int checkpointInterval,
            int readAhead) {
        if (checkpointInterval < 1) {
            throw new IllegalArgumentException("checkpointInterval must be at least 1");
        }
        if (readAhead < 0) {
            throw new IllegalArgumentException("readAhead must not be negative");
        }
        this.provider = provider;
        this.sink = sink;
        this.checkpointInterval = checkpointInterval;
        this.readAhead = readAhead;
    }

    @Override
    public boolean read(ReadCommand command) {
        List<ConfiguredStream> streams = command.catalog().streams();
        for (ConfiguredStream configured : streams) {
            Optional<String> problem = problemWith(configured);
            if (problem.isPresent()) {
                sink.error(FailureType.CONFIG, problem.get(), null);
                return false;
            }
        }
        if (streams.isEmpty()) {
            sink.log(LogLevel.WARN, "The configured catalog selects no stream: nothing to read");
        }
        boolean complete = true;
        for (ConfiguredStream configured : streams) {
            complete &= new StreamRead(configured, command).run();
        }
        return complete;
    }

    private static Optional<String> problemWith(ConfiguredStream configured) {
        Optional<StreamDefinition> definition = StockPrices.CATALOG.stream(configured.name());
        if (definition.isEmpty()) {
            return Optional.of("The configured catalog asks for stream '" + configured.name()
                    + "', which this source does not offer (it offers: " + StockPrices.STREAM_NAME + ")");
        }
        if (!definition.get().supports(configured.syncMode())) {
            return Optional.of("Stream " + configured.name() + " does not support sync mode "
                    + configured.syncMode().name().toLowerCase());
        }
        return Optional.empty();
    }

    /** The last bar on or before a symbol's cursor, and the newest bar after it: do they show an adjustment? */
    private static final class Adjustments {

        private final LocalDate cursor;
        private DailyBar atCursor;
        private DailyBar newest;

        Adjustments(LocalDate cursor) {
            this.cursor = cursor;
        }

        void saw(DailyBar bar) {
            if (cursor == null) {
                return;
            }
            if (bar.date().isAfter(cursor)) {
                newest = bar;
            } else {
                atCursor = bar;
            }
        }

        boolean changed() {
            return atCursor != null && newest != null && AdjustmentDrift.between(atCursor, newest);
        }
    }

    /** The read of one stream: its progress and checkpoints. */
    private final class StreamRead {

        private final String stream;
        private final SyncSettings settings;
        private final boolean incremental;
        private StreamState state;
        private long sinceCheckpoint;
        private boolean running;
        private LocalDate lastEmitted;
        // The symbol whose records since the last checkpoint are not yet in the state: folded in at the checkpoint,
        // rather than a new state per record.
        private Symbol reading;
        private LocalDate readTo;

        StreamRead(ConfiguredStream configured, ReadCommand command) {
            this.stream = configured.name();
            this.settings = command.settings();
            this.incremental = configured.syncMode() == SyncMode.INCREMENTAL;
            this.state = incremental ? command.state().expandedTo(settings.tickers()) : StreamState.empty();
        }

        boolean run() {
            Map<Symbol, DateWindow> plan = plan();
            sink.streamStatus(stream, StreamStatus.STARTED);
            sink.estimate(stream, estimateRows(plan));
            provider.onRateLimited(until -> sink.rateLimited(stream, until));
            if (readAhead == 0 || plan.isEmpty()) {
                return run(plan, null);
            }
            Map<Symbol, DateWindow> fetched = new LinkedHashMap<>();
            plan.forEach((symbol, window) -> fetched.put(symbol, fetchedWindow(symbol, window)));
            try (ReadAhead ahead = new ReadAhead(provider, fetched, readAhead)) {
                return run(plan, ahead);
            }
        }

        private boolean run(Map<Symbol, DateWindow> plan, ReadAhead ahead) {
            List<Symbol> unknown = new ArrayList<>();
            for (Symbol symbol : settings.tickers()) {
                DateWindow window = plan.get(symbol);
                if (window == null) {
                    sink.log(LogLevel.INFO, symbol + " is up to date (cursor " + state.cursor(symbol).orElseThrow()
                            + ", end_date " + settings.endDate() + "): nothing to read");
                    checkpoint();
                    continue;
                }
                try {
                    readSymbol(symbol, window, ahead);
                } catch (UnknownSymbolException e) {
                    unknown.add(symbol);
                    sink.log(LogLevel.WARN, e.getMessage() + "; reading the other tickers");
                } catch (RejectedCredentialsException | InvalidInputException e) {
                    return fail(FailureType.CONFIG, e.getMessage(), null);
                } catch (ProviderUnavailableException e) {
                    return fail(FailureType.TRANSIENT, "Provider " + provider.name() + " failed while reading "
                            + symbol + ": " + e.getMessage() + ". Everything read before has been checkpointed;"
                            + " the next sync resumes from there", e);
                } catch (RuntimeException e) {
                    return fail(FailureType.SYSTEM, "Reading " + symbol + " from provider " + provider.name()
                            + " failed unexpectedly (" + e.getClass().getSimpleName() + ")", e);
                }
                checkpoint();
            }
            if (!unknown.isEmpty()) {
                return fail(FailureType.CONFIG, Tickers.unknownMessage(unknown, provider.name())
                        + "; the other tickers were read", null);
            }
            sink.streamStatus(stream, StreamStatus.COMPLETE);
            return true;
        }

        private Map<Symbol, DateWindow> plan() {
            Map<Symbol, DateWindow> plan = new LinkedHashMap<>();
            for (Symbol symbol : settings.tickers()) {
                windowOf(symbol).ifPresent(window -> plan.put(symbol, window));
            }
            return plan;
        }

        private Optional<DateWindow> windowOf(Symbol symbol) {
            Optional<LocalDate> cursor = incremental ? state.cursor(symbol) : Optional.empty();
            if (cursor.isEmpty()) {
                return Optional.of(settings.window());
            }
            LocalDate from = cursor.get().plusDays(1).minusDays(settings.lookbackDays());
            if (from.isBefore(settings.startDate())) {
                from = settings.startDate();
            }
            return DateWindow.between(from, settings.endDate());
        }

        /**
         * Reads {@code symbol} over {@code window}. An incremental read with a cursor also asks for the cursor's
         * own day, not to emit it but to compare its adjusted close with the newest bar's: when they show a split
         * or dividend in between, the symbol's whole history is read again, so that the adjusted closes synced
         * before are overwritten downstream.
         */
        private void readSymbol(Symbol symbol, DateWindow window, ReadAhead ahead) {
            Optional<LocalDate> cursor = incremental ? state.cursor(symbol) : Optional.empty();
            Adjustments adjustments = new Adjustments(cursor.orElse(null));
            readWithRetries(symbol, fetchedWindow(symbol, window), window.from(), adjustments, ahead);
            if (adjustments.changed()) {
                sink.log(LogLevel.INFO, "The adjusted closes of " + symbol + " changed since " + cursor.orElseThrow()
                        + " (a split or dividend): reading its whole history again from " + settings.startDate()
                        + " so that the adjusted closes synced before are corrected");
                readWithRetries(symbol, settings.window(), settings.startDate(), new Adjustments(null), null);
            }
        }

        /** The days asked of the provider for {@code window}: with the cursor's own day as the drift anchor. */
        private DateWindow fetchedWindow(Symbol symbol, DateWindow window) {
            Optional<LocalDate> cursor = incremental ? state.cursor(symbol) : Optional.empty();
            return settings.rereadOnAdjustment() && cursor.isPresent()
                    && cursor.get().isBefore(window.from()) && !cursor.get().isBefore(settings.startDate())
                    ? new DateWindow(cursor.get(), window.to()) : window;
        }

        /** Reads {@code window}, the first time from {@code ahead} when given, any later time from the provider. */
        private void readWithRetries(Symbol symbol, DateWindow window, LocalDate emitFrom, Adjustments adjustments,
                ReadAhead ahead) {
            lastEmitted = null;
            Optional<DateWindow> remaining = Optional.of(window);
            for (int attempt = 1; remaining.isPresent(); attempt++) {
                try {
                    readBars(symbol, attempt == 1 && ahead != null ? ahead.bars(symbol)
                            : provider.dailyBars(symbol, remaining.get()), remaining.get(), emitFrom, adjustments);
                    return;
                } catch (BrokenAnswerException e) {
                    if (attempt >= SYMBOL_ATTEMPTS) {
                        throw e;
                    }
                    remaining = lastEmitted == null ? remaining
                            : DateWindow.between(lastEmitted.plusDays(1), window.to());
                    sink.log(LogLevel.WARN, "Reading " + symbol + " from provider " + provider.name() + " failed ("
                            + e.getMessage() + "); reading it again" + remaining.map(w -> " from " + w.from())
                            .orElse("") + ", attempt " + (attempt + 1) + " of " + SYMBOL_ATTEMPTS);
                }
            }
        }

        private void readBars(Symbol symbol, Stream<DailyBar> source, DateWindow window, LocalDate emitFrom,
                Adjustments adjustments) {
            try (Stream<DailyBar> bars = BarOrder.ascendingWithin(source, window,
                    warning -> sink.log(LogLevel.WARN, warning))) {
                Iterator<DailyBar> it = bars.iterator();
                while (it.hasNext()) {
                    DailyBar bar = it.next();
                    adjustments.saw(bar);
                    if (bar.date().isBefore(emitFrom)) {
                        continue;
                    }
                    if (!running) {
                        sink.streamStatus(stream, StreamStatus.RUNNING);
                        running = true;
                    }
                    sink.record(stream, bar, provider.name());
                    lastEmitted = bar.date();
                    reading = symbol;
                    readTo = bar.date();
                    if (++sinceCheckpoint >= checkpointInterval) {
                        checkpoint();
                    }
                }
            }
        }

        /** A STATE covering every record emitted so far: the state, moved to the last bar of the symbol in reading. */
        private void checkpoint() {
            if (reading != null) {
                state = state.advance(reading, readTo);
                reading = null;
            }
            sink.state(stream, state, sinceCheckpoint);
            sinceCheckpoint = 0;
        }

        private boolean fail(FailureType type, String message, Throwable cause) {
            checkpoint();
            sink.streamStatus(stream, StreamStatus.INCOMPLETE);
            sink.error(type, message, cause);
            return false;
        }

        private long estimateRows(Map<Symbol, DateWindow> plan) {
            double days = plan.values().stream().mapToLong(DateWindow::days).sum();
            return Math.round(days * TRADING_DAYS_PER_DAY);
        }
    }
}
