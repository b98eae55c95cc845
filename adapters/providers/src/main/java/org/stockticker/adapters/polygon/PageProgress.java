package org.stockticker.adapters.polygon;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * Ends a chain of {@code next_url} pages that does not get anywhere, so that a provider cannot keep a read going
 * page after page. For a symbol's window of bars, a page brings progress when it holds a bar of the window dated
 * after every bar before it; for a list (splits, dividends, listings), when it holds an entry not handed out before.
 *
 * <p>The chain is cut after {@value #MAX_PAGES_WITHOUT_PROGRESS} pages in a row without progress (empty pages, or
 * pages of what was already read), and once it is longer than any real answer could be: each real page of bars
 * brings at least one new day of the window, so a window of N days needs at most N pages and a closing empty one;
 * never more than {@value #MAX_PAGES} pages in all, for a window or a list.
 */
final class PageProgress {

    /** Pages in a row without progress after which the chain is cut. */
    static final int MAX_PAGES_WITHOUT_PROGRESS = 5;

    /** The most pages of one answer, whatever it is about. */
    static final int MAX_PAGES = 1000;

    private final String provider;
    private final String subject;
    private final String newOne;
    private final int maxPages;
    private final String tooMany;
    private LocalDate latest;
    private boolean advanced;
    private int pages;
    private int pagesWithoutProgress;

    /** The progress of the pages of bars of {@code symbol} within {@code window}. */
    PageProgress(String provider, Symbol symbol, DateWindow window) {
        this(provider, symbol.value(), "a new bar of " + symbol, (int) Math.min(MAX_PAGES,
                ChronoUnit.DAYS.between(window.from(), window.to()) + 1 + MAX_PAGES_WITHOUT_PROGRESS),
                "more than its window can fill");
    }

    private PageProgress(String provider, String subject, String newOne, int maxPages, String tooMany) {
        this.provider = provider;
        this.subject = subject;
        this.newOne = newOne;
        this.maxPages = maxPages;
        this.tooMany = tooMany;
    }

    /**
     * The progress of the pages of a list, {@code subject} as messages name it ("the splits of AAPL"), at most
     * {@value #MAX_PAGES} pages long.
     */
    static PageProgress ofList(String provider, String subject) {
        return new PageProgress(provider, subject, "a new entry in " + subject, MAX_PAGES,
                "more than any such list has");
    }

    /** A bar of the window dated {@code day} was read on the current page. */
    void bar(LocalDate day) {
        if (latest == null || day.isAfter(latest)) {
            latest = day;
            advanced = true;
        }
    }

    /** An entry not handed out before was read on the current page. */
    void newEntry() {
        advanced = true;
    }

    /**
     * The current page ended and names a next one.
     *
     * @throws ProviderUnavailableException naming the subject and why, when the next one must not be asked for
     */
    void nextPageNamed() {
        pages++;
        pagesWithoutProgress = advanced ? 0 : pagesWithoutProgress + 1;
        advanced = false;
        if (pagesWithoutProgress >= MAX_PAGES_WITHOUT_PROGRESS) {
            throw cut("sent " + pagesWithoutProgress + " pages in a row without " + newOne + ", each naming another");
        }
        if (pages >= maxPages) {
            throw cut("named more than " + pages + " pages for " + subject + ", " + tooMany);
        }
    }

    private ProviderUnavailableException cut(String why) {
        return new ProviderUnavailableException("provider " + provider + " " + why
                + "; the rest of its pages were not read", null);
    }
}
