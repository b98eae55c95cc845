package org.stockticker.application.read;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.stockticker.application.port.out.BrokenAnswerException;
import org.stockticker.application.port.out.RateLimitListener;
import org.stockticker.application.port.out.ReadReportPort;
import org.stockticker.application.port.out.ReadReportPort.LogLevel;
import org.stockticker.domain.DateWindow;

/**
 * Reads a partition again when its answer broke after it began (cut short, stalled, garbage instead of JSON), up to
 * {@value #ATTEMPTS} times in all, each new try from the day after the last record handed on, so that nothing is
 * handed on twice; an answer that came out of date order is read again whole. The provider's client already retried each request, so a request that kept failing is not tried
 * again here. The caller sees one stream, as if nothing had broken.
 */
public final class RereadingSource<R> implements RecordSource<R> {

    /** How often one partition is read before a broken answer reaches the caller. */
    public static final int ATTEMPTS = 3;

    private final RecordSource<R> source;
    private final Function<R, LocalDate> dayOf;
    private final String provider;
    private final ReadReportPort report;

    /** Reads {@code source} again on broken answers; {@code dayOf} tells a record's day, {@code report} hears why. */
    public RereadingSource(RecordSource<R> source, Function<R, LocalDate> dayOf, String provider,
            ReadReportPort report) {
        this.source = source;
        this.dayOf = dayOf;
        this.provider = provider;
        this.report = report;
    }

    @Override
    public Stream<R> read(Partition partition) {
        return resuming(partition, () -> source.read(partition));
    }

    @Override
    public Batch<R> batch(List<Partition> partitions) {
        Batch<R> batch = source.batch(partitions);
        return new Batch<>() {
            @Override
            public Stream<R> read(Partition partition) {
                return resuming(partition, () -> batch.read(partition));
            }

            @Override
            public void close() {
                batch.close();
            }
        };
    }

    @Override
    public void onRateLimited(RateLimitListener listener) {
        source.onRateLimited(listener);
    }

    private Stream<R> resuming(Partition partition, Supplier<Stream<R>> first) {
        Resuming resuming = new Resuming(partition, first);
        return StreamSupport.stream(resuming, false).onClose(resuming::closeCurrent);
    }

    /** One partition's records over as many answers as it takes. */
    private final class Resuming extends Spliterators.AbstractSpliterator<R> {

        private final Partition partition;
        private Supplier<Stream<R>> opener;
        private Stream<R> current;
        private Spliterator<R> records;
        private LocalDate last;
        private boolean inOrder = true;
        private int attempt = 1;
        private Consumer<? super R> downstream;
        // One consumer for every record, rather than one made per record.
        private final Consumer<R> tracking = record -> {
            LocalDate day = dayOf.apply(record);
            if (last == null || day.isAfter(last)) {
                last = day;
            } else {
                inOrder = false;
            }
            downstream.accept(record);
        };

        Resuming(Partition partition, Supplier<Stream<R>> first) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.partition = partition;
            this.opener = first;
        }

        @Override
        public boolean tryAdvance(Consumer<? super R> action) {
            while (true) {
                try {
                    if (records == null) {
                        current = opener.get();
                        records = current.spliterator();
                    }
                    downstream = action;
                    return records.tryAdvance(tracking);
                } catch (BrokenAnswerException e) {
                    if (attempt >= ATTEMPTS) {
                        throw e;
                    }
                    closeCurrent();
                    DateWindow window = partition.window();
                    // An answer out of date order is no prefix of the history: it is read again whole, and the
                    // caller keeps the first record of each day.
                    Optional<DateWindow> remaining = last == null || !inOrder ? Optional.of(window)
                            : DateWindow.between(last.plusDays(1), window.to());
                    if (remaining.isEmpty()) {
                        return false;
                    }
                    attempt++;
                    report.log(LogLevel.WARN, "Reading " + partition.symbol() + " from provider " + provider
                            + " failed (" + e.getMessage() + "); reading it again from " + remaining.get().from()
                            + ", attempt " + attempt + " of " + ATTEMPTS);
                    Partition rest = new Partition(partition.symbol(), remaining.get());
                    opener = () -> source.read(rest);
                }
            }
        }

        void closeCurrent() {
            if (current != null) {
                Stream<R> closing = current;
                current = null;
                records = null;
                closing.close();
            }
        }
    }
}
