package org.stockticker.application.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
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
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.StreamDefinition;
import org.stockticker.domain.StreamField;
import org.stockticker.domain.StreamState;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.SyncSettings;

/**
 * The read of one dated stream: each symbol's window from its cursor and {@code lookback_days}, read with the
 * fewest requests ({@link ReadPlanner}: a symbol at a time, or a trading day at a time for every symbol at once),
 * cursors that never move back, a checkpoint after every symbol or day, the stream's status and estimate, a
 * re-read of a symbol's whole history when the stream's {@link RereadRule} says its records changed, and a clean
 * end when the read is stopped from another thread. The whole market is read a day at a time from one cursor.
 */
public final class StreamRead<R> {

    private final ReadableStream<R> stream;
    private final SyncSettings settings;
    private final boolean incremental;
    private final String provider;
    private final ReadPlanner planner;
    private final ReadReportPort report;
    private final StreamReport<R> progress;
    private final Function<R, LocalDate> dayOf;
    private final Function<R, ?> keyOf;
    private final int dropped;

    /**
     * A read of {@code stream} for {@code settings}, from {@code state} when {@code incremental}, planned by
     * {@code planner}, checkpointing at least every {@code checkpointInterval} records. The cursors of symbols no
     * longer configured are dropped; so are the per-symbol cursors of a whole-market read, which keeps one.
     */
    public StreamRead(ReadableStream<R> stream, SyncSettings settings, boolean incremental, StreamState state,
            String provider, ReadPlanner planner, ReadReportPort report, int checkpointInterval) {
        this.stream = stream;
        this.settings = settings;
        this.incremental = incremental;
        this.provider = provider;
        this.planner = planner;
        this.report = report;
        StreamDefinition<R> definition = stream.definition();
        StreamField<R> cursor = definition.cursor();
        this.dayOf = record -> (LocalDate) cursor.valueOf(record, null);
        // Within one symbol's partition, a record is told apart by its primary key's other fields: its day alone for a
        // stream of one record a day, its day and kind for dividends.
        List<StreamField<R>> key = definition.fields().stream()
                .filter(field -> definition.primaryKey().contains(field.name()) && !field.name().equals("symbol"))
                .toList();
        this.keyOf = key.size() == 1 && key.get(0).name().equals(definition.cursorField()) ? dayOf::apply
                : record -> key.stream().map(field -> field.valueOf(record, null)).toList();
        StreamState expanded = !incremental ? StreamState.empty()
                : settings.wholeMarket() ? state : state.expandedTo(settings.tickers());
        StreamState initial = startingState(state, settings, incremental);
        this.dropped = expanded.cursors().size() - initial.cursors().size();
        this.progress = new StreamReport<>(definition, initial, settings.wholeMarket(), provider, report,
                checkpointInterval);
    }

    /**
     * The state a read of a dated stream starts from: none for a full refresh; else {@code state}, one cursor per
     * configured symbol (a cursor for every symbol given to each, but in a whole-market read, which keeps one),
     * without the cursors of symbols no longer configured.
     */
    public static StreamState startingState(StreamState state, SyncSettings settings, boolean incremental) {
        StreamState expanded = !incremental ? StreamState.empty()
                : settings.wholeMarket() ? state : state.expandedTo(settings.tickers());
        return expanded.retainOnly(settings.tickers());
    }

    /**
     * Reads the stream: every symbol or day of its plan, or up to the failure that stopped it, after a checkpoint.
     * When {@code stop} is requested, the stream is checkpointed and ended at once, on the requesting thread.
     */
    public StreamOutcome run(StopSignal stop) {
        if (dropped > 0) {
            report.log(LogLevel.INFO, "Dropped the " + stream.name() + " cursors of " + dropped
                    + (dropped == 1 ? " symbol" : " symbols") + (settings.wholeMarket()
                    ? ": the whole market is read from one cursor for every symbol" : " no longer in tickers"));
        }
        // Registered before the stream's first message, so that a stop at any point after it ends the stream.
        try (StopSignal.Registration onStop = stop.onRequest(progress::stop)) {
            progress.started();
            stream.source().onRateLimited(progress::rateLimited);
            if (settings.wholeMarket()) {
                return stream.days().isPresent() ? readWholeMarket(stop) : readWholeMarketAtOnce(stop);
            }
            Map<Symbol, String> changed;
            try {
                changed = changedHistories();
            } catch (RuntimeException | Error e) {
                return fail(null, e);
            }
            changed.forEach((symbol, reason) -> report.log(LogLevel.INFO, reason + ": reading its whole history"
                    + " again from " + settings.startDate() + " so that the records synced before are corrected"));
            Map<Symbol, LocalDate> anchors = new HashMap<>();
            Map<Symbol, DateWindow> windows = new LinkedHashMap<>();
            for (Symbol symbol : settings.tickers()) {
                if (changed.containsKey(symbol)) {
                    windows.put(symbol, settings.window());
                    continue;
                }
                windowOf(symbol).ifPresent(window -> {
                    windows.put(symbol, window);
                    anchorOf(symbol, window).ifPresent(anchor -> anchors.put(symbol, anchor));
                });
            }
            ReadPlan plan = planner.plan(windows, anchors, stream.days().isPresent());
            report.log(LogLevel.INFO, planner.describe(stream.name(), plan, stream.recordsPerTradingDay()));
            progress.estimate(Math.round(plan.expectedRecords() * stream.recordsPerTradingDay()));
            if (plan instanceof ReadPlan.ByDay byDay) {
                return readByDay(byDay, windows, stop);
            }
            return readBySymbol((ReadPlan.BySymbol) plan, windows, stop);
        }
    }

    private StreamOutcome readBySymbol(ReadPlan.BySymbol plan, Map<Symbol, DateWindow> windows, StopSignal stop) {
        List<Partition> requests = new ArrayList<>();
        for (Symbol symbol : settings.tickers()) {
            DateWindow requested = plan.requests().get(symbol);
            if (requested != null) {
                requests.add(new Partition(symbol, requested));
            }
        }
        List<Symbol> unknown = new ArrayList<>();
        Map<Symbol, String> unreadable = new LinkedHashMap<>();
        try (RecordSource.Batch<R> batch = stream.source().batch(requests)) {
            for (Symbol symbol : settings.tickers()) {
                if (stop.requested()) {
                    return fail(symbol, new ReadStoppedException());
                }
                DateWindow requested = plan.requests().get(symbol);
                if (requested == null) {
                    nothingToRead(symbol, windows.get(symbol));
                    progress.checkpoint();
                    continue;
                }
                try {
                    readSymbol(symbol, requested, plan.emitted().get(symbol).from(), batch);
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
        }
        return completeUnlessUnknown(unknown, unreadable);
    }

    private void nothingToRead(Symbol symbol, DateWindow window) {
        if (window == null) {
            report.log(LogLevel.INFO, symbol + " is up to date (cursor " + cursor(symbol).orElseThrow()
                    + ", end_date " + settings.endDate() + "): nothing to read");
        } else {
            report.log(LogLevel.INFO, symbol + ": " + window + " holds no trading day the provider can answer yet:"
                    + " nothing to read");
        }
    }

    /**
     * Reads every listed symbol a trading day at a time, each day's answer kept for the symbols whose window holds
     * the day, in ascending order of symbols, with a checkpoint after each day.
     */
    private StreamOutcome readByDay(ReadPlan.ByDay plan, Map<Symbol, DateWindow> windows, StopSignal stop) {
        DaySource<R> days = stream.days().orElseThrow();
        Map<Symbol, RereadRule.Watch<R>> watches = new HashMap<>();
        if (watchesForRereads()) {
            plan.requests().forEach((symbol, requested) -> {
                if (requested.from().isBefore(plan.emitted().get(symbol).from())) {
                    watches.put(symbol, stream.reread().orElseThrow().watch(requested.from()));
                }
            });
        }
        DayGaps.Tracker gaps = new DayGaps.Tracker(plan.days());
        for (int i = 0; i < plan.days().size(); i++) {
            if (stop.requested()) {
                return fail(null, new ReadStoppedException());
            }
            LocalDate day = plan.days().get(i);
            List<R> kept;
            try {
                kept = dayOf(days, day, gaps, i, record -> {
                    DateWindow requested = plan.requests().get(days.symbolOf(record));
                    return requested != null && requested.contains(day);
                });
                for (R record : kept) {
                    Symbol symbol = days.symbolOf(record);
                    RereadRule.Watch<R> watch = watches.get(symbol);
                    if (watch != null) {
                        watch.saw(record);
                    }
                    if (plan.emitted().get(symbol).contains(day)) {
                        progress.record(symbol, day, record);
                        gaps.saw(symbol, i);
                    }
                }
            } catch (RuntimeException | Error e) {
                return fail(null, e);
            }
            progress.checkpoint();
        }
        tellGaps(gaps);
        try {
            for (Symbol symbol : settings.tickers()) {
                RereadRule.Watch<R> watch = watches.get(symbol);
                if (watch != null && watch.changed()) {
                    readWholeHistory(symbol, watch);
                    progress.checkpoint();
                }
            }
        } catch (RuntimeException | Error e) {
            return fail(null, e);
        }
        List<Symbol> unknown = new ArrayList<>();
        for (Symbol symbol : settings.tickers()) {
            if (!plan.emitted().containsKey(symbol)) {
                nothingToRead(symbol, windows.get(symbol));
            } else if (!gaps.sawAny(symbol)) {
                try {
                    days.verify(symbol);
                } catch (UnknownSymbolException e) {
                    unknown.add(symbol);
                    report.log(LogLevel.WARN, e.getMessage());
                } catch (RuntimeException | Error e) {
                    return fail(symbol, e);
                }
            }
        }
        return completeUnlessUnknown(unknown, Map.of());
    }

    /** Reads every symbol of the market a trading day at a time, from the one cursor of the stream. */
    private StreamOutcome readWholeMarket(StopSignal stop) {
        Optional<Symbol> through = progress.state().everySymbolThrough();
        LocalDate from = wholeMarketFrom();
        Optional<DateWindow> window = DateWindow.between(from, settings.endDate());
        ReadPlan.WholeMarket plan = planner.planWholeMarket(window.orElse(new DateWindow(from, from)),
                settings.lookbackDays() == 0 ? through.orElse(null) : null);
        if (window.isEmpty()) {
            plan = new ReadPlan.WholeMarket(List.of(), null);
        }
        report.log(LogLevel.INFO, planner.describe(stream.name(), plan));
        DaySource<R> days = stream.days().orElseThrow();
        DayGaps.Tracker gaps = new DayGaps.Tracker(plan.days());
        boolean estimated = false;
        for (int i = 0; i < plan.days().size(); i++) {
            if (stop.requested()) {
                return fail(null, new ReadStoppedException());
            }
            LocalDate day = plan.days().get(i);
            Symbol after = i == 0 ? plan.resumeAfter() : null;
            try {
                List<R> kept = dayOf(days, day, gaps, i,
                        record -> after == null || days.symbolOf(record).compareTo(after) > 0);
                if (!estimated && !gaps.isUnanswered(i)) {
                    progress.estimate((long) kept.size() * plan.days().size());
                    estimated = true;
                }
                for (R record : kept) {
                    Symbol symbol = days.symbolOf(record);
                    progress.record(symbol, day, record);
                    gaps.saw(symbol, i);
                }
            } catch (RuntimeException | Error e) {
                return fail(null, e);
            }
            if (gaps.isUnanswered(i)) {
                progress.checkpoint();
            } else {
                progress.checkpointDay(day);
            }
        }
        if (!estimated) {
            progress.estimate(0);
        }
        tellGaps(gaps);
        progress.complete();
        return StreamOutcome.complete(stream.name());
    }

    /**
     * The first day a whole-market read asks for: the day after the stream's one cursor (the cursor's own day when it
     * was read part way), less {@code lookback_days}, and never before {@code start_date}.
     */
    private LocalDate wholeMarketFrom() {
        Optional<Symbol> through = progress.state().everySymbolThrough();
        return progress.state().everySymbolCursor().map(day -> through.isPresent() ? day : day.plusDays(1))
                .map(day -> day.minusDays(settings.lookbackDays()))
                .filter(day -> day.isAfter(settings.startDate()))
                .orElse(settings.startDate());
    }

    /**
     * Reads every symbol's records since the stream's one cursor at once, where the provider lists them so (the
     * events of every symbol), in ascending order of day and then symbol, with a checkpoint after each day.
     */
    private StreamOutcome readWholeMarketAtOnce(StopSignal stop) {
        EverySymbolSource<R> every = stream.everySymbol().orElseThrow();
        Optional<LocalDate> cursor = progress.state().everySymbolCursor();
        Optional<Symbol> through = progress.state().everySymbolThrough();
        LocalDate from = wholeMarketFrom();
        Symbol after = settings.lookbackDays() == 0 ? through.orElse(null) : null;
        LocalDate resumedDay = cursor.orElse(null);
        report.log(LogLevel.INFO, "Read plan for " + stream.name() + ": the whole market's records from " + from
                + " at once");
        List<R> records = new ArrayList<>();
        try (Stream<R> all = every.from(from)) {
            all.forEach(record -> {
                LocalDate day = dayOf.apply(record);
                if (!day.isBefore(from) && !day.isAfter(settings.endDate()) && (after == null
                        || !day.equals(resumedDay) || every.symbolOf(record).compareTo(after) > 0)) {
                    records.add(record);
                }
            });
        } catch (RuntimeException | Error e) {
            return fail(null, e);
        }
        // A stable sort keeps the first of two records of one symbol and day ahead of the second.
        records.sort(Comparator.comparing(dayOf).thenComparing(every::symbolOf));
        progress.estimate(records.size());
        try {
            for (int i = 0; i < records.size(); i++) {
                if (stop.requested()) {
                    return fail(null, new ReadStoppedException());
                }
                R record = records.get(i);
                LocalDate day = dayOf.apply(record);
                progress.record(every.symbolOf(record), day, record);
                if (i + 1 == records.size() || !dayOf.apply(records.get(i + 1)).equals(day)) {
                    progress.checkpointDay(day);
                }
            }
        } catch (RuntimeException | Error e) {
            return fail(null, e);
        }
        progress.checkpoint();
        progress.complete();
        return StreamOutcome.complete(stream.name());
    }

    /**
     * The records of {@code day} that {@code keep} accepts, one per symbol in ascending order of symbols; a day
     * answered without a single record is told to {@code gaps} as day {@code index}.
     */
    private List<R> dayOf(DaySource<R> days, LocalDate day, DayGaps.Tracker gaps, int index,
            Predicate<R> keep) {
        List<R> kept = new ArrayList<>();
        boolean[] answered = {false};
        try (Stream<R> answer = days.day(day)) {
            answer.forEach(record -> {
                answered[0] = true;
                if (dayOf.apply(record).equals(day) && keep.test(record)) {
                    kept.add(record);
                }
            });
        }
        if (!answered[0]) {
            gaps.unanswered(index);
        }
        // A stable sort keeps the first of two records of one symbol ahead of the second, which is dropped.
        kept.sort(Comparator.comparing(days::symbolOf));
        List<R> unique = new ArrayList<>(kept.size());
        int repeated = 0;
        for (R record : kept) {
            if (!unique.isEmpty() && days.symbolOf(unique.get(unique.size() - 1)).equals(days.symbolOf(record))) {
                repeated++;
            } else {
                unique.add(record);
            }
        }
        if (repeated > 0) {
            warn("The provider's answer for " + day + " holds " + repeated + (repeated == 1 ? " symbol" : " symbols")
                    + " twice; the first record of each was kept");
        }
        return unique;
    }

    private void tellGaps(DayGaps.Tracker gaps) {
        List<LocalDate> empty = gaps.unansweredDays();
        if (!empty.isEmpty()) {
            warn("The provider answered no records at all for " + empty.size()
                    + (empty.size() == 1 ? " trading day: " : " trading days: ") + empty.stream().limit(DayGaps.DAYS_NAMED)
                    .map(LocalDate::toString).reduce((a, b) -> a + ", " + b).orElseThrow()
                    + (empty.size() > DayGaps.DAYS_NAMED ? " and " + (empty.size() - DayGaps.DAYS_NAMED) + " more" : "")
                    + " (their data may not be published yet); the cursor does not pass them, so the next sync asks"
                    + " again");
        }
        gaps.warnings(this::warn);
    }

    private StreamOutcome completeUnlessUnknown(List<Symbol> unknown, Map<Symbol, String> unreadable) {
        if (!unknown.isEmpty() || !unreadable.isEmpty()) {
            return fail(null, new UnknownTickersException(unknown, unreadable, provider,
                    "; the other tickers were read"));
        }
        progress.complete();
        return StreamOutcome.complete(stream.name());
    }

    private Optional<LocalDate> cursor(Symbol symbol) {
        return incremental ? progress.state().cursor(symbol) : Optional.empty();
    }

    private Optional<DateWindow> windowOf(Symbol symbol) {
        Optional<LocalDate> cursor = cursor(symbol);
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
     * The cursor's own day, asked for too as the anchor of a re-read rule, where the read watches for one and the
     * provider's bars carry an adjusted close that could show a change.
     */
    private Optional<LocalDate> anchorOf(Symbol symbol, DateWindow window) {
        Optional<LocalDate> cursor = cursor(symbol);
        return watchesForRereads() && planner.reach().adjustedValues() && cursor.isPresent()
                && cursor.get().isBefore(window.from()) && !cursor.get().isBefore(settings.startDate())
                ? cursor : Optional.empty();
    }

    /**
     * Whether the read watches each symbol's records for a change since its cursor. It does also where the events
     * decided beforehand: an adjusted close can move with an event the provider's events do not show (a csv
     * directory without its companion files).
     */
    private boolean watchesForRereads() {
        return incremental && settings.rereadOnAdjustment() && stream.reread().isPresent();
    }

    /** The symbols whose records synced before changed with an event since their cursor, where the stream knows. */
    private Map<Symbol, String> changedHistories() {
        if (!incremental || !settings.rereadOnAdjustment() || stream.changes().isEmpty()) {
            return Map.of();
        }
        Map<Symbol, LocalDate> cursors = new HashMap<>();
        for (Symbol symbol : settings.tickers()) {
            cursor(symbol).filter(day -> !day.isBefore(settings.startDate()) && day.isBefore(settings.endDate()))
                    .ifPresent(day -> cursors.put(symbol, day));
        }
        return stream.changes().get().since(cursors, settings.endDate());
    }

    /**
     * Reads {@code symbol} over {@code requested}, emitting from {@code emitFrom} on, and once more over the whole
     * configured window when the stream's re-read rule finds that records synced before have changed.
     */
    private void readSymbol(Symbol symbol, DateWindow requested, LocalDate emitFrom, RecordSource.Batch<R> batch) {
        Optional<RereadRule.Watch<R>> watch = requested.from().isBefore(emitFrom)
                ? stream.reread().map(rule -> rule.watch(requested.from())) : Optional.empty();
        // Only a stream with a record for every trading day can miss one: events come on few days.
        boolean everyTradingDay = stream.recordsPerTradingDay() >= 1;
        emit(symbol, batch.read(new Partition(symbol, requested)), requested, emitFrom, watch, everyTradingDay);
        if (watch.isPresent() && watch.get().changed()) {
            readWholeHistory(symbol, watch.get());
        }
    }

    private void readWholeHistory(Symbol symbol, RereadRule.Watch<R> watch) {
        report.log(LogLevel.INFO, watch.reason() + ": reading its whole history again from "
                + settings.startDate() + " so that the records synced before are corrected");
        DateWindow whole = settings.window();
        emit(symbol, stream.source().read(new Partition(symbol, whole)), whole, settings.startDate(),
                Optional.empty(), false);
    }

    /**
     * Emits the records of {@code source} from {@code emitFrom} on, in date order. A source that fails part way
     * still has the records before the failure emitted, so that they are checkpointed, as long as they came in
     * order: then they are a prefix of the history, and the next read resumes after them without a gap.
     */
    private void emit(Symbol symbol, Stream<R> source, DateWindow window, LocalDate emitFrom,
            Optional<RereadRule.Watch<R>> watch, boolean noticeGaps) {
        CursorOrder<R> order = new CursorOrder<>(window, dayOf, keyOf);
        try (Stream<R> records = source) {
            records.forEach(order::add);
        } catch (RuntimeException | Error e) {
            if (order.inOrder()) {
                try {
                    emit(symbol, order.ascending(symbol, this::warn), emitFrom, watch);
                } catch (RuntimeException | Error emitting) {
                    e.addSuppressed(emitting);
                }
            }
            throw e;
        }
        List<R> ascending = order.ascending(symbol, this::warn);
        emit(symbol, ascending, emitFrom, watch);
        if (noticeGaps) {
            DayGaps.of(symbol, ascending.stream().map(dayOf).toList(), planner.calendar()).ifPresent(this::warn);
        }
    }

    private void emit(Symbol symbol, List<R> records, LocalDate emitFrom, Optional<RereadRule.Watch<R>> watch) {
        for (R record : records) {
            watch.ifPresent(w -> w.saw(record));
            LocalDate day = dayOf.apply(record);
            if (!day.isBefore(emitFrom)) {
                progress.record(symbol, day, record);
            }
        }
    }

    private void warn(String warning) {
        report.log(LogLevel.WARN, warning);
    }

    private StreamOutcome fail(Symbol symbol, Throwable cause) {
        progress.incomplete();
        return new StreamOutcome(stream.name(), Optional.of(new ReadFailure(stream.name(), symbol, provider, cause)));
    }
}
