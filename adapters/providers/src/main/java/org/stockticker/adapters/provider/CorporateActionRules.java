package org.stockticker.adapters.provider;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

/**
 * The rules that keep one answer of a provider's splits or dividends readable whatever it holds, so that one bad
 * event does not end the answer: an event without a readable date, with values the domain refuses (a ratio or amount
 * of zero or less, out of range) or with the key of an event read before it is skipped with a WARN naming the symbol,
 * the day where known, and the reason; a currency that is no ISO 4217 code is left out of an event that is kept, with
 * a WARN. Events outside the window are dropped without a word, since providers answer more days than asked for.
 * Warnings quote no text the provider sent, only dates and numbers, so that no echo of a key can reach a log.
 *
 * <p>Past the first {@value SkipLog#LOGGED_ONE_BY_ONE} of an answer, skips are counted and summed up in one line at
 * its end, and so are events kept without a value. One instance serves one answer, read on one thread.
 *
 * @param <T> the events, {@link Split}s or {@link Dividend}s
 */
public final class CorporateActionRules<T> {

    private final String provider;
    private final String noun;
    private final String keyName;
    private final Function<T, LocalDate> day;
    private final Function<T, Object> key;
    private final SkipLog skips;
    private final SkipLog kept;
    /** The warnings about values left out of the event being built, told once it is made. */
    private final List<Runnable> leftOut = new ArrayList<>();
    private boolean building;

    private CorporateActionRules(String provider, String noun, String keyName, Function<T, LocalDate> day,
            Function<T, Object> key, Logger log) {
        this.provider = provider;
        this.noun = noun;
        this.keyName = keyName;
        this.day = day;
        this.key = key;
        this.skips = new SkipLog(log);
        this.kept = new SkipLog(log);
    }

    /** Rules for one answer of {@code provider}'s splits, one a day at most. */
    public static CorporateActionRules<Split> splits(String provider, Logger log) {
        return new CorporateActionRules<>(provider, "split", "execution date", Split::executionDate,
                Split::executionDate, log);
    }

    /** Rules for one answer of {@code provider}'s dividends, one of each distribution type a day at most. */
    public static CorporateActionRules<Dividend> dividends(String provider, Logger log) {
        return new CorporateActionRules<>(provider, "dividend", "ex-dividend date and distribution type",
                Dividend::exDividendDate, dividend -> List.of(dividend.exDividendDate(), dividend.distributionType()),
                log);
    }

    /**
     * The event that {@code build} makes of the day {@code date}: empty without a word when the day is outside
     * {@code window}, empty with a WARN when {@code build} refuses it with an {@link IllegalArgumentException}, whose
     * message is the reason (the domain's own, such as "split_to 0 is not a positive split ratio").
     */
    public Optional<T> event(Symbol symbol, LocalDate date, DateWindow window, Supplier<T> build) {
        if (!window.contains(date)) {
            return Optional.empty();
        }
        leftOut.clear();
        building = true;
        try {
            T event = build.get();
            leftOut.forEach(Runnable::run);
            return Optional.of(event);
        } catch (IllegalArgumentException e) {
            skips.skip("refused", "Skipping the {} of {} on {} from provider {}: {}", noun, symbol, date, provider,
                    e.getMessage());
            return Optional.empty();
        } finally {
            building = false;
            leftOut.clear();
        }
    }

    /** Skips the event of the day {@code date} for {@code reason}; without a word when it is outside the window. */
    public Optional<T> skip(Symbol symbol, LocalDate date, DateWindow window, String reason) {
        return event(symbol, date, window, () -> {
            throw new IllegalArgumentException(reason);
        });
    }

    /** Skips an event whose day is not known, such as one without a readable date, for {@code reason}. */
    public Optional<T> skipUndated(Symbol symbol, String reason) {
        skips.skip("without a readable date", "Skipping a {} of {} from provider {}: {}", noun, symbol, provider,
                reason);
        return Optional.empty();
    }

    /** Skips an element of the answer's list of events that is not a JSON object at all. */
    public Optional<T> skipNonObject(Symbol symbol) {
        skips.skip("not an object", "Skipping an element of the {} answer of {} for {}: it is not an object",
                provider, noun + "s", symbol);
        return Optional.empty();
    }

    /**
     * Tells that the event of {@code date} is kept without its {@code field} (left null), for {@code reason}. Called
     * while {@link #event} builds the event, it is told once the event is made, and not at all when the event is
     * refused after all; nothing is said about events outside the window, which are never built.
     */
    public void keptWithout(Symbol symbol, LocalDate date, String field, String reason) {
        Runnable warning = () -> kept.skip("without their " + field,
                "Keeping the {} of {} on {} from provider {} without its {}: {}", noun, symbol, date, provider, field,
                reason);
        if (building) {
            leftOut.add(warning);
        } else {
            warning.run();
        }
    }

    /**
     * {@code code} as the ISO 4217 code of a kept event, upper case; null when the provider sent none, and null
     * with a WARN ({@link #keptWithout}) when it is no such code.
     */
    public String currency(Symbol symbol, LocalDate date, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (Dividend.isCurrencyCode(upper)) {
            return upper;
        }
        keptWithout(symbol, date, "currency", "the provider's code is not an ISO 4217 currency code");
        return null;
    }

    /**
     * The events of {@code read}, read when the returned stream is first consumed: in ascending order of their day,
     * each event whose key (execution date; ex-dividend date and distribution type) came before in the answer
     * skipped with a WARN, and the warnings of the answer summed up at its end. Closing the returned stream closes
     * {@code read}.
     */
    public Stream<T> inOrder(Symbol symbol, Stream<T> read) {
        return StreamSupport.stream(() -> ordered(symbol, read).spliterator(),
                Spliterator.ORDERED | Spliterator.NONNULL, false).onClose(read::close);
    }

    private List<T> ordered(Symbol symbol, Stream<T> read) {
        try {
            List<T> events = new ArrayList<>(read.toList());
            // A stable sort: of two events with one key, the one the answer gave first is kept.
            events.sort(Comparator.comparing(day));
            Set<Object> keys = new HashSet<>();
            List<T> distinct = new ArrayList<>(events.size());
            for (T event : events) {
                if (keys.add(key.apply(event))) {
                    distinct.add(event);
                } else {
                    skips.skip("repeated", "Skipping a second {} of {} on {} from provider {}: {}", noun, symbol,
                            day.apply(event), provider, distinct.contains(event)
                                    ? "it repeats one read before" : "one with the same " + keyName + " came first");
                }
            }
            return distinct;
        } finally {
            skips.finish(noun + "s of " + symbol + " from provider " + provider);
            kept.finish("Kept", noun + "s of " + symbol + " from provider " + provider + " with a value left out");
        }
    }
}
