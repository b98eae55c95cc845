package org.stockticker.adapters.polygon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.stockticker.adapters.json.IsoDate;
import org.stockticker.adapters.provider.SkipLog;
import org.stockticker.domain.Symbol;

/**
 * The bookkeeping of one list of splits, dividends or listings as its entries are read: which symbol an entry is
 * about, which entries were handed out already, and the warnings about what had to be skipped, told readably however
 * many there are.
 *
 * <p>An entry that cannot be one is skipped with a WARN ({@link #skip}), and a value that cannot be one is left out of
 * an entry that is kept ({@link #blank}); each with a line of its own for the first {@value SkipLog#LOGGED_ONE_BY_ONE}
 * of a list, then counted and summed up by {@link #finish}. Entries whose ticker is no {@link Symbol} are told in one
 * line with their count and a few of them ({@link TickerSkips}), since a list of every symbol may hold many.
 *
 * <p>One instance serves one list, read on one thread.
 */
final class PolygonEntries {

    /** How much of a ticker naming another symbol a warning quotes. */
    private static final int SHOWN_CHARS = 20;

    private final String provider;
    private final String subject;
    private final Symbol asked;
    private final SkipLog skipped;
    private final SkipLog blanked;
    private final TickerSkips tickers;
    private final Set<Object> handedOut = new HashSet<>();

    /**
     * The bookkeeping of the list of {@code subject} ("the splits of AAPL", as messages name it) from
     * {@code provider}: a list of the symbol {@code asked}, or of every symbol when it is null; warnings go to
     * {@code log}.
     */
    PolygonEntries(String provider, String subject, Symbol asked, Logger log) {
        this.provider = provider;
        this.subject = subject;
        this.asked = asked;
        this.skipped = new SkipLog(log);
        this.blanked = new SkipLog(log);
        this.tickers = new TickerSkips(provider, subject, log);
    }

    /**
     * The symbol an entry whose ticker is {@code ticker} is about, or null when the entry is skipped: in a list of one
     * symbol, that symbol (an entry naming another ticker is skipped with a WARN); in a list of every symbol, the
     * symbol {@code ticker} spells (an entry whose ticker is none is counted for {@link TickerSkips}).
     *
     * @param entry what the entry is, for the warning ("split")
     */
    Symbol symbol(String ticker, String entry) {
        if (asked != null) {
            if (ticker == null || ticker.equalsIgnoreCase(asked.value())) {
                return asked;
            }
            skipped.skip("about another ticker", "Skipping a {} in {} from provider {}: it is about ticker {}", entry,
                    subject, provider, shown(ticker));
            return null;
        }
        try {
            return new Symbol(ticker);
        } catch (IllegalArgumentException e) {
            tickers.skip(ticker);
            return null;
        }
    }

    /** Whether an entry with {@code key} was handed out already. */
    boolean handedOut(Object key) {
        return handedOut.contains(key);
    }

    /** Counts the entry with {@code key} as handed out. */
    void handOut(Object key) {
        handedOut.add(key);
    }

    /**
     * Skips an entry with a WARN "Skipping the {@code entry} of {@code symbol} on {@code day}: {@code reason}", or,
     * without a day, "Skipping a {@code entry} of {@code symbol}: {@code reason}"; counted under {@code kind} once the
     * list has had many.
     */
    void skip(String kind, String entry, Symbol symbol, LocalDate day, String reason) {
        if (day == null) {
            skipped.skip(kind, "Skipping a {} of {} from provider {}: {}", entry, symbol, provider, reason);
        } else {
            skipped.skip(kind, "Skipping the {} of {} on {} from provider {}: {}", entry, symbol, day, provider,
                    reason);
        }
    }

    /** Skips an element of the list that is no object with a WARN; the parser is moved past it. */
    void skipNonObject(JsonParser parser) throws IOException {
        parser.skipChildren();
        skipped.skip("that are no object", "Skipping an entry of {} from provider {}: it is no object", subject,
                provider);
    }

    /**
     * Keeps the {@code entry} of {@code symbol} on {@code day} (null where it has none) without the value of
     * {@code field}, with a WARN "... without its {@code field}, which {@code why}"; counted under {@code kind} once
     * the list has had many.
     */
    void blank(String kind, String entry, Symbol symbol, LocalDate day, String field, String why) {
        blanked.skip(kind, "Keeping the {} of {}{} from provider {} without its {}, which {}", entry,
                symbol, day == null ? "" : " on " + day, provider, field, why);
    }

    /** Tells what the list skipped since it started or since the last call, in at most three lines. */
    void finish() {
        tickers.finish();
        skipped.finish("entries of " + subject);
        blanked.finish("values of " + subject);
    }

    /**
     * The date {@code text} names ({@code YYYY-MM-DD}), or null when it is null or names none.
     */
    static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return IsoDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Checks that the parser is at the end of the object it was reading, as an entry read whole leaves it. */
    static void requireEnd(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("the answer ended inside an entry");
        }
    }

    /** Text from an answer as a warning quotes it: in quotes, control characters replaced, cut to a few characters. */
    static String shown(String text) {
        String cut = text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "..." : text;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
