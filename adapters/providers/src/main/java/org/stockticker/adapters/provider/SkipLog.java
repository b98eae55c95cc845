package org.stockticker.adapters.provider;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * The warnings about what one answer (one symbol's read) had to skip, kept readable however much it skips: the first
 * {@value #LOGGED_ONE_BY_ONE} skips are a WARN line each, the others are only counted by kind, and
 * {@link #finish} sums them up in one line. An answer of 200,000 bad bars gives 11 lines, not 200,000.
 *
 * <p>One instance serves one answer, read on one thread.
 */
public final class SkipLog {

    /** Skips of one answer that get a line of their own. */
    public static final int LOGGED_ONE_BY_ONE = 10;

    private final Logger log;
    private final Map<String, Integer> unlogged = new LinkedHashMap<>();
    private int skipped;

    /** A log of the skips of one answer, reported to {@code log}. */
    public SkipLog(Logger log) {
        this.log = log;
    }

    /**
     * Reports one skip: a WARN line of {@code format} and {@code arguments} (SLF4J's {@code {}} placeholders) while
     * the answer has had few, else only counted under {@code kind}, a few words such as "without a close".
     */
    public void skip(String kind, String format, Object... arguments) {
        skipped++;
        if (skipped <= LOGGED_ONE_BY_ONE) {
            log.warn(format, arguments);
        } else {
            unlogged.merge(kind, 1, Integer::sum);
        }
    }

    /**
     * Ends the answer: one WARN line "Skipped N more {@code what}: K kind, M kind" for the skips that had no line of
     * their own, if any; then the log starts afresh.
     */
    public void finish(String what) {
        finish("Skipped", what);
    }

    /**
     * Ends the answer as {@link #finish(String)} does, the summary line starting with {@code verb} ("Kept" for
     * warnings about values kept in part) instead of "Skipped".
     */
    public void finish(String verb, String what) {
        if (!unlogged.isEmpty()) {
            int more = unlogged.values().stream().mapToInt(Integer::intValue).sum();
            String kinds = unlogged.entrySet().stream()
                    .map(kind -> kind.getValue() + " " + kind.getKey())
                    .collect(Collectors.joining(", "));
            log.warn("{} {} more {}: {}", verb, more, what, kinds);
        }
        unlogged.clear();
        skipped = 0;
    }
}
