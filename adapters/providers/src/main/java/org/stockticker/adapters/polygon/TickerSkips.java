package org.stockticker.adapters.polygon;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * The rows of one answer about every symbol (a grouped day, or a list of splits, dividends or listings) skipped
 * because their ticker is no symbol the connector accepts, told in one warning when the answer ends: how many, and
 * the first few tickers as sent. Massive lists thousands of tickers a day, and some are spelled outside the symbol
 * alphabet (lower-case letters for share classes, say); a warning per row would bury everything else.
 *
 * <p>One instance serves one answer, read on one thread.
 */
final class TickerSkips {

    /** How many of the skipped tickers the warning quotes. */
    static final int EXAMPLES = 5;

    /** How much of a ticker the warning quotes. */
    private static final int SHOWN_CHARS = 20;

    private final String provider;
    private final String subject;
    private final Logger log;
    private final List<String> examples = new ArrayList<>();
    private int skipped;

    /** The skips of the answer about {@code subject} from {@code provider}, told to {@code log}. */
    TickerSkips(String provider, String subject, Logger log) {
        this.provider = provider;
        this.subject = subject;
        this.log = log;
    }

    /** Counts a row skipped for its {@code ticker}, null when it had none that is text. */
    void skip(String ticker) {
        skipped++;
        String shown = shown(ticker);
        if (examples.size() < EXAMPLES && !examples.contains(shown)) {
            examples.add(shown);
        }
    }

    /** Ends the answer: one WARN line for all of its skipped rows, if any; then the count starts afresh. */
    void finish() {
        if (skipped > 0) {
            log.warn("Skipped {} {} of {} from provider {} whose ticker is no symbol (upper-case letters and digits,"
                    + " with single '.' or '-' between them), such as {}", skipped, skipped == 1 ? "row" : "rows",
                    subject, provider, String.join(", ", examples));
        }
        skipped = 0;
        examples.clear();
    }

    /** A ticker as a warning quotes it: in quotes, control characters replaced, cut to a few characters. */
    private static String shown(String ticker) {
        if (ticker == null) {
            return "none";
        }
        String text = ticker.length() > SHOWN_CHARS ? ticker.substring(0, SHOWN_CHARS) + "..." : ticker;
        return "'" + text.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
